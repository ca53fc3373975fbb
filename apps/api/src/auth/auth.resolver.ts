import { UseGuards } from '@nestjs/common';
import { Args, Context, Field, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Can, Permission, Public } from '../access/permissions.js';
import type { GqlContext } from '../common/context.js';
import { User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser } from './current-user.decorator.js';
import { LocalAuthGuard } from './local-auth.guard.js';

@ObjectType()
export class LoginResult {
  @Field({ description: 'Bearer token for the Authorization header' })
  token: string;

  @Field(() => User)
  user: User;
}

@Resolver()
export class AuthResolver {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Mutation(() => LoginResult)
  async login(
    @Args('email') _email: string,
    @Args('password') _password: string,
    @Context() ctx: GqlContext,
  ): Promise<LoginResult> {
    const user = ctx.req.user as AuthUser;
    return { token: this.auth.issueToken(user), user: await this.auth.userWithOrganisation(user.id) };
  }

  @Can(Permission.SELF)
  @Query(() => User, { description: 'The logged-in user' })
  me(@CurrentUser() user: AuthUser): Promise<User> {
    return this.auth.userWithOrganisation(user.id);
  }
}
