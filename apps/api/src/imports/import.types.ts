import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { BaseFilter } from '../common/list.js';
import { IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';

export enum ImportRunStatus {
  /** Uploaded: mapping to be checked, then a dry run. */
  UPLOADED = 'UPLOADED',
  /** Dry run done: every row has its outcome; may be applied. */
  DRY_RUN = 'DRY_RUN',
  QUEUED = 'QUEUED',
  APPLYING = 'APPLYING',
  APPLIED = 'APPLIED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(ImportRunStatus, { name: 'ImportRunStatus' });

export enum ImportOutcome {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  REFUSED = 'REFUSED',
  REVIEW = 'REVIEW',
}
registerEnumType(ImportOutcome, { name: 'ImportOutcome' });

@ObjectType()
export class ImportLocation {
  @Field({ description: 'An ESR Location (or workplace) as it appears in the file' })
  location: string;

  @Field(() => Int, { description: 'How many rows name it' })
  rows: number;

  @Field(() => ID, { nullable: true, description: 'Its ward: chosen for this run, or remembered for the employer' })
  wardId: string | null;
}

@ObjectType()
export class ImportRun {
  @Field(() => ID)
  id: string;

  @Field()
  kind: string;

  @Field(() => ID, { nullable: true })
  employerId: string | null;

  @Field(() => ID, { nullable: true })
  unionId: string | null;

  @Field(() => ID, { nullable: true, description: 'A participation list: the campaign action it records people on (null once the action is deleted)' })
  actionId: string | null;

  @Field()
  fileName: string;

  @Field(() => ImportRunStatus)
  status: ImportRunStatus;

  @Field(() => [String])
  headers: string[];

  /** Resolved only when asked (ImportsResolver): a progress poll does not read the file's rows. */
  @Field(() => [[String]], { description: 'The first 10 rows, as uploaded' })
  sampleRows?: string[][];

  @Field(() => [String], { nullable: 'items', description: 'A field key per column (null: ignored), remembered for these headers first' })
  suggestedMapping?: (string | null)[];

  @Field(() => [String], { nullable: 'itemsAndList', description: 'The mapping set with setImportMapping (null until then)' })
  mapping: (string | null)[] | null;

  @Field(() => String, { description: 'JSON: defaults for fields the file lacks (e.g. shiftPattern, contractType)' })
  defaults: string;

  @Field(() => [ImportLocation])
  locations?: ImportLocation[];

  @Field(() => Int) rowsTotal: number;
  @Field(() => Int) rowsDone: number;
  @Field(() => Float, { nullable: true }) ratePerSecond: number | null;
  @Field(() => Int, { nullable: true }) secondsLeft: number | null;
  @Field(() => Int) created: number;
  @Field(() => Int) updated: number;
  @Field(() => Int) unchanged: number;
  @Field(() => Int) refused: number;
  @Field(() => Int) review: number;
  @Field(() => Int) leavers: number;
  @Field() markLeavers: boolean;
  @Field(() => String, { nullable: true }) error: string | null;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field(() => String, { nullable: true }) createdBy: string | null;
  @Field(() => GraphQLISODateTime) createdAt: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) finishedAt: Date | null;
}

@ObjectType()
export class ImportRowProblem {
  @Field() field: string;
  @Field() reason: string;
}

@ObjectType()
export class ImportRowView {
  @Field(() => Int) rowNo: number;
  @Field(() => [String]) cells: string[];
  @Field(() => ImportOutcome, { nullable: true }) outcome: ImportOutcome | null;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => [ImportRowProblem]) problems: ImportRowProblem[];
  @Field(() => ID, { nullable: true }) contactId: string | null;
  @Field(() => [ID], { description: 'Possible matches of a REVIEW row' }) candidates: string[];
  @Field(() => String, { nullable: true, description: 'JSON: the normalised values' }) values: string | null;
}

@InputType()
export class ImportLocationWard {
  @Field()
  @IsString()
  @MaxLength(300)
  location: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  wardId: string | null;
}

@InputType()
export class ImportMappingInput {
  @Field(() => ID)
  @IsUUID()
  id: string;

  @Field(() => [String], { nullable: 'items', description: 'A field key per column, null to ignore it' })
  @IsArray()
  mapping: (string | null)[];

  @Field(() => String, { nullable: true, description: 'JSON object: defaults for fields the file lacks' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  defaults?: string;

  @Field(() => [ImportLocationWard], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ImportLocationWard)
  locations?: ImportLocationWard[];
}

@ArgsType()
export class ImportRowsArgs {
  @Field(() => ID)
  @IsUUID()
  importId: string;

  @Field(() => ImportOutcome, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ImportOutcome))
  outcome?: ImportOutcome;

  @Field(() => Int, { defaultValue: 0 })
  @IsInt()
  @Min(0)
  page: number;

  @Field(() => Int, { defaultValue: 25 })
  @IsInt()
  @Min(1)
  @Max(500)
  perPage: number;
}

@InputType()
export class ResolveImportRowInput {
  @Field(() => ID)
  @IsUUID()
  importId: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  rowNo: number;

  @Field(() => ID, { nullable: true, description: 'The candidate it is; null: a new person' })
  @IsOptional()
  @IsUUID()
  contactId: string | null;

  @Field({ defaultValue: false, description: 'Leave the row out of the import' })
  @IsBoolean()
  skip: boolean;
}

@InputType()
export class ImportRunFilter extends BaseFilter {
  @Field(() => ImportRunStatus, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(ImportRunStatus))
  status?: ImportRunStatus;
}
