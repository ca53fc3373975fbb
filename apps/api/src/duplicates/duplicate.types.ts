import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsOptional, IsUUID } from 'class-validator';
import { MERGE_FIELDS, type MergeField } from '../access/people-merge.js';
import { GraphQLJSON } from '../audit/json.scalar.js';

/** Why two contacts look like one person. */
export enum DuplicateReason {
  /** The same ESR employee number (across employers and sources). */
  EMPLOYEE_NUMBER = 'EMPLOYEE_NUMBER',
  /** The same work or personal email, ignoring case. */
  EMAIL = 'EMAIL',
  /** Similar names (trigram similarity) on the same current ward. */
  SIMILAR_NAME = 'SIMILAR_NAME',
}
registerEnumType(DuplicateReason, { name: 'DuplicateReason' });

/** A contact field a merge may take from the merged contact. */
export const MergeFieldEnum = Object.fromEntries(Object.keys(MERGE_FIELDS).map((k) => [k, k])) as { [K in MergeField]: K };
registerEnumType(MergeFieldEnum, { name: 'MergeField', description: 'A contact field a merge may take from the merged contact' });

@ObjectType({ description: 'One side of a likely duplicate pair: what tells the two apart' })
export class DuplicateSide {
  @Field(() => ID) id: string;
  @Field() firstName: string;
  @Field() lastName: string;
  @Field(() => String, { nullable: true }) preferredName: string | null;
  @Field(() => String, { nullable: true }) employeeNumber: string | null;
  @Field(() => String, { nullable: true }) workEmail: string | null;
  @Field(() => String, { nullable: true }) jobTitle: string | null;
  @Field() employerName: string;
  @Field(() => String, { nullable: true }) wardName: string | null;
  @Field(() => String, { nullable: true }) siteName: string | null;
}

@ObjectType({ description: 'Two contacts that may be one person' })
export class DuplicatePair {
  @Field(() => ID, { description: 'Both ids, lower first, joined by ":"' }) id: string;
  @Field(() => DuplicateSide) a: DuplicateSide;
  @Field(() => DuplicateSide) b: DuplicateSide;
  @Field(() => [DuplicateReason]) reasons: DuplicateReason[];
  @Field(() => Float, { description: '0–1: 1 for a shared employee number, 0.9 for a shared email, else the names\' similarity' }) score: number;
}

@InputType()
export class DuplicateFilter {
  @Field(() => DuplicateReason, { nullable: true })
  @IsOptional()
  @IsEnum(DuplicateReason, { message: 'reason must be one of the duplicate reasons' })
  reason?: DuplicateReason | null;

  @Field(() => ID, { nullable: true, description: "Pairs with a side currently posted on this site's wards" })
  @IsOptional()
  @IsUUID('all', { message: 'siteId must be a valid id' })
  siteId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Pairs with a side currently posted on this ward' })
  @IsOptional()
  @IsUUID('all', { message: 'wardId must be a valid id' })
  wardId?: string | null;
}

@InputType()
export class MergeChoicesInput {
  @Field(() => [MergeFieldEnum], { nullable: true, description: 'Fields the kept contact takes from the merged one (the rest stay as kept)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(Object.keys(MERGE_FIELDS).length)
  @IsEnum(MergeFieldEnum, { each: true, message: 'fromMerged must list contact fields' })
  fromMerged?: MergeField[] | null;
}

@ObjectType({ description: "A contact's side in a merge screen: how much is recorded about them (their details: Contact(id))" })
export class MergeSide {
  @Field(() => ID) contactId: string;
  @Field(() => Int) conversations: number;
  @Field(() => Int) memberships: number;
  @Field(() => Int) assessments: number;
  @Field(() => Int, { description: 'Cases you may see' }) cases: number;
}

@ObjectType({ description: 'A merge of two contacts: what moved and what was overwritten, reversible until undone' })
export class ContactMerge {
  @Field(() => ID) id: string;
  @Field(() => ID) keptId: string;
  @Field(() => ID, { nullable: true, description: 'The merged contact, once the merge is undone (until then it is deleted, named by mergedName alone)' })
  mergedId: string | null;
  @Field() keptName: string;
  @Field() mergedName: string;
  @Field(() => GraphQLISODateTime) mergedAt: Date;
  @Field(() => String, { nullable: true }) mergedByEmail: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) undoneAt: Date | null;
  @Field(() => GraphQLJSON, { description: "The kept contact's overwritten fields: field → { from, to }" }) fields: Record<string, unknown>;
  @Field(() => GraphQLJSON, { description: 'How many rows moved, by table and column' }) moved: Record<string, number>;
  @Field(() => Int, { description: 'Rows set aside on a collision (restored by undo)' }) absorbed: number;
}
