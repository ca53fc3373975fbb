/**
 * Every column CaseCipher seals (bytea), for `npm run keys:rotate` (rotate-keys.ts): a column left
 * out here stays under an old key, and that key can then never be removed from CASE_ENCRYPTION_KEYS.
 * `id` is the table's primary key column (a single column).
 */
export interface EncryptedColumn {
  table: string;
  id: string;
  column: string;
}

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'case_file', id: 'id', column: 'summary' },
  { table: 'case_meeting', id: 'id', column: 'notes' },
  { table: 'case_note', id: 'id', column: 'body' },
  { table: 'case_document', id: 'id', column: 'content' },
];
