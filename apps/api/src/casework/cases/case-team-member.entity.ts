import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, type Relation, Unique } from 'typeorm';
import { CreatedEntity } from '../../common/base.entity.js';
import { User } from '../../users/user.entity.js';
import { CaseTeamRole } from '../casework.enums.js';
import { CaseFile } from './case-file.entity.js';

/**
 * A user on a case's team: exactly one CASEWORKER, at most one SECOND_CASEWORKER and one REP, each
 * user once. Being on the team is what lets someone other than the branch's secretary and admins
 * read the case (CaseDoor, and row-level security through `rollcall_my_cases()`).
 */
@ObjectType()
@Entity('case_team')
@Unique('uq_case_team_user', ['caseId', 'userId'])
@Unique('uq_case_team_role', ['caseId', 'role'])
@Index('ix_case_team_user', ['userId'])
export class CaseTeamMember extends CreatedEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => CaseFile, { onDelete: 'CASCADE' })
  case: Relation<CaseFile>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  user: Relation<User>;

  @Field(() => CaseTeamRole)
  @Column({ type: 'enum', enum: CaseTeamRole, enumName: 'case_team_role' })
  role: CaseTeamRole;
}
