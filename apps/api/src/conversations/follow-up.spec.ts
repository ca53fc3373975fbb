import { apiSources } from '../common/api-sources.spec-helper.js';
import { followUpDone, followUpDoneAt } from './follow-up.sql.js';

describe('a follow-up is done', () => {
  it('when the same person is spoken to again after the conversation that set it', () => {
    const later = 'FROM conversation later WHERE later.contact_id = cv.contact_id AND later.occurred_at > cv.occurred_at';
    expect(followUpDone('cv')).toBe(`EXISTS (SELECT 1 ${later})`);
    expect(followUpDoneAt('cv')).toBe(`(SELECT min(later.occurred_at) ${later})`);
  });

  it('is written once: no other source compares two conversations of a person itself', () => {
    const writers = apiSources()
      .filter((f) => /occurred_at\s*[<>]=?\s*(\w+|\$\{\w+\})\.occurred_at/i.test(f.text))
      .map((f) => f.file);
    expect(writers).toEqual(['conversations/follow-up.sql.ts']);
  });
});
