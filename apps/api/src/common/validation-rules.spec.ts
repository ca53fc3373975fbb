import { getMetadataStorage, IsInt, IsString, validateSync } from 'class-validator';
import { rememberValidationRules } from './validation-rules.js';

class Named {
  @IsString()
  name!: unknown;
}

class Counted extends Named {
  @IsInt()
  count!: unknown;
}

const failing = (o: object) => validateSync(o).map((e) => e.property).sort();
const of = <T extends object>(cls: new () => T, values: Record<string, unknown>) => Object.assign(new cls(), values);

it("finds a class's rules once, the inherited ones with them, and sees a rule added later", () => {
  rememberValidationRules();
  rememberValidationRules(); // once per process, however often the pipe is made
  const storage = getMetadataStorage();
  expect(failing(of(Counted, { name: 1, count: 'x' }))).toEqual(['count', 'name']);
  expect(failing(of(Counted, { name: 'a', count: 2 }))).toEqual([]);
  expect(failing(of(Named, { name: 2, count: 'x' }))).toEqual(['name']);

  // The same answer object the second time (class-validator's own lookup makes a new array each time): remembered.
  const look = () => storage.getTargetValidationMetadatas(Counted, '', false, false);
  expect(look()).toBe(look());
  expect(storage.getTargetValidationMetadatas(Counted, '', false, false, ['g'])).not.toBe(look());

  // A rule written after the first validation (a class's decorator run later) counts from then on.
  const before = look();
  IsInt()(Named.prototype, 'count');
  expect(look()).not.toBe(before);
  expect(failing(of(Named, { name: 'a', count: 'x' }))).toEqual(['count']);
  expect(failing(of(Counted, { name: 'a', count: 'x' }))).toEqual(['count']);
});
