import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * A request may hold one login: counted over the whole document (aliases, fragments and every
 * operation in it), so no request can carry several password guesses. Checked while the document is
 * validated, before any resolver runs.
 */
export const oneLoginRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const mutation = context.getSchema().getMutationType();
  let logins = 0;
  return {
    Field(node) {
      if (node.name.value === 'login' && mutation && context.getParentType() === mutation && ++logins === 2) {
        context.reportError(new GraphQLError('A request may hold only one login', { nodes: node, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
      }
    },
  };
};
