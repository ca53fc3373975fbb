import { type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects on what this resolver returns (each item, for a list),
 * through fragments and inline fragments alike: what a page of rows should fetch ahead for.
 * Aliases do not matter, and a field under `@skip`/`@include` counts as selected (fetching a value
 * no one shows costs a little; missing one costs a statement).
 */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.FIELD) names.add(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet);
      else if (!seen.has(s.name.value)) {
        seen.add(s.name.value);
        walk(info.fragments[s.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return names;
}

/** Whether the request's operation also asks, at its root, for this field (a list's count beside its page, say). */
export function operationSelects(info: GraphQLResolveInfo, field: string): boolean {
  const has = (set: SelectionSetNode): boolean => set.selections.some((s) =>
    (s.kind === Kind.FIELD && s.name.value === field)
    || (s.kind === Kind.INLINE_FRAGMENT && has(s.selectionSet))
    || (s.kind === Kind.FRAGMENT_SPREAD && info.fragments[s.name.value] !== undefined && has(info.fragments[s.name.value].selectionSet)));
  return has(info.operation.selectionSet);
}
