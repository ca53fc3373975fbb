import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../common/context.js';
import { UnauthenticatedError } from '../common/errors.js';
import type { AuthUser } from './auth-user.js';

export const CurrentUser = createParamDecorator((_: unknown, context: ExecutionContext): AuthUser => {
  const user = GqlExecutionContext.create(context).getContext<GqlContext>().req.user;
  if (!user) throw new UnauthenticatedError();
  return user;
});

export const Loaders = createParamDecorator(
  (_: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GqlContext>().loaders,
);
