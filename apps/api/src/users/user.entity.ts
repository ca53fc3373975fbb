import { Field, ID, HideField, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, OneToMany, type Relation } from 'typeorm';
import { Site } from '../sites/site.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { UserBranchRole } from './user-branch-role.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

/** A person who logs in: one organisation, roles per branch, and a patch of sites if a rep. */
@ObjectType()
@Entity({ name: 'app_user' })
export class User extends BaseEntity {
  @Field()
  @Index('uq_user_email', { unique: true })
  @Column() // stored lower-case
  email: string;

  @Field()
  @Column()
  displayName: string;

  @HideField()
  @Column()
  passwordHash: string;

  /** Roles per branch (several roles, several branches). */
  @Field(() => [UserBranchRole])
  @OneToMany(() => UserBranchRole, (r) => r.user, { cascade: true })
  roles: Relation<UserBranchRole[]>;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  @Field({ description: 'Inactive accounts cannot log in' })
  @Column({ default: true })
  active: boolean;

  /** "My patch": the sites a rep works on. Reps see and change only people posted there. */
  @HideField()
  @ManyToMany(() => Site)
  @JoinTable({ name: 'rep_patch', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'site_id' } })
  patchSites: Relation<Site[]>;

  /** Bumped by logout and password change: tokens carrying an older version stop working. */
  @HideField()
  @Column({ type: 'int', default: 0 })
  tokenVersion: number;
}
