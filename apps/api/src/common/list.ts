import { ArgsType, Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { Brackets, type SelectQueryBuilder, type ObjectLiteral } from 'typeorm';
import { UserInputError } from './errors.js';
import { MaxIds } from './validators.js';

/** A page of a list (ra-data-graphql-simple grammar): page is 0-based. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  page?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(500, { message: 'perPage must not exceed 500' })
  perPage?: number;
}

/** react-admin's list arguments (ra-data-graphql-simple grammar): a page, sorted. */
@ArgsType()
export class ListArgs extends PageArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sortField?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsIn(['ASC', 'DESC', 'asc', 'desc'], { message: 'sortOrder must be ASC or DESC' })
  sortOrder?: string;
}

@ObjectType()
export class ListMetadata {
  @Field(() => Int)
  count: number;
}

/** Filter fields every list accepts. */
@InputType({ isAbstract: true })
export abstract class BaseFilter {
  @Field(() => String, { nullable: true, description: 'Free-text search' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @MaxIds()
  @IsUUID('all', { each: true, message: 'ids must be a list of ids' })
  ids?: string[];
}

export const DEFAULT_PER_PAGE = 25;

/**
 * The arguments of a list's count, `_allXsMeta`: ra-data-graphql-simple sends the list's page with its filter. The
 * count is of the whole filtered list, so the page is checked like the list's and otherwise ignored.
 */
@ArgsType()
export class MetaArgs extends PageArgs {}

/** How a list is sorted (ListArgs without the page). */
export type SortArgs = Pick<ListArgs, 'sortField' | 'sortOrder'>;

/**
 * Applies sort (from an allow-list of fields to SQL expressions, so no client string reaches SQL).
 * The id is the last sort key, so pages are stable.
 */
export function applySort<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: SortArgs,
  sortable: Record<string, string>,
  defaultSort: string,
): SelectQueryBuilder<T> {
  const field = args.sortField ?? defaultSort;
  // Own keys only: "__proto__" or "constructor" must not reach the prototype (or TypeORM's orderBy).
  const column = field === 'id' ? `${qb.alias}.id` : Object.hasOwn(sortable, field) ? sortable[field] : undefined;
  if (!column) {
    throw new UserInputError({ sortField: `cannot sort by "${field}"; use one of ${Object.keys(sortable).join(', ')}` });
  }
  const order = (args.sortOrder ?? 'ASC').toUpperCase() as 'ASC' | 'DESC';
  qb.orderBy(column, order, order === 'ASC' ? 'NULLS LAST' : 'NULLS FIRST');
  if (column !== `${qb.alias}.id`) qb.addOrderBy(`${qb.alias}.id`, order);
  return qb;
}

/** One page of a sorted query. */
export function applyPage<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, args: Pick<ListArgs, 'page' | 'perPage'>): SelectQueryBuilder<T> {
  const perPage = args.perPage ?? DEFAULT_PER_PAGE;
  return qb.take(perPage).skip((args.page ?? 0) * perPage);
}

/** Sort (see applySort) and pagination. */
export function applyListArgs<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: ListArgs,
  sortable: Record<string, string>,
  defaultSort: string,
): SelectQueryBuilder<T> {
  return applyPage(applySort(qb, args, sortable, defaultSort), args);
}

/** ILIKE on several columns for the `q` filter, with LIKE wildcards in the input escaped. */
/** `%word%` for ILIKE, with the user's own % _ and \ matched as plain text (the default ESCAPE is \). */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
}

export function applySearch<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, q: string | undefined, columns: string[]): void {
  const term = q?.trim();
  if (!term) return;
  const words = term.split(/\s+/).slice(0, 5);
  words.forEach((w, i) => {
    const p = `q${i}`;
    qb.andWhere(new Brackets((b) => columns.forEach((c) => b.orWhere(`${c} ILIKE :${p}`))), {
      [p]: likePattern(w),
    });
  });
}

export function applyIds<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, ids: string[] | undefined): void {
  if (ids) qb.andWhere(`${qb.alias}.id IN (:...ids)`, { ids: ids.length ? ids : ['00000000-0000-0000-0000-000000000000'] });
}
