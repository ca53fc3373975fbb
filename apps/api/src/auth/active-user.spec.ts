import { signInStatement } from './active-user.js';

describe('signInStatement', () => {
  it('writes the claims in as escaped literals, each in its own place, whatever they hold', () => {
    const sql = signInStatement({ sub: "x' OR true --$2", ver: 7 });
    expect(sql).toContain("WHERE u.id = 'x'' OR true --$2'::uuid AND u.active AND u.token_version = 7)");
    expect(sql.replace("--$2'", '')).not.toMatch(/\$\d/); // no placeholder left, none filled twice
  });
});
