import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../common/base.entity.js';
import { User } from '../../users/user.entity.js';
import { CaseFile } from '../cases/case-file.entity.js';

/** A deadline a caseworker adds to a case by hand (every other deadline is computed: Case.deadlines). */
@ObjectType()
@Entity('case_custom_deadline')
@Index('ix_case_custom_deadline_case_due', ['caseId', 'due'])
export class CaseCustomDeadline extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  case: Relation<CaseFile>;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  label: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  due: string;

  @Field()
  @Column({ default: false })
  done: boolean;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;
}
