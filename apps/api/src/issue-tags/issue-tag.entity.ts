import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/** An issue raised in conversations (pay, staffing, safety…): each organisation keeps its own list. */
@ObjectType()
@Entity()
@Index('uq_issue_tag_org_name', ['organisationId', 'name'], { unique: true })
export class IssueTag extends BaseEntity {
  @Column({ type: 'uuid' })
  organisationId: string;

  @Field()
  @Column()
  name: string;

  /** Retired tags stay on old conversations but are not offered for new ones. */
  @Field()
  @Column({ default: true })
  active: boolean;
}
