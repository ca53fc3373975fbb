import { gql } from '@apollo/client';
import { HttpError, type AuthProvider } from 'react-admin';
import { apolloClient, toHttpError } from './apollo';
import { LOGIN_MUTATION } from './resourceConfig';
import { clearSession, getToken, getUser, isTokenExpired, saveSession, type SessionUser } from './session';

const LOGIN = gql(LOGIN_MUTATION);
/** Revokes the user's tokens on the server, so a copied token stops working too. */
const LOGOUT = gql('mutation Logout { logout }');

interface LoginData {
  login: { token: string; user: SessionUser & { __typename?: string } };
}

export interface Credentials {
  email?: string;
  /** react-admin's stock login form calls it `username`. */
  username?: string;
  password: string;
}

export const authProvider: AuthProvider = {
  async login({ email, username, password }: Credentials) {
    try {
      const result = await apolloClient.mutate<LoginData>({
        mutation: LOGIN,
        variables: { email: (email ?? username ?? '').trim(), password },
        fetchPolicy: 'no-cache',
      });
      if (!result.data) throw new Error('Sign-in failed');
      const { token, user } = result.data.login;
      saveSession(token, {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        organisation: user.organisation ? { id: user.organisation.id, name: user.organisation.name } : null,
      });
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
    const token = getToken();
    if (token && !isTokenExpired(token)) {
      await apolloClient.mutate({ mutation: LOGOUT, fetchPolicy: 'no-cache' }).catch(() => undefined);
    }
    clearSession();
  },

  async checkAuth() {
    const token = getToken();
    if (!token) {
      // First visit or signed out: straight to the login page, no error message.
      throw { message: false };
    }
    if (isTokenExpired(token)) {
      clearSession();
      throw new Error('Your session has ended: please sign in again');
    }
  },

  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      clearSession();
      throw new Error('Your session has ended: please sign in again');
    }
    // 403 and the rest: stay signed in, react-admin shows the message.
  },

  async getIdentity() {
    const user = getUser();
    if (!user) throw new Error('Not signed in');
    return { id: user.id, fullName: user.displayName, email: user.email, organisation: user.organisation?.name };
  },

  async getPermissions() {
    return getUser()?.role ?? null;
  },
};
