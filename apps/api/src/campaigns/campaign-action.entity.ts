import { Field, HideField, ID, ObjectType } from '@nestjs/graphql';
import { ActionKind } from '../common/enums.js';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation, Unique } from 'typeorm';
import { OrganisationOwnedEntity } from '../organisations/organisation-owned.entity.js';
import { Site } from '../sites/site.entity.js';
import { User } from '../users/user.entity.js';
import { Ward } from '../wards/ward.entity.js';
import { Campaign } from './campaign.entity.js';

/**
 * Something a campaign does on a day: a meeting, petition, rally, picket, badge or photo day, survey.
 * At a ward or a site, or online (or nowhere said). A structure test (`isStructureTest`) is a visible
 * action that tests the majority: its result is read per ward (CampaignService.structureTest).
 */
@ObjectType()
@Entity()
@Unique('uq_campaign_action_org_id', ['organisationId', 'id'])
@Index('ix_campaign_action_campaign_date', ['campaignId', 'date'])
@Check('ck_campaign_action_one_place', 'num_nonnulls(ward_id, site_id) + (CASE WHEN online THEN 1 ELSE 0 END) <= 1')
export class CampaignAction extends OrganisationOwnedEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  campaignId: string;

  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'campaign_id', referencedColumnName: 'id' }])
  campaign: Relation<Campaign>;

  @Field(() => ActionKind)
  @Column({ type: 'enum', enum: ActionKind, enumName: 'action_kind' })
  kind: ActionKind;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { description: 'YYYY-MM-DD' })
  @Column({ type: 'date' })
  date: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  wardId: string | null;

  @ManyToOne(() => Ward, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'ward_id', referencedColumnName: 'id' }])
  ward: Relation<Ward>;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  siteId: string | null;

  @ManyToOne(() => Site, { onDelete: 'RESTRICT' })
  @JoinColumn([{ name: 'organisation_id', referencedColumnName: 'organisationId' }, { name: 'site_id', referencedColumnName: 'id' }])
  site: Relation<Site>;

  @Field({ description: 'Held online' })
  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Field({ description: 'A test of the majority: its result is read per ward against the branch threshold' })
  @Column({ type: 'boolean', default: false })
  isStructureTest: boolean;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @HideField()
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  createdBy: Relation<User>;
}
