import {
  type ASTVisitor, type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, type ValidationContext,
  type ValidationRule,
} from 'graphql';

/** Limits on one GraphQL document, so no request can make the server do unbounded work. */
export const GRAPHQL_LIMITS = {
  /** Nesting of selections: allContacts { ward { site { employer { name } } } } is 4. */
  maxDepth: 8,
  /** Aliased fields in one document (aliases are how one request asks the same thing many times). */
  maxAliases: 15,
  /** Fields in the document once fragments are expanded. */
  maxFields: 400,
  /** Lexical tokens, enforced by the parser before anything else. */
  maxTokens: 4000,
};

function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
}

/** Walks each operation with fragments expanded (each fragment once per path, cycles cut). */
function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
  acc: { depth: number; fields: number },
): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__') && !s.selectionSet) continue;
      acc.fields++;
      acc.depth = Math.max(acc.depth, depth);
      if (s.selectionSet) measure(s.selectionSet, fragments, depth + 1, seen, acc);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      measure(s.selectionSet, fragments, depth, seen, acc);
    } else {
      const name = s.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      measure(fragment.selectionSet, fragments, depth, new Set([...seen, name]), acc);
    }
    if (acc.fields > GRAPHQL_LIMITS.maxFields * 2) return; // already refused; stop early
  }
}

export const queryLimitsRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const doc = context.getDocument();
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === GRAPHQL_LIMITS.maxAliases + 1) {
        context.reportError(limitError(`Too many aliases: at most ${GRAPHQL_LIMITS.maxAliases} per request`));
      }
    },
    OperationDefinition(node) {
      const acc = { depth: 0, fields: 0 };
      measure(node.selectionSet, fragments, 1, new Set(), acc);
      if (acc.depth > GRAPHQL_LIMITS.maxDepth) {
        context.reportError(limitError(`Query is too deep: at most ${GRAPHQL_LIMITS.maxDepth} levels`));
      }
      if (acc.fields > GRAPHQL_LIMITS.maxFields) {
        context.reportError(limitError(`Query is too large: at most ${GRAPHQL_LIMITS.maxFields} fields`));
      }
    },
  };
};
