import { Role } from '@rollcall/domain';
import { Permission, ROLE_PERMISSIONS } from './permissions.js';
import { branchEmployers, type Grant, inScope, type PatchSite, scopesFor } from './scopes.js';

const A = { branchId: 'branch-a', employerIds: ['emp-1', 'emp-2'] };
const B = { branchId: 'branch-b', employerIds: ['emp-3'] };
const grant = (b: typeof A, role: Role): Grant => ({ ...b, role });
const PATCH: PatchSite[] = [
  { siteId: 'site-1a', employerId: 'emp-1' },
  { siteId: 'site-3a', employerId: 'emp-3' },
];

describe('scopesFor', () => {
  it('gives a branch secretary every employer of the branch, and nothing of other branches', () => {
    const s = scopesFor([grant(A, Role.BRANCH_SECRETARY)], []);
    expect(s[Permission.PEOPLE_READ]).toEqual({ employerIds: ['emp-1', 'emp-2'], siteIds: [] });
    expect(s[Permission.PEOPLE_WRITE]).toEqual({ employerIds: ['emp-1', 'emp-2'], siteIds: [] });
    expect(s[Permission.AUDIT_READ]).toBeUndefined();
    expect(s[Permission.USERS_MANAGE]).toBeUndefined();
  });

  it("limits a rep's people permissions to the patch sites inside the rep's branch", () => {
    const s = scopesFor([grant(A, Role.REP)], PATCH);
    for (const p of [Permission.PEOPLE_READ, Permission.PEOPLE_WRITE, Permission.PERSONAL_CONTACT_READ]) {
      // site-3a belongs to emp-3, which is not in branch A: not in scope
      expect(s[p]).toEqual({ employerIds: [], siteIds: ['site-1a'] });
    }
    // aggregates and the workplace reach the whole branch
    expect(s[Permission.AGGREGATES_READ]).toEqual({ employerIds: ['emp-1', 'emp-2'], siteIds: [] });
    expect(s[Permission.WORKPLACE_WRITE]).toBeUndefined();
  });

  it('gives a rep no people at all without a patch', () => {
    expect(scopesFor([grant(A, Role.REP)], [])[Permission.PEOPLE_READ]).toEqual({ employerIds: [], siteIds: [] });
  });

  it('unions several roles in several branches, each with its own reach', () => {
    const s = scopesFor([grant(A, Role.CASEWORKER), grant(B, Role.REP)], PATCH);
    // read: all of A (caseworker) plus B's patch site (rep)
    expect(s[Permission.PEOPLE_READ]).toEqual({ employerIds: ['emp-1', 'emp-2'], siteIds: ['site-3a'] });
    // write and personal details: only the rep's patch in B (a caseworker changes no organising data)
    expect(s[Permission.PEOPLE_WRITE]).toEqual({ employerIds: [], siteIds: ['site-3a'] });
    expect(s[Permission.PERSONAL_CONTACT_READ]).toEqual({ employerIds: [], siteIds: ['site-3a'] });
  });

  it('gives coalition viewers aggregates only', () => {
    const s = scopesFor([grant(A, Role.COALITION_VIEWER)], PATCH);
    expect(Object.keys(s).sort()).toEqual([Permission.AGGREGATES_READ, Permission.SELF, Permission.WORKPLACE_READ].sort());
  });

  it('lets every active user manage their own account, even with no role', () => {
    expect(scopesFor([], [])).toEqual({ [Permission.SELF]: { employerIds: [], siteIds: [] } });
  });

  it('grants exactly the permissions of the roles held', () => {
    for (const role of Object.values(Role)) {
      const held = Object.keys(scopesFor([grant(A, role)], PATCH)).sort();
      expect(held).toEqual([...new Set([...ROLE_PERMISSIONS[role], Permission.SELF])].sort());
    }
  });
});

describe('inScope and branchEmployers', () => {
  const scope = { employerIds: ['emp-1'], siteIds: ['site-3a'] };
  it('reaches a whole employer, or a person posted on a patch site', () => {
    expect(inScope(scope, 'emp-1', null)).toBe(true);
    expect(inScope(scope, 'emp-3', 'site-3a')).toBe(true);
    expect(inScope(scope, 'emp-3', 'site-3b')).toBe(false);
    expect(inScope(scope, 'emp-3', null)).toBe(false);
    expect(inScope(undefined, 'emp-1', null)).toBe(false);
  });

  it("lists every employer of the user's branches once", () => {
    expect(branchEmployers([grant(A, Role.REP), grant(A, Role.ADMIN), grant(B, Role.CASEWORKER)])).toEqual(['emp-1', 'emp-2', 'emp-3']);
  });
});
