import type { ApolloServerPlugin } from '@apollo/server';
import {
  type ASTVisitor, type FragmentDefinitionNode, GraphQLError, Kind, type SelectionSetNode, type ValidationContext,
  type ValidationRule, visit,
} from 'graphql';
import type { GqlContext } from './context.js';
import { RequestInputError } from './errors.js';

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

/**
 * The introspection root fields. Their subtrees only describe the (static) schema and do not count against the depth
 * limit: the standard introspection query (`getIntrospectionQuery()`, as GraphiQL, code generators and ra-data-graphql
 * send it) is 15 levels deep through `ofType { ofType { … } }`. The way introspection multiplies work, looping through
 * `fields { type { fields … } }`, is refused by graphql-js's own MaxIntrospectionDepthRule (one of its specified rules,
 * which Apollo Server always runs). Their fields still count against the field limit.
 */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/** Walks each operation with fragments expanded (each fragment once per path, cycles cut). */
function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  seen: Set<string>,
  acc: { depth: number; fields: number },
  countDepth = true,
): void {
  for (const s of set.selections) {
    if (s.kind === Kind.FIELD) {
      if (s.name.value.startsWith('__') && !s.selectionSet) continue;
      acc.fields++;
      const introspection = depth === 1 && INTROSPECTION_ROOTS.has(s.name.value);
      const counted = countDepth && !introspection;
      if (counted) acc.depth = Math.max(acc.depth, depth);
      if (s.selectionSet) measure(s.selectionSet, fragments, depth + 1, seen, acc, counted);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      measure(s.selectionSet, fragments, depth, seen, acc, countDepth);
    } else {
      const name = s.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue;
      measure(fragment.selectionSet, fragments, depth, new Set([...seen, name]), acc, countDepth);
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

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL cannot store or validators choke on: a NUL character, or half of a surrogate pair. */
function badText(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/** The first string in a variable value holding bad text, as a path. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return badText(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

const BAD_TEXT = 'must not contain the NUL character or broken Unicode (an unpaired surrogate)';

/**
 * Refuses text holding a NUL character or an unpaired surrogate, in variables or inline, before anything runs: PostgreSQL
 * cannot store it, and it has no business in a name or a note.
 */
export const rejectNulPlugin: ApolloServerPlugin<GqlContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        for (const [name, value] of Object.entries(request.variables ?? {})) {
          const path = nulPath(value, name);
          if (path) throw new RequestInputError({ [path]: BAD_TEXT });
        }
        let inline = false;
        visit(document, { StringValue: (node) => { if (badText(node.value)) inline = true; } });
        if (inline) throw new RequestInputError({ input: BAD_TEXT });
      },
    };
  },
};
