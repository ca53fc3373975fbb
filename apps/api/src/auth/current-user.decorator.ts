import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContext } from '../common/context.js';
import { UnauthenticatedError } from '../common/errors.js';
import type { AuthUser } from './auth-user.js';

/** The signed-in caller of a GraphQL request; refused (unauthenticated) when there is none. */
function userIn(context: GqlContext): AuthUser {
  const user = context.req.user;
  if (!user) throw new UnauthenticatedError();
  return user;
}

function loadersIn(context: GqlContext): GqlContext['loaders'] {
  return context.loaders;
}

const gqlContext = (context: ExecutionContext): GqlContext => GqlExecutionContext.create(context).getContext<GqlContext>();
const currentUser = (_: unknown, context: ExecutionContext): AuthUser => userIn(gqlContext(context));
const loaders = (_: unknown, context: ExecutionContext): GqlContext['loaders'] => loadersIn(gqlContext(context));

export const CurrentUser = createParamDecorator(currentUser);
export const Loaders = createParamDecorator(loaders);

/**
 * What each of these decorators reads from the GraphQL context, by the decorator's factory: for field
 * resolvers that are called without Nest's per-call wrapper (common/direct-field-resolvers.ts).
 */
export const CONTEXT_PARAMS: ReadonlyMap<unknown, (context: GqlContext) => unknown> = new Map<unknown, (context: GqlContext) => unknown>([
  [currentUser, userIn],
  [loaders, loadersIn],
]);
