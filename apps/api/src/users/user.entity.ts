import { Field, ID, HideField, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, type Relation } from 'typeorm';
import { Site } from '../sites/site.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { Role } from '../common/enums.js';
import { Organisation } from '../organisations/organisation.entity.js';

/** A person who logs in. Roles and scope are refined by the access issue; here: one role, one organisation. */
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

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role: Role;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field(() => Organisation)
  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  @HideField()
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
