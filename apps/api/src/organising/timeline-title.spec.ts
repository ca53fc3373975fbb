import { timelineTitle } from './organising.service.js';

describe('timelineTitle', () => {
  it.each([
    ['CONVERSATION', 'ONE_TO_ONE:IN_PERSON', 'One-to-one (in person)'],
    ['CONVERSATION', 'PHONE_BANK:PHONE', 'Phone bank (phone)'],
    ['ASSESSMENT', '2', 'Assessed 2 · Supporter'],
    ['REP_ROLE_STARTED', 'HEALTH_SAFETY_REP', expect.stringMatching(/^Became health and safety rep$/i)],
    ['REP_ROLE_ENDED', 'LEARNING_REP', expect.stringMatching(/^Stopped as learning rep$/i)],
    ['MEMBERSHIP_JOINED', 'Joined UNISON', 'Joined UNISON'],
  ])('%s %s → %s', (kind, raw, title) => {
    expect(timelineTitle(kind, raw)).toEqual(title);
  });
});
