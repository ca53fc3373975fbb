import 'reflect-metadata'; // decorators below record design types: it must load first
import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** uuid key and creation time: all an append-only table (the audit log) has. */
@ObjectType({ isAbstract: true })
export abstract class CreatedEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** uuid key and timestamps shared by every table that changes. */
@ObjectType({ isAbstract: true })
export abstract class BaseEntity extends CreatedEntity {
  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
