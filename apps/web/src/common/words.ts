const RULES = new Intl.PluralRules('en-GB');

/** "1 member", "2 members", "0 members"; an irregular plural is given ("1 person", "3 people"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-GB')} ${RULES.select(n) === 'one' ? singular : plural}`;
}
