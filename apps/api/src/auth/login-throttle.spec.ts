import { clientNetwork, LOGIN_LIMITS, LoginThrottle, MemoryThrottleStore, throttleKeys, waitsFor } from './login-throttle.js';

const DAY = 24 * 3600_000;

describe('LoginThrottle', () => {
  let now = 0;
  const throttle = () => new LoginThrottle(new MemoryThrottleStore(), () => now);
  beforeEach(() => { now = 1_000_000; });

  /** One login attempt with a wrong password; the refusal's wait in ms, or 0 when the password was checked. */
  const guess = async (t: LoginThrottle, account: string, address: string): Promise<number> => {
    try {
      await t.attempt(account, address);
    } catch (e) {
      return (e as { extensions: { retryAfterSeconds: number } }).extensions.retryAfterSeconds * 1000;
    }
    await t.failed(account, address);
    return 0;
  };
  const signIn = async (t: LoginThrottle, account: string, address: string) => {
    await t.attempt(account, address);
    await t.succeeded(account, address);
  };

  it("slows the guesser's own address after five attempts: waits of 30 s, doubling", async () => {
    const t = throttle();
    for (let i = 0; i < 6; i++) expect(await guess(t, 'a@x', '6.6.6.6')).toBe(0);
    await expect(t.attempt('a@x', '6.6.6.6')).rejects.toThrow('Too many failed logins: try again in 30 s');
    now += 30_000;
    expect(await guess(t, 'a@x', '6.6.6.6')).toBe(0);
    await expect(t.attempt('a@x', '6.6.6.6')).rejects.toMatchObject({ extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 60 } });
  });

  it('never holds up someone signing in from an address they have signed in from before', async () => {
    const t = throttle();
    await signIn(t, 'nurse@x', '10.0.0.1');
    // Six wrong guesses used to lock the real user out: now they only slow the guesser's address.
    for (let i = 0; i < 6; i++) await guess(t, 'nurse@x', '6.6.6.6');
    await expect(t.attempt('nurse@x', '6.6.6.6')).rejects.toThrow(/try again/);
    await expect(t.attempt('nurse@x', '10.0.0.1')).resolves.toBeUndefined();
    // A botnet guessing from many addresses slows the account for addresses it does not know…
    for (let i = 0; i < 11; i++) await guess(t, 'nurse@x', `203.0.113.${i}`);
    await expect(t.attempt('nurse@x', '198.51.100.1')).rejects.toThrow(/try again in 30 s/);
    // …but not for the nurse's own device.
    await expect(t.attempt('nurse@x', '10.0.0.1')).resolves.toBeUndefined();
    await t.succeeded('nurse@x', '10.0.0.1');
    await expect(t.attempt('nurse@x', '198.51.100.1')).resolves.toBeUndefined();
  });

  it('allows at most 100 attempts on an account in a day, however many addresses guess (NIST SP 800-63B)', async () => {
    const t = throttle();
    await signIn(t, 'nurse@x', '10.0.0.1');
    const start = now;
    let guesses = 0;
    let address = 0;
    for (;;) {
      const wait = await guess(t, 'nurse@x', `100.64.${address >> 8 & 255}.${address++ & 255}`);
      if (wait > 3600_000) break;
      if (wait) now += wait;
      else guesses++;
    }
    expect(guesses).toBe(LOGIN_LIMITS.account.cap);
    expect(now - start).toBeLessThan(DAY);
    // Beyond the cap, a new address waits out the day; a known device still signs in.
    await expect(t.attempt('nurse@x', '198.51.100.1')).rejects.toThrow(/try again in \d+ h/);
    await expect(t.attempt('nurse@x', '10.0.0.1')).resolves.toBeUndefined();
  });

  it('allows at most 100 attempts in a day from one address on one account, known or not', async () => {
    const t = throttle();
    await signIn(t, 'nurse@x', '10.0.0.1');
    const start = now;
    let guesses = 0;
    for (;;) {
      const wait = await guess(t, 'nurse@x', '10.0.0.1');
      if (wait > 3600_000) break;
      if (wait) now += wait;
      else guesses++;
    }
    expect(guesses).toBe(LOGIN_LIMITS.pair.cap);
    expect(now - start).toBeLessThan(DAY);
  });

  it('does not lock out everyone behind a NAT: 31 failures for unknown emails hold up nobody', async () => {
    const t = throttle();
    await signIn(t, 'porter@x', '7.7.7.7');
    for (let i = 0; i < 31; i++) expect(await guess(t, `user${i}@x`, '7.7.7.7')).toBe(0);
    await expect(t.attempt('fresh@x', '7.7.7.7')).resolves.toBeUndefined();
    await expect(t.attempt('porter@x', '7.7.7.7')).resolves.toBeUndefined();
  });

  it('slows an address spraying many accounts only after 100 failures, by at most a minute, and never for its known accounts', async () => {
    const t = throttle();
    await signIn(t, 'porter@x', '7.7.7.7');
    for (let i = 0; i < LOGIN_LIMITS.address.free; i++) expect(await guess(t, `user${i}@x`, '7.7.7.7')).toBe(0);
    await expect(t.attempt('fresh@x', '7.7.7.7')).resolves.toBeUndefined();
    await t.failed('fresh@x', '7.7.7.7'); // the 101st failure
    await expect(t.attempt('other@x', '7.7.7.7')).rejects.toThrow(/try again in 1 s/);
    await expect(t.attempt('porter@x', '7.7.7.7')).resolves.toBeUndefined();
    for (let i = 0; i < 20; i++) { now += 60_000; await guess(t, `more${i}@x`, '7.7.7.7'); }
    await expect(t.attempt('other@x', '7.7.7.7')).rejects.toMatchObject({ extensions: { retryAfterSeconds: 60 } });
  });

  it('lets only the attempts within the limit through when they come in parallel', async () => {
    const t = throttle();
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => t.attempt('a@x', '6.6.6.6')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(LOGIN_LIMITS.pair.free + 1);
  });

  it('forgets a known address after 90 days without a sign-in from it', async () => {
    const t = throttle();
    await signIn(t, 'nurse@x', '10.0.0.1');
    now += LOGIN_LIMITS.knownForMs + 1;
    for (let i = 0; i < 11; i++) await guess(t, 'nurse@x', `203.0.113.${i}`);
    await expect(t.attempt('nurse@x', '10.0.0.1')).rejects.toThrow(/try again/);
  });

  it('treats an IPv6 /64 as one address', async () => {
    const t = throttle();
    await signIn(t, 'nurse@x', '2001:db8:1:2::1');
    for (let i = 0; i < 11; i++) await guess(t, 'nurse@x', `2001:db8:ffff:${i}::1`);
    await expect(t.attempt('nurse@x', '2001:db8:1:2:aaaa:bbbb:cccc:dddd')).resolves.toBeUndefined();
    await expect(t.attempt('nurse@x', '2001:db8:1:3::1')).rejects.toThrow(/try again/);
  });
});

describe('throttle keys', () => {
  it('are fixed-length hashes whatever the input, naming neither email nor address', () => {
    for (const k of Object.values(throttleKeys(`${'x'.repeat(5000)}@example.org`, '2001:db8::1'))) expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(throttleKeys('a@x', '1.1.1.1')).not.toEqual(throttleKeys('a@x', '1.1.1.2'));
    expect(throttleKeys('a@x', '1.1.1.1').account).toBe(throttleKeys('a@x', '1.1.1.2').account);
  });

  it('group IPv6 addresses by /64 and unwrap IPv4-mapped ones', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('2001:DB8:0:1:2:3:4:5')).toBe('2001:db8:0:1::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('2001:db8:0:1::')).toBe('2001:db8:0:1::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetwork('a::b:c:d:e:1.2.3.4')).toBe('a:0:b:c::/64');
    expect(clientNetwork('unknown')).toBe('unknown');
  });
});

describe('waitsFor', () => {
  it('is free, then doubles to the maximum, then locks a whole window at the cap', () => {
    const w = waitsFor(LOGIN_LIMITS.account);
    expect(w).toHaveLength(100);
    expect(w.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(w.slice(10, 17).map((ms) => ms / 1000)).toEqual([30, 60, 120, 240, 480, 900, 900]);
    expect(w[98]).toBe(900_000);
    expect(w[99]).toBe(DAY);
    const a = waitsFor(LOGIN_LIMITS.address);
    expect(a.slice(99).map((ms) => ms / 1000)).toEqual([0, 1, 2, 4, 8, 16, 32, 60]);
  });
});
