import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { validationFields } from './errors.js';
import { IdList, MAX_IDS } from './validators.js';

class Generous {
  @IdList({ max: 50_000 })
  wardIds: string[];
}

const fields = (ids: string[]) => validationFields(validateSync(plainToInstance(Generous, { wardIds: ids })));

describe('IdList', () => {
  it(`never accepts more than ${MAX_IDS} ids, whatever max a field asks for`, () => {
    const ids = Array.from({ length: MAX_IDS + 1 }, () => randomUUID());
    expect(fields(ids)).toEqual({ wardIds: `at most ${MAX_IDS} ids` });
    expect(fields(ids.slice(1))).toEqual({});
  });
});
