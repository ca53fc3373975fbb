import { gql } from '@apollo/client';
import { HttpError, type AuthProvider } from 'react-admin';
import { apolloClient, toHttpError } from './apollo';
import { CHANGE_PASSWORD_MUTATION, LOGIN_MUTATION, ME_QUERY } from './resourceConfig';
import {
  clearSession,
  getToken,
  getUser,
  isTokenExpired,
  markSessionEnded,
  roleLines,
  saveSession,
  saveUser,
  toSessionUser,
  type ApiSessionUser,
} from './session';

const LOGIN = gql(LOGIN_MUTATION);
const ME = gql(ME_QUERY);
const CHANGE_PASSWORD = gql(CHANGE_PASSWORD_MUTATION);
/** Revokes the user's tokens on the server, so a copied token stops working too. */
const LOGOUT = gql('mutation Logout { logout }');

interface SessionResult {
  token: string;
  user: ApiSessionUser;
}

export interface Credentials {
  email?: string;
  /** react-admin's stock login form calls it `username`. */
  username?: string;
  password: string;
}

const SESSION_ENDED = 'Your session has ended: please sign in again';

export const authProvider: AuthProvider = {
  async login({ email, username, password }: Credentials) {
    try {
      const result = await apolloClient.mutate<{ login: SessionResult }>({
        mutation: LOGIN,
        variables: { email: (email ?? username ?? '').trim(), password },
        fetchPolicy: 'no-cache',
      });
      if (!result.data) throw new Error('Sign-in failed');
      const { token, user } = result.data.login;
      saveSession(token, toSessionUser(user));
    } catch (error) {
      const httpError = toHttpError(error);
      throw new Error(
        httpError instanceof HttpError && (httpError.status === 401 || httpError.status === 400)
          ? 'Wrong email or password'
          : httpError.message,
      );
    }
  },

  async logout() {
    // Forget the session first: react-admin may call logout twice, and only one call should reach the server.
    const token = getToken();
    clearSession();
    if (token && !isTokenExpired(token)) {
      await apolloClient
        .mutate({ mutation: LOGOUT, fetchPolicy: 'no-cache', context: { headers: { authorization: `Bearer ${token}` } } })
        .catch(() => undefined);
    }
  },

  async checkAuth() {
    const token = getToken();
    if (!token) {
      // First visit or signed out: straight to the login page, no error message.
      throw { message: false };
    }
    if (isTokenExpired(token)) {
      clearSession();
      markSessionEnded();
      throw new Error(SESSION_ENDED);
    }
    // A profile saved by an older version of the app (no permissions): react-admin then calls
    // logout, which ends the old token on the server too.
    if (!getUser()) {
      markSessionEnded();
      throw new Error(SESSION_ENDED);
    }
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      markSessionEnded();
      throw new Error(SESSION_ENDED);
    }
    // 403, 503 (the server's database is down), a server that cannot be reached (status 0) and the
    // rest: stay signed in, react-admin shows the message (and the layout that it is retrying).
  },

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('Not signed in');
    return {
      id: user.id,
      fullName: user.displayName,
      email: user.email,
      organisation: user.organisation?.name,
      roles: roleLines(user),
    };
  },

  /** The user's `Permission`s (an empty list when nobody, or an outdated profile, is signed in). */
  async getPermissions() {
    return getUser()?.permissions ?? [];
  },
};

/**
 * Changes the signed-in user's password. The API ends every other session and returns a new token,
 * which replaces the stored one. Refusals come back as HttpErrors with field errors.
 */
export async function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  try {
    const result = await apolloClient.mutate<{ changePassword: SessionResult }>({
      mutation: CHANGE_PASSWORD,
      variables: { currentPassword, newPassword },
      fetchPolicy: 'no-cache',
    });
    if (!result.data) throw new Error('The server returned no data');
    const { token, user } = result.data.changePassword;
    saveSession(token, toSessionUser(user));
  } catch (error) {
    throw toHttpError(error);
  }
}

/** Reads the signed-in user's roles and permissions again (e.g. after creating a branch). */
export async function refreshSessionUser(): Promise<void> {
  try {
    const result = await apolloClient.query<{ me: ApiSessionUser }>({ query: ME, fetchPolicy: 'no-cache' });
    if (result.data) saveUser(toSessionUser(result.data.me));
  } catch (error) {
    throw toHttpError(error);
  }
}
