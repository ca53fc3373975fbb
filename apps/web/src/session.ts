/** The signed-in user's token and profile, kept in localStorage between visits. */
import { ROLE_LABELS } from '@rollcall/domain';
import { labelOf } from './choices';

/** A role the user holds in one branch, with the branch's name for display. */
export interface SessionRole {
  branchId: string;
  branchName: string;
  role: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  organisation: { id: string; name: string } | null;
  roles: SessionRole[];
  /** What the API lets this user do (the `Permission` enum). */
  permissions: string[];
  /** The employers of the user's branches: lists of sites and wards default to them (absent in older profiles). */
  employerIds?: string[];
}

/** The user as `login`, `me` and `changePassword` return it (SESSION_USER_FIELDS). */
export interface ApiSessionUser {
  id: string;
  email: string;
  displayName: string;
  organisation?: { id: string; name: string } | null;
  roles: { branchId: string; role: string; branch?: { id: string; name: string; employerIds?: string[] } | null }[];
  permissions: string[];
}

const TOKEN_KEY = 'rollcall.token';
const USER_KEY = 'rollcall.user';

export function toSessionUser(user: ApiSessionUser): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    organisation: user.organisation ? { id: user.organisation.id, name: user.organisation.name } : null,
    roles: user.roles.map((r) => ({ branchId: r.branchId, branchName: r.branch?.name ?? '', role: r.role })),
    permissions: [...user.permissions],
    employerIds: [...new Set(user.roles.flatMap((r) => r.branch?.employerIds ?? []))],
  };
}

/** A stored user this version understands (one saved by an older version had a single `role`). */
function isSessionUser(value: unknown): value is SessionUser {
  const u = value as Partial<SessionUser> | null;
  return (
    !!u && typeof u === 'object' && typeof u.id === 'string' && typeof u.displayName === 'string' &&
    Array.isArray(u.permissions) && Array.isArray(u.roles)
  );
}

const ENDED_KEY = 'rollcall.sessionEnded';

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function getUser(): SessionUser | null {
  const raw = localStorage.getItem(USER_KEY);
  if (!raw) return null;
  try {
    const user: unknown = JSON.parse(raw);
    if (isSessionUser(user)) return user;
  } catch {
    // unreadable: treated as outdated below
  }
  // A profile saved by an older version of the app: whichever path notices first, the sign-in page says why.
  markSessionEnded();
  return null;
}

/** Who shows whether a session was ended (the sign-in page), told when that changes. */
const endedListeners = new Set<() => void>();

/** Tells them after the current render (getUser may be asked while a component renders). */
function endedChanged(): void {
  queueMicrotask(() => {
    for (const listener of endedListeners) listener();
  });
}

export function saveSession(token: string, user: SessionUser): void {
  const wasEnded = sessionWasEnded();
  sessionStorage.removeItem(ENDED_KEY);
  if (wasEnded) endedChanged();
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

/** Keeps the token, replaces the profile (e.g. after the user became admin of a new branch). */
export function saveUser(user: SessionUser): void {
  localStorage.setItem(USER_KEY, JSON.stringify(user));
}

/** Remembers, across the redirect to the sign-in page, that a session was ended for the user (expired, outdated, revoked). */
export function markSessionEnded(): void {
  if (sessionWasEnded()) return;
  sessionStorage.setItem(ENDED_KEY, '1');
  endedChanged();
}

/** For useSyncExternalStore: the sign-in page hears of an ended session even when it is already on screen. */
export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

/** Whether a session was ended for the user since they last signed in (the sign-in page may mount more than once). */
export function sessionWasEnded(): boolean {
  return sessionStorage.getItem(ENDED_KEY) === '1';
}

export function clearSession(): void {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(USER_KEY);
}

/** The branches in which the user is an admin: where they may give roles and change the branch. */
export function administeredBranchIds(user: SessionUser | null): string[] {
  return [...new Set((user?.roles ?? []).filter((r) => r.role === 'ADMIN').map((r) => r.branchId))];
}

/** Whether the user reads a whole branch's people (not only a rep's patch): they may look at its reps' follow-ups. */
export function readsWholeBranch(user: SessionUser | null = getUser()): boolean {
  return (user?.roles ?? []).some((r) => r.role === 'ADMIN' || r.role === 'BRANCH_SECRETARY' || r.role === 'CASEWORKER');
}

/** The employers of the user's branches (empty when unknown: an older profile, or no branch). */
export function branchEmployerIds(user: SessionUser | null = getUser()): string[] {
  return user?.employerIds ?? [];
}

/** "Branch secretary · North Riverside NHS Foundation Trust", one line per role. */
export function roleLines(user: SessionUser | null): string[] {
  return (user?.roles ?? []).map((r) => [labelOf(ROLE_LABELS, r.role), r.branchName].filter(Boolean).join(' · '));
}

/** True when the token is a JWT whose `exp` has passed (a token we cannot read is left to the server). */
export function isTokenExpired(token: string, now = Date.now()): boolean {
  const payload = token.split('.')[1];
  if (!payload) return false;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' && json.exp * 1000 <= now;
  } catch {
    return false;
  }
}
