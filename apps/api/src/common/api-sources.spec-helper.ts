import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The API's source files, for the unit tests that check a rule is written in one place only: each
 * file's path below `src/` (with `/`) and its text, leaving out tests and the folders below `src/`
 * named in `skip` (migrations, by default: history, never rewritten).
 */
export function apiSources(skip: readonly string[] = ['database/migrations']): { file: string; text: string }[] {
  const root = path.resolve('apps/api/src');
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return skip.includes(path.relative(root, p).split(path.sep).join('/')) ? [] : walk(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') && !e.name.endsWith('.spec-helper.ts') ? [p] : [];
  });
  return walk(root).map((p) => ({ file: path.relative(root, p).split(path.sep).join('/'), text: readFileSync(p, 'utf8') }));
}
