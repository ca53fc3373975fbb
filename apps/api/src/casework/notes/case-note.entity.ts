import { Field, GraphQLISODateTime, HideField, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation } from 'typeorm';
import { CreatedEntity } from '../../common/base.entity.js';
import { User } from '../../users/user.entity.js';
import { CaseFile } from '../cases/case-file.entity.js';

/** A dated, attributed note on a case. Its text is sealed by CaseCipher (GraphQL: `body`, audited). Notes are kept as written. */
@ObjectType()
@Entity('case_note')
@Index('ix_case_note_case_written', ['caseId', 'writtenAt'])
export class CaseNote extends CreatedEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  case: Relation<CaseFile>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  authorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  author: Relation<User>;

  @Field(() => GraphQLISODateTime)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  writtenAt: Date;

  @HideField()
  @Column({ type: 'bytea' })
  body: Buffer;
}
