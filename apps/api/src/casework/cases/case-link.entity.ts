import { Check, Column, Entity, Index, ManyToOne, type Relation, Unique } from 'typeorm';
import { CreatedEntity } from '../../common/base.entity.js';
import { User } from '../../users/user.entity.js';
import { CaseFile } from './case-file.entity.js';

/**
 * Two cases of the same member linked: an appeal or a tribunal claim (`caseId`) and the case it
 * follows from (`linkedCaseId`). Shown (Case.links) only when the caller reads both cases.
 */
@Entity('case_link')
@Unique('uq_case_link', ['caseId', 'linkedCaseId'])
@Index('ix_case_link_linked', ['linkedCaseId'])
@Check('ck_case_link_not_self', 'case_id <> linked_case_id')
export class CaseLink extends CreatedEntity {
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  case: Relation<CaseFile>;

  @Column({ type: 'uuid' })
  linkedCaseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  linkedCase: Relation<CaseFile>;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;
}
