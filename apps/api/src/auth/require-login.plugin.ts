import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { GqlContext } from '../common/context.js';
import { UnauthenticatedError } from '../common/errors.js';

/** Root fields an anonymous caller may select. Everything else, __typename and introspection included, needs a login. */
export const PUBLIC_ROOT_FIELDS = new Set(['login']);

function onlyPublicFields(op: OperationDefinitionNode): boolean {
  return op.operation === 'mutation' && op.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && PUBLIC_ROOT_FIELDS.has(s.name.value),
  );
}

/**
 * Deny by default at the operation level: an anonymous request is refused before anything resolves.
 * A token that could not be checked because the database is unreachable gets 503, not 401.
 */
export const requireLoginPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (!contextValue.req?.user && !(operation && onlyPublicFields(operation))) {
          throw contextValue.req?.databaseUnavailable ?? new UnauthenticatedError();
        }
      },
    };
  },
};
