import { apiSources } from '../common/api-sources.spec-helper.js';
import { assessmentAsOf, currentAssessment, currentAssessments, isAssessed } from './current-assessment.sql.js';

describe('current assessment', () => {
  it('is the latest entry of the history, by when it was assessed and then recorded', () => {
    expect(currentAssessment('contact.id')).toBe(
      '(SELECT a.value FROM assessment a WHERE a.contact_id = contact.id ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1)',
    );
    expect(isAssessed('k.id')).toBe('EXISTS (SELECT 1 FROM assessment a WHERE a.contact_id = k.id)');
  });

  it('as it stood before a moment (a past day), and for everyone at once (the same order)', () => {
    expect(assessmentAsOf('s.contact_id', 's.day_end')).toBe(
      'SELECT a.value FROM assessment a WHERE a.contact_id = s.contact_id AND a.assessed_at < s.day_end ORDER BY a.assessed_at DESC, a.created_at DESC LIMIT 1',
    );
    expect(currentAssessments('a.organisation_id = $1').replace(/\s+/g, ' ')).toBe(
      'SELECT DISTINCT ON (a.contact_id) a.contact_id, a.value FROM assessment a WHERE a.organisation_id = $1 ORDER BY a.contact_id, a.assessed_at DESC, a.created_at DESC',
    );
  });

  it('is written once: no other source picks the latest assessment itself', () => {
    const allowed = ['assessments/current-assessment.sql.ts'];
    const writers = apiSources()
      .filter((f) => /assessed_at\s+DESC|DISTINCT ON \(\s*a\.contact_id\s*\)/i.test(f.text))
      .map((f) => f.file);
    expect(writers.filter((f) => !allowed.includes(f))).toEqual([]);
  });
});
