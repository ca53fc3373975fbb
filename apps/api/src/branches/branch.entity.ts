import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinTable, ManyToMany, ManyToOne, type Relation, Unique } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Employer } from '../employers/employer.entity.js';
import { Organisation } from '../organisations/organisation.entity.js';

/**
 * A branch of an organisation: it organises the staff of one or more employers. People are seen
 * branch by branch: a user sees the people of the employers their branches cover, nobody else's.
 */
@ObjectType()
@Entity()
@Index('uq_branch_org_name', ['organisationId', 'name'], { unique: true })
// A case names its branch with its organisation: (organisation_id, branch_id).
@Unique('uq_branch_org_id', ['organisationId', 'id'])
@Check('ck_branch_structure_test_threshold', 'structure_test_threshold BETWEEN 1 AND 100')
export class Branch extends BaseEntity {
  @Field(() => ID)
  @Column({ type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  organisation: Relation<Organisation>;

  @Field()
  @Column()
  name: string;

  /** The share (percent) of a ward's headcount a structure test must reach for the ward to count as strong. */
  @Field(() => Int, { description: "The share (percent) of a ward's headcount a structure test must reach (default 50)" })
  @Column({ type: 'smallint', default: 50 })
  structureTestThreshold: number;

  /** The employers whose staff this branch organises. An employer is in at most one branch per organisation. */
  @ManyToMany(() => Employer)
  @JoinTable({ name: 'branch_employer', joinColumn: { name: 'branch_id' }, inverseJoinColumn: { name: 'employer_id' } })
  employers: Relation<Employer[]>;
}
