import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { checkNewPassword, hashPassword, verifyPassword } from './password.js';
import { UserInputError } from '../common/errors.js';
import { continueAs } from '../database/request-transaction.js';
import { authUser, type Grants, type TokenPayload } from './active-user.js';

/** What the audit log keeps of a password change or logout: the sessions ended, never the hash. */
export interface SessionChange {
  before: { id: string; tokenVersion: number };
  after: { id: string; tokenVersion: number; passwordChanged?: true };
}

@Injectable()
export class AuthService {
  /** Verified when the email is unknown, so a wrong email takes as long as a wrong password. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly jwt: JwtService,
  ) {}

  async validateCredentials(email: string, password: string): Promise<AuthUser | null> {
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase(), active: true } });
    if (!user) {
      this.dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await this.dummyHash, password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? this.toAuthUser(user) : null;
  }

  /** For the audit of a failed login: whose user the email belongs to, if anyone's. */
  async organisationOfEmail(email: string): Promise<string | null> {
    return (await this.users.findOne({ where: { email }, select: { id: true, organisationId: true } }))?.organisationId ?? null;
  }

  /** Ends every session of this user; the account's token version before and after, for the audit log. */
  async revokeTokens(userId: string): Promise<SessionChange> {
    const { raw } = await this.users.createQueryBuilder().update()
      .set({ tokenVersion: () => 'token_version + 1' }).where('id = :userId', { userId }).returning('token_version').execute();
    const after = (raw as { token_version: number }[])[0].token_version;
    return { before: { id: userId, tokenVersion: after - 1 }, after: { id: userId, tokenVersion: after } };
  }

  /** Checks the current password, sets the new one and revokes every other session. */
  async changePassword(user: AuthUser, current: string, next: string): Promise<SessionChange> {
    const row = await this.users.findOneOrFail({ where: { id: user.id } });
    if (!(await verifyPassword(row.passwordHash, current))) {
      throw new UserInputError({ currentPassword: 'is not your current password' });
    }
    if (current === next) throw new UserInputError({ newPassword: 'must differ from the current password' });
    checkNewPassword(row.email, next);
    await this.users.update(row.id, { passwordHash: await hashPassword(next), tokenVersion: row.tokenVersion + 1 });
    return { before: { id: row.id, tokenVersion: row.tokenVersion }, after: { id: row.id, tokenVersion: row.tokenVersion + 1, passwordChanged: true } };
  }

  /**
   * After a successful login, the rest of the request (the user and branches it answers with) runs
   * as that user: it began anonymous, and row-level security would show it none of their branches.
   */
  async adoptIdentity(user: AuthUser): Promise<void> {
    await continueAs(user);
  }

  async userWithOrganisation(id: string): Promise<User> {
    return this.users.findOneOrFail({ where: { id }, relations: { organisation: true } });
  }

  /** Who this user is to the access rules: roles per branch, and what each permission reaches. */
  async toAuthUser(u: User): Promise<AuthUser> {
    const [grants] = await this.users.query(GRANTS_SQL, [u.id, u.organisationId]) as Grants[];
    return authUser(u, grants);
  }

  async issueToken(user: AuthUser): Promise<string> {
    const { tokenVersion } = await this.users.findOneOrFail({ where: { id: user.id }, select: { id: true, tokenVersion: true } });
    return this.jwt.sign({ sub: user.id, ver: tokenVersion } satisfies TokenPayload);
  }
}

/**
 * A user's roles with their branches' employers, and their patch sites with each site's employer.
 * Read through one narrow SECURITY DEFINER function (StructureOwned migration): authentication runs
 * before the request has an identity, so row-level security would show it nothing.
 */
const GRANTS_SQL = 'SELECT grants, patch FROM rollcall_user_grants($1, $2)';
