/**
 * ESR's `Location` (or a membership list's workplace) to a ward. Locations rarely match ward names
 * ("Riverside General Hospital · Catering", "RGH Ward 10"), so the import asks the user once per
 * location and remembers the answer. This only prefills the obvious: a location that is a ward's name,
 * or its site's name and then its name. Anything else is left for the user: never a guess.
 */
import { simplify } from './parse.js';

export interface WardChoice {
  id: string;
  name: string;
  /** The ward's site, when known: a location naming a site must name this one. */
  siteName?: string | null;
}

/** The ward a location plainly names, or null (none, or more than one). */
export function suggestWard(location: string, wards: readonly WardChoice[]): string | null {
  const place = simplify(location ?? '');
  if (!place) return null;
  const found = new Set<string>();
  for (const w of wards) {
    const name = simplify(w.name);
    if (!name) continue;
    if (place === name) {
      found.add(w.id);
      continue;
    }
    if (!place.endsWith(` ${name}`)) continue;
    const before = place.slice(0, place.length - name.length - 1).trim();
    if (w.siteName && before === simplify(w.siteName)) found.add(w.id);
  }
  return found.size === 1 ? [...found][0] : null;
}
