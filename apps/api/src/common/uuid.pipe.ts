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
