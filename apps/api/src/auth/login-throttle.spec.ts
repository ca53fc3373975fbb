import { LoginThrottle } from './login-throttle.js';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle(() => now);
  beforeEach(() => { now = 1_000_000; });

  it('lets the first five failures through, then locks the account with doubling waits', () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) { t.check('a@x', '1.1.1.1'); t.fail('a@x', '1.1.1.1'); }
    t.check('a@x', '1.1.1.1');
    t.fail('a@x', '1.1.1.1'); // 6th: locked 1 s
    expect(() => t.check('a@x', '1.1.1.1')).toThrow('try again in 1 s');
    now += 1000;
    t.check('a@x', '1.1.1.1');
    t.fail('a@x', '1.1.1.1'); // 7th: 2 s
    now += 1500;
    expect(() => t.check('a@x', '9.9.9.9')).toThrow(/try again in 1 s/);
    now += 600;
    expect(() => t.check('a@x', '9.9.9.9')).not.toThrow();
  });

  it('caps the lock at 15 minutes and forgets after the window', () => {
    const t = throttle();
    for (let i = 0; i < 40; i++) t.fail('a@x', `10.0.0.${i}`);
    expect(() => t.check('a@x', '2.2.2.2')).toThrow('try again in 900 s');
    now += 15 * 60_000 + 1;
    t.fail('a@x', '2.2.2.2');
    expect(() => t.check('a@x', '2.2.2.2')).not.toThrow();
  });

  it('locks an address that tries many accounts, and a success clears only the account', () => {
    const t = throttle();
    for (let i = 0; i < 31; i++) t.fail(`user${i}@x`, '6.6.6.6');
    expect(() => t.check('fresh@x', '6.6.6.6')).toThrow(/Too many failed logins/);
    expect(() => t.check('fresh@x', '7.7.7.7')).not.toThrow();
    t.succeed('user30@x');
    expect(() => t.check('user30@x', '7.7.7.7')).not.toThrow();
  });
});
