import { Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { UserInputError } from './errors.js';

/** Checks an `id` argument is a uuid before it reaches SQL. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !isUUID(value)) throw new UserInputError({ id: 'must be a valid id' });
    return value;
  }
}

/** The same for an optional id argument (absent or null passes). */
@Injectable()
export class OptionalUuidPipe implements PipeTransform<string | null | undefined, string | null | undefined> {
  constructor(private readonly name = 'id') {}

  transform(value: string | null | undefined): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'string' || !isUUID(value)) throw new UserInputError({ [this.name]: 'must be a valid id' });
    return value;
  }
}
