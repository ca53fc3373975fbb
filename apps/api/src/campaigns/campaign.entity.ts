import { Field, HideField, ID, Int, ObjectType } from '@nestjs/graphql';
import type { TargetGroup } from '@rollcall/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { Branch } from '../branches/branch.entity.js';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';
import { User } from '../users/user.entity.js';

/**
 * A campaign of a branch ("#notfairnotsafe contract campaign"): its goal, dates, the organisation's
 * unions involved, the staff it targets (a target group), and for a recruitment drive to a ballot's
 * cut-off its join-by date and recruitment target. Its actions are CampaignActions. Organisation-owned:
 * read by everyone in its branch, changed by the branch's secretary and admins.
 */
@ObjectType()
@Entity()
@Unique('uq_campaign_org_id', ['organisationId', 'id'])
@Index('ix_campaign_org_branch', ['organisationId', 'branchId', 'startDate'])
@Check('ck_campaign_ends_after_start', 'end_date IS NULL OR end_date >= start_date')
@Check('ck_campaign_targets', '(target_participants IS NULL OR target_participants > 0) AND (recruitment_target IS NULL OR recruitment_target > 0)')
export class Campaign extends OrganisationOwnedEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  branchId: string;

  /** Of the same organisation: the foreign key includes it. */
  @ManyToOne(() => Branch, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'branch_id', referencedColumnName: 'id' }])
  branch: Relation<Branch>;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => String, { nullable: true, description: 'What the campaign is for, in words' })
  @Column({ type: 'text', nullable: true })
  goal: string | null;

  @Field(() => Int, { nullable: true, description: 'How many people it aims to have take part (came to or signed an action)' })
  @Column({ type: 'integer', nullable: true })
  targetParticipants: number | null;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD: its last day' })
  @Column({ type: 'date', nullable: true })
  endDate: string | null;

  @Field(() => String, { nullable: true, description: "YYYY-MM-DD: a coming ballot's membership cut-off (join by this day to vote)" })
  @Column({ type: 'date', nullable: true })
  joinByDate: string | null;

  @Field(() => Int, { nullable: true, description: 'How many new members it aims to recruit' })
  @Column({ type: 'integer', nullable: true })
  recruitmentTarget: number | null;

  /** Shown as `targetGroup` (a TargetGroupView, with its description). */
  @HideField()
  @Column({ type: 'jsonb' })
  targetGroup: TargetGroup;

  @HideField()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;
}
