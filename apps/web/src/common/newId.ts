/**
 * A new record's id (UUID v4), made in the browser when a form opens and sent with every attempt to
 * save it, so a save retried on a bad signal makes one record (the API returns the first). Uses
 * `crypto.randomUUID` where the page may (https, localhost); on a plain-http address it is not
 * there, so the same 122 random bits come from `crypto.getRandomValues`, which every browser has.
 */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
