import { UseGuards } from '@nestjs/common';
import { Args, ArgsType, Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { MAX_LENGTH, MIN_PASSWORD_LENGTH } from '@rollcall/domain';
import { IsNotEmpty, IsString, MaxLength, MinLength } from 'class-validator';
import { AuditAction } from '../audit/audit-event.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { Can, Permission, Public } from '../access/permissions.js';
import type { GqlContext } from '../common/context.js';
import { User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { LocalAuthGuard } from './local-auth.guard.js';
import { LoginArgs } from './login.args.js';

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @IsNotEmpty({ message: 'currentPassword is required' })
  currentPassword: string;

  @Field()
  @IsString()
  @MinLength(MIN_PASSWORD_LENGTH, { message: `newPassword must be at least ${MIN_PASSWORD_LENGTH} characters` })
  @MaxLength(MAX_LENGTH.PASSWORD, { message: `newPassword must be at most ${MAX_LENGTH.PASSWORD} characters` })
  newPassword: string;
}

@ObjectType()
export class LoginResult {
  @Field({ description: 'Bearer token for the Authorization header' })
  token: string;

  @Field(() => User)
  user: User;
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService, private readonly audit: AuditService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Mutation(() => LoginResult)
  async login(@Args() _credentials: LoginArgs, @Context() ctx: GqlContext): Promise<LoginResult> {
    const user = ctx.req.user as AuthUser;
    await this.auth.adoptIdentity(user);
    return { token: await this.auth.issueToken(user), user: await this.auth.userWithOrganisation(user.id) };
  }

  @Can(Permission.SELF)
  @Mutation(() => Boolean, { description: 'Ends every session of the logged-in user (all their tokens stop working)' })
  async logout(@CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<boolean> {
    const change = await this.auth.revokeTokens(user.id);
    await this.audit.record({ action: AuditAction.LOGOUT, user, entityType: 'User', entityId: user.id, ...change, ip: ctx.req.ip ?? null });
    return true;
  }

  @Can(Permission.SELF)
  @Mutation(() => LoginResult, { description: 'Changes your password; other sessions end, and a new token is returned' })
  async changePassword(@Args() args: ChangePasswordArgs, @CurrentUser() user: AuthUser, @Context() ctx: GqlContext): Promise<LoginResult> {
    const change = await this.auth.changePassword(user, args.currentPassword, args.newPassword);
    await this.audit.record({ action: AuditAction.PASSWORD_CHANGED, user, entityType: 'User', entityId: user.id, ...change, ip: ctx.req.ip ?? null });
    return { token: await this.auth.issueToken(user), user: await this.auth.userWithOrganisation(user.id) };
  }

  @Can(Permission.SELF)
  @Query(() => User, { description: 'The logged-in user' })
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.auth.userWithOrganisation(user.id);
  }
}
