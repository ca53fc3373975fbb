/**
 * People's names in imported lists: splitting a full name into first and last, tidying capitals, and
 * how alike two names are (the fuzzy step of matching: employee number first, then work email, then
 * name + ward; issue 14).
 */

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'rev', 'revd', 'reverend', 'lady', 'lord']);
/** Words that begin a surname rather than end the given names: "Ludwig van Beethoven", "Ana de la Cruz". */
const SURNAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'dos', 'das', 'du', 'la', 'le', 'st', 'bin', 'binti', 'bint', 'al', 'el', 'ap', 'ter', 'ten']);

const isTitle = (word: string) => TITLES.has(word.toLowerCase().replace(/\.$/, ''));

/** A word written all in capitals or all in lower case gets its capitals back: JONES → Jones, o'neill → O'Neill, smith-jones → Smith-Jones. */
export function tidyNameCase(word: string): string {
  const letters = word.replace(/[^\p{L}]/gu, '');
  if (letters.length < 2 || (letters !== letters.toUpperCase() && letters !== letters.toLowerCase())) return word;
  return word.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
    .replace(/^Mc(\p{L})/u, (_, ch: string) => `Mc${ch.toUpperCase()}`);
}

const tidy = (words: string[]) => words.map((w) => (SURNAME_PARTICLES.has(w.toLowerCase()) && words.length > 1 ? w.toLowerCase() : tidyNameCase(w)));

/**
 * A full name as lists write it, split into first and last name (and a preferred name in brackets or
 * quotes): "Jones, Bartek", "Bartek Jones", "JONES, Bartek (Bart)", ESR's "Jones, Bartek Mr", "Dr Ana
 * de la Cruz". Titles are dropped; middle names are dropped (Rollcall keeps one first name, as people
 * are entered by hand). Null when there is no first and last name to find.
 */
export function splitFullName(s: string): { firstName: string; lastName: string; preferredName?: string } | null {
  let text = (s ?? '').replace(/\s+/g, ' ').trim();
  let preferredName: string | undefined;
  const bracketed = /\s*[("“']([^)"”']+)[)"”']\s*/.exec(text);
  if (bracketed && bracketed[1].trim() && !/^[\p{L}]+'[\p{L}]/u.test(bracketed[0].trim())) {
    preferredName = tidyNameCase(bracketed[1].trim());
    text = `${text.slice(0, bracketed.index)} ${text.slice(bracketed.index + bracketed[0].length)}`.replace(/\s+/g, ' ').trim();
  }
  let first: string[];
  let last: string[];
  if (text.includes(',')) {
    const [surname, ...rest] = text.split(',');
    last = surname.trim().split(' ').filter((w) => w && !isTitle(w));
    first = rest.join(' ').trim().split(' ').filter((w) => w && !isTitle(w));
  } else {
    const words = text.split(' ').filter((w) => w && !isTitle(w));
    if (words.length < 2) return null;
    let start = words.length - 1;
    while (start > 1 && SURNAME_PARTICLES.has(words[start - 1].toLowerCase())) start -= 1;
    first = words.slice(0, start);
    last = words.slice(start);
  }
  if (!first.length || !last.length) return null;
  const result: { firstName: string; lastName: string; preferredName?: string } = {
    firstName: tidyNameCase(first[0]),
    lastName: tidy(last).join(' '),
  };
  if (preferredName && preferredName !== result.firstName) result.preferredName = preferredName;
  return result;
}

/** A name for comparing: lower case, no accents, no titles, apostrophes dropped (O'Neill = ONeill), hyphens as spaces. */
function nameWords(s: string): string[] {
  return s
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`.]/g, '')
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w && !TITLES.has(w));
}

/** The ways a name may be written: as is, and with its bracketed preferred name in place of the first name. */
function nameVariants(s: string): string[][] {
  const text = s ?? '';
  const bracketed = /[("“]([^)"”]+)[)"”]/.exec(text);
  const plain = text.replace(/[("“][^)"”]*[)"”]/g, ' ');
  const ordered = (t: string) => (t.includes(',') ? `${t.slice(t.indexOf(',') + 1)} ${t.slice(0, t.indexOf(','))}` : t);
  const variants = [nameWords(ordered(plain))];
  if (bracketed) {
    const words = nameWords(ordered(plain));
    const preferred = nameWords(bracketed[1]);
    if (words.length > 1 && preferred.length) variants.push([...preferred, ...words.slice(1)]);
    if (preferred.length) variants.push([...preferred, ...words]);
  }
  return variants.filter((v) => v.length);
}

/**
 * Jaro-Winkler similarity of two words, 0..1. Written here rather than taken from a package: it is a
 * fixed, twenty-line textbook algorithm, and the domain library (bundled into the web app too) stays
 * free of dependencies.
 */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (!a.length || !b.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Array<boolean>(a.length).fill(false);
  const bMatched = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - window); j < Math.min(b.length, i + window + 1); j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = true;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < Math.min(4, a.length, b.length) && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Two words of a name: equal, alike, or an initial and a word it begins ("B" and "Bartek": likely, not certain). */
function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 0.9;
  if (a.length === 1 || b.length === 1) return 0;
  return jaroWinkler(a, b);
}

function wordsSimilarity(a: string[], b: string[]): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const used = new Set<number>();
  const scores = short.map((word) => {
    let best = 0;
    let bestAt = -1;
    long.forEach((other, k) => {
      if (used.has(k)) return;
      const score = wordSimilarity(word, other);
      if (score > best) [best, bestAt] = [score, k];
    });
    if (bestAt >= 0) used.add(bestAt);
    return best;
  });
  const mean = scores.reduce((sum, x) => sum + x, 0) / scores.length;
  // One word far off (Ben and Bea Jones) outweighs the rest being equal: half the score is the worst word.
  const blended = 0.5 * Math.min(...scores) + 0.5 * mean;
  // A missing middle name or second surname counts a little against.
  return blended * (0.9 + (0.1 * short.length) / long.length);
}

/**
 * How alike two people's names are, 0..1, order-insensitive ("Jones, Bartek" = "Bartek Jones"), ignoring
 * case, accents, titles, apostrophes and hyphens, reading a bracketed preferred name ("Robert (Bob)
 * Smith" = "Bob Smith") and initials ("B. Jones" is close to "Bartek Jones"). Word by word Jaro-Winkler,
 * so a typo (Jonas/Jones) stays close and a different first name (Ben/Bea) does not.
 */
export function nameSimilarity(a: string, b: string): number {
  let best = 0;
  for (const x of nameVariants(a)) {
    for (const y of nameVariants(b)) {
      if (x.join(' ') === y.join(' ')) return 1;
      // "Mary Ann Smith" typed as "Maryann Smith": with a different number of words, compare the names run together too.
      best = Math.max(best, wordsSimilarity(x, y), x.length !== y.length ? jaroWinkler(x.join(''), y.join('')) * 0.95 : 0);
    }
  }
  return Math.round(best * 1000) / 1000;
}

/** At or above this, two names are likely the same person: matched only with something else agreeing (the ward), else queued for review. */
export const NAME_MATCH_THRESHOLD = 0.92;
