import request from 'supertest';
import { startTestApp, type TestApp } from '../fixtures/app.js';

/**
 * The rate limit of the routes outside GraphQL (RATE_LIMIT_PER_MINUTE, here 3): a calendar feed link
 * is counted per link, a signed-in user's document downloads and density slice exports per user (never per address alone: a
 * hospital shares one), each answered 429 with Retry-After beyond it; GraphQL is not counted.
 */
let t: TestApp;
const LIMIT = 3;

beforeAll(async () => {
  t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: String(LIMIT) } });
});
afterAll(async () => {
  await t?.close();
});

const get = (path: string, token?: string) => {
  const req = request(t.app.getHttpServer()).get(path);
  return token ? req.set('authorization', `Bearer ${token}`) : req;
};
const feedPath = async (who: 'caseworker' | 'secretary') => {
  const res = await t.as(who)<{ regenerateCalendarFeed: { url: string } }>('mutation { regenerateCalendarFeed { url } }');
  return new URL(res.data!.regenerateCalendarFeed.url).pathname;
};

describe('the rate limit', () => {
  it('stops a calendar link polled more than the limit a minute, and only that link', async () => {
    const mine = await feedPath('caseworker');
    for (let i = 0; i < LIMIT; i++) expect((await get(mine)).status).toBe(200);
    const over = await get(mine);
    expect(over.status).toBe(429);
    expect(over.text).toBe('Too many requests');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // another link from the same address still works
    expect((await get(await feedPath('secretary'))).status).toBe(200);
  });

  it("counts a signed-in user's document requests per user, and leaves GraphQL alone", async () => {
    const [caseworker, rep] = [await t.login('caseworker'), await t.login('rep')];
    const missing = '/cases/00000000-0000-4000-8000-000000000000/documents/00000000-0000-4000-8000-000000000001';
    for (let i = 0; i < LIMIT; i++) expect((await get(missing, caseworker)).status).toBe(404);
    const over = await get(missing, caseworker);
    expect([over.status, over.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    // another user from the same address is not held back, nor is the first user's GraphQL
    expect((await get(missing, rep)).status).toBe(404);
    for (let i = 0; i < LIMIT + 2; i++) expect((await t.as('caseworker')('{ me { id } }')).data?.me).toBeTruthy();
  });

  it("counts a user's density slice exports (the explorer's CSV), per user", async () => {
    const post = (token: string) => request(t.app.getHttpServer()).post('/export/density-slice.csv')
      .set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send({ by: ['SITE'] });
    const secretary = await t.login('secretary');
    for (let i = 0; i < LIMIT; i++) expect((await post(secretary)).status).toBe(200);
    const over = await post(secretary);
    expect([over.status, over.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect((await post(await t.login('coalition'))).status).toBe(200);
  });
});
