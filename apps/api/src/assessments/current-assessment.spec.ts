import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { currentAssessment, isAssessed } from './current-assessment.sql.js';

const SRC = path.resolve('apps/api/src');

/** The API's source files, leaving out tests and migrations (history, never rewritten). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'migrations' ? [] : sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [p] : [];
  });
}

describe('current assessment', () => {
  it('is the latest entry of the history, by when it was assessed and then recorded', () => {
    expect(currentAssessment('contact.id')).toBe(
      '(SELECT a.value FROM assessment a WHERE a.contact_id = contact.id ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1)',
    );
    expect(isAssessed('k.id')).toBe('EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = k.id)');
  });

  it('is written once: no other source picks the latest assessment itself', () => {
    // The demo seed picks its leaders from the history it has just generated (not a reader of the API).
    const allowed = ['assessments/current-assessment.sql.ts', 'database/seed/seed.ts'];
    const writers = sources(SRC)
      .filter((f) => /assessed_at\s+DESC|DISTINCT ON \(\s*a\.contact_id\s*\)/i.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(SRC, f).split(path.sep).join('/'));
    expect(writers.filter((f) => !allowed.includes(f))).toEqual([]);
  });
});
