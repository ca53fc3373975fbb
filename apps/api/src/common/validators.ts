import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/**
 * Text a record cannot do without (a name): at most `max` characters and not blank. Spaces alone are refused like an
 * empty string, since names are stored trimmed (or shown as if they were), and a blank name is no name.
 */
export function RequiredText(max: number, message = '$property is required'): PropertyDecorator {
  return applyDecorators(IsString(), Matches(/\S/, { message }), MaxLength(max));
}

/** A calendar date as 'YYYY-MM-DD' (a real date: 2026-02-30 is refused). */
export function IsLocalDate(): PropertyDecorator {
  return applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date as YYYY-MM-DD' }),
    IsISO8601({ strict: true }, { message: '$property must be a real calendar date' }),
  );
}

/** An optional calendar date in an input: a nullable GraphQL String, 'YYYY-MM-DD' when given. */
export function OptionalLocalDate(description?: string): PropertyDecorator {
  return applyDecorators(Field(() => String, { nullable: true, description }), IsOptional(), IsLocalDate());
}

/** An optional id in a filter: GraphQL ID, validated as a uuid before it reaches SQL. */
export function OptionalIdFilter(description?: string): PropertyDecorator {
  return applyDecorators(
    Field(() => ID, { nullable: true, description }),
    IsOptional(),
    IsUUID('all', { message: '$property must be a valid id' }),
  );
}

/** No list of ids in an input or filter holds more: a longer one is refused before any SQL (a filter of 25,000 ids took seconds). */
export const MAX_IDS = 1000;

/** At most `max` ids (never more than MAX_IDS), with the field error `at most N ids`. */
export function MaxIds(max = MAX_IDS): PropertyDecorator {
  const limit = Math.min(max, MAX_IDS);
  return ArrayMaxSize(limit, { message: `at most ${limit} ids` });
}

/** A list of ids in an input or filter: GraphQL [ID!], each validated as a uuid, at most `max` (and at most MAX_IDS). */
export function IdList(options: { max: number; nullable?: boolean; description?: string }): PropertyDecorator {
  return applyDecorators(
    Field(() => [ID], { nullable: options.nullable, description: options.description }),
    ...(options.nullable ? [IsOptional()] : []),
    IsArray(),
    MaxIds(options.max),
    IsUUID('all', { each: true, message: '$property must be a list of ids' }),
  );
}

/**
 * A create's optional client-made id (UUID v4), an idempotency key: the client makes it when the
 * form opens and sends it on every retry, so a retried create makes one record (see CrudService.createOnce).
 */
export function ClientId(): PropertyDecorator {
  return applyDecorators(
    Field(() => ID, {
      nullable: true,
      description: 'Made by the client (UUID v4) when its form opens and sent again on every retry: a retry returns the record the first attempt made',
    }),
    IsOptional(),
    IsUUID('4', { message: 'id must be a UUID (version 4) made by the client' }),
  );
}
