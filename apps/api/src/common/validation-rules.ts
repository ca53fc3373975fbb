import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata.js';

type LookUp = (target: Function, schema: string, always: boolean, strictGroups: boolean, groups?: string[]) => ValidationMetadata[];

const REMEMBERED = Symbol.for('rollcall.validationRulesRemembered');

/**
 * class-validator finds a class's rules, on every validation, by testing the class against every
 * class that has rules (MetadataStorage.getTargetValidationMetadatas: an `instanceof` per class, then
 * filters): with this API's few hundred input classes, about a third of a millisecond of a list
 * page's arguments. The rules are the decorators', written when the classes load, so this keeps each
 * answer and hands it back for the same class and options, and forgets them all when a rule is added
 * (a class loaded later). class-validator reads the answer and does not change it. Once per process.
 */
export function rememberValidationRules(): void {
  const storage = getMetadataStorage() as ReturnType<typeof getMetadataStorage> & { [REMEMBERED]?: true };
  if (storage[REMEMBERED]) return;
  storage[REMEMBERED] = true;
  const lookUp: LookUp = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  let answers = new Map<Function, Map<string, ValidationMetadata[]>>();
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    add(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = JSON.stringify([schema, always, strictGroups, groups ?? null]);
    let forTarget = answers.get(target);
    if (!forTarget) answers.set(target, (forTarget = new Map()));
    let answer = forTarget.get(key);
    if (!answer) forTarget.set(key, (answer = lookUp(target, schema, always, strictGroups, groups)));
    return answer;
  };
}
