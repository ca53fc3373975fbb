import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { Role } from '@rollcall/domain';
import { User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { hashPassword, verifyPassword } from './password.js';
import { UserInputError } from '../common/errors.js';

export interface TokenPayload {
  sub: string;
  /** The user's tokenVersion when issued. */
  ver: number;
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
    const user = await this.users.findOne({ where: { email: email.trim().toLowerCase(), active: true }, relations: { patchSites: true } });
    if (!user) {
      this.dummyHash ??= hashPassword('not-a-real-password');
      await verifyPassword(await this.dummyHash, password);
      return null;
    }
    return (await verifyPassword(user.passwordHash, password)) ? toAuthUser(user) : null;
  }

  /** For the audit of a failed login: whose user the email belongs to, if anyone's. */
  async organisationOfEmail(email: string): Promise<string | null> {
    return (await this.users.findOne({ where: { email }, select: { id: true, organisationId: true } }))?.organisationId ?? null;
  }

  /** The user a token names, if still active and the token not revoked (logout, password change). */
  async findActive(payload: TokenPayload): Promise<AuthUser | null> {
    const user = await this.users.findOne({ where: { id: payload.sub, active: true }, relations: { patchSites: true } });
    return user && user.tokenVersion === payload.ver ? toAuthUser(user) : null;
  }

  /** Ends every session of this user. */
  async revokeTokens(userId: string): Promise<void> {
    await this.users.increment({ id: userId }, 'tokenVersion', 1);
  }

  /** Checks the current password, sets the new one and revokes every other session. */
  async changePassword(user: AuthUser, current: string, next: string): Promise<void> {
    const row = await this.users.findOneOrFail({ where: { id: user.id } });
    if (!(await verifyPassword(row.passwordHash, current))) {
      throw new UserInputError({ currentPassword: 'is not your current password' });
    }
    if (current === next) throw new UserInputError({ newPassword: 'must differ from the current password' });
    if (next.toLowerCase().includes(row.email.split('@')[0].toLowerCase())) {
      throw new UserInputError({ newPassword: 'must not contain your email name' });
    }
    await this.users.update(row.id, { passwordHash: await hashPassword(next), tokenVersion: row.tokenVersion + 1 });
  }

  async userWithOrganisation(id: string): Promise<User> {
    return this.users.findOneOrFail({ where: { id }, relations: { organisation: true } });
  }

  async issueToken(user: AuthUser): Promise<string> {
    const { tokenVersion } = await this.users.findOneOrFail({ where: { id: user.id }, select: { id: true, tokenVersion: true } });
    return this.jwt.sign({ sub: user.id, ver: tokenVersion } satisfies TokenPayload);
  }
}

export function toAuthUser(u: User): AuthUser {
  return {
    id: u.id, email: u.email, displayName: u.displayName, role: u.role, organisationId: u.organisationId,
    patchSiteIds: u.role === Role.REP ? (u.patchSites ?? []).map((s) => s.id) : null,
  };
}
