import { apiSources } from '../common/api-sources.spec-helper.js';
import { currentAssessment, isAssessed } from './current-assessment.sql.js';

describe('current assessment', () => {
  it('is the latest entry of the history, by when it was assessed and then recorded', () => {
    expect(currentAssessment('contact.id')).toBe(
      '(SELECT a.value FROM assessment a WHERE a.contact_id = contact.id ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1)',
    );
    expect(isAssessed('k.id')).toBe('EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = k.id)');
  });

  it('is written once: no other source picks the latest assessment itself', () => {
    const allowed = ['assessments/current-assessment.sql.ts'];
    const writers = apiSources()
      .filter((f) => /assessed_at\s+DESC|DISTINCT ON \(\s*a\.contact_id\s*\)/i.test(f.text))
      .map((f) => f.file);
    expect(writers.filter((f) => !allowed.includes(f))).toEqual([]);
  });
});
