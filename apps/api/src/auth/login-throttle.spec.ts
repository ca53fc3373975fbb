import { LoginThrottle, MemoryThrottleStore } from './login-throttle.js';

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle(new MemoryThrottleStore(), () => now);
  beforeEach(() => { now = 1_000_000; });

  it('lets the first five failures through, then locks the account with doubling waits', async () => {
    const t = throttle();
    for (let i = 0; i < 5; i++) { await t.check('a@x', '1.1.1.1'); await t.fail('a@x', '1.1.1.1'); }
    await t.check('a@x', '1.1.1.1');
    await t.fail('a@x', '1.1.1.1'); // 6th: locked 1 s
    await expect(t.check('a@x', '1.1.1.1')).rejects.toThrow('try again in 1 s');
    now += 1000;
    await t.check('a@x', '1.1.1.1');
    await t.fail('a@x', '1.1.1.1'); // 7th: 2 s
    now += 1500;
    await expect(t.check('a@x', '9.9.9.9')).rejects.toThrow(/try again in 1 s/);
    now += 600;
    await expect(t.check('a@x', '9.9.9.9')).resolves.toBeUndefined();
  });

  it('caps the lock at 15 minutes and forgets after the window', async () => {
    const t = throttle();
    for (let i = 0; i < 40; i++) await t.fail('a@x', `10.0.0.${i}`);
    await expect(t.check('a@x', '2.2.2.2')).rejects.toThrow('try again in 900 s');
    now += 15 * 60_000 + 1;
    await t.fail('a@x', '2.2.2.2');
    await expect(t.check('a@x', '2.2.2.2')).resolves.toBeUndefined();
  });

  it('locks an address that tries many accounts, and a success clears only the account', async () => {
    const t = throttle();
    for (let i = 0; i < 31; i++) await t.fail(`user${i}@x`, '6.6.6.6');
    await expect(t.check('fresh@x', '6.6.6.6')).rejects.toThrow(/Too many failed logins/);
    await expect(t.check('fresh@x', '7.7.7.7')).resolves.toBeUndefined();
    await t.succeed('user30@x');
    await expect(t.check('user30@x', '7.7.7.7')).resolves.toBeUndefined();
  });
});
