import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Branch } from '../branches/branch.entity.js';
import { Role } from '../common/enums.js';
import type { User } from './user.entity.js';

/** One role a user holds in one branch. A user may hold several roles, in several branches. */
@ObjectType()
@Entity()
@Index('uq_user_branch_role', ['userId', 'branchId', 'role'], { unique: true })
export class UserBranchRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne('User', 'roles', { onDelete: 'CASCADE' })
  user: Relation<User>;

  @Field(() => ID)
  @Index('ix_user_branch_role_branch')
  @Column({ type: 'uuid' })
  branchId: string;

  @ManyToOne(() => Branch, { onDelete: 'CASCADE' })
  branch: Relation<Branch>;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;
}
