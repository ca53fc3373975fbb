import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { hashPassword, verifyPassword } from './password.js';

export interface TokenPayload {
  sub: string;
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
    return (await verifyPassword(user.passwordHash, password)) ? toAuthUser(user) : null;
  }

  /** For the audit of a failed login: whose user the email belongs to, if anyone's. */
  async organisationOfEmail(email: string): Promise<string | null> {
    return (await this.users.findOne({ where: { email }, select: { id: true, organisationId: true } }))?.organisationId ?? null;
  }

  async findActive(id: string): Promise<AuthUser | null> {
    const user = await this.users.findOne({ where: { id, active: true } });
    return user ? toAuthUser(user) : null;
  }

  async userWithOrganisation(id: string): Promise<User> {
    return this.users.findOneOrFail({ where: { id }, relations: { organisation: true } });
  }

  issueToken(user: AuthUser): string {
    return this.jwt.sign({ sub: user.id } satisfies TokenPayload);
  }
}

export function toAuthUser(u: User): AuthUser {
  return { id: u.id, email: u.email, displayName: u.displayName, role: u.role, organisationId: u.organisationId };
}
