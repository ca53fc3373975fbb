import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { type DiscoveryService, MetadataScanner } from '@nestjs/core';
import { GqlParamtype } from '@nestjs/graphql/dist/enums/gql-paramtype.enum.js'; // not re-exported by the package's root
import { FIELD_RESOLVER_MIDDLEWARE_METADATA } from '@nestjs/graphql/dist/graphql.constants.js';
import { extractMetadata } from '@nestjs/graphql/dist/utils/extract-metadata.util.js';
import type { GraphQLFieldResolver } from 'graphql';
import { CONTEXT_PARAMS } from '../auth/current-user.decorator.js';
import type { GqlContext } from './context.js';

/** A resolver parameter as Nest records it (`@Parent()`, or a decorator made with createParamDecorator). */
interface ParamMetadata {
  index: number;
  data?: unknown;
  pipes?: unknown[];
  schema?: unknown;
  factory?: unknown;
}

export type ResolverMap = Record<string, Record<string, unknown>>;

/** Marks the resolvers made here (for the test that lists them). */
export const DIRECT_FIELD = Symbol('rollcall.directField');

/**
 * How a field resolver's parameters are filled from GraphQL's (parent, args, context) when they are
 * all `@Parent()`, `@CurrentUser()` or `@Loaders()`, with no pipes of their own; undefined otherwise.
 */
function directParams(params: Record<string, ParamMetadata> | undefined): ((parent: unknown, context: GqlContext) => unknown)[] | undefined {
  const entries = Object.entries(params ?? {});
  if (!entries.length) return undefined; // none at all: Nest binds the method itself, with GraphQL's own arguments
  const fill: ((parent: unknown, context: GqlContext) => unknown)[] = [];
  for (const [key, param] of entries) {
    if (param.pipes?.length || param.schema !== undefined || param.data !== undefined) return undefined;
    if (key === `${GqlParamtype.ROOT}:${param.index}`) {
      fill[param.index] = (parent) => parent;
      continue;
    }
    const read = param.factory === undefined ? undefined : CONTEXT_PARAMS.get(param.factory);
    if (!read) return undefined;
    fill[param.index] = (_, context) => read(context);
  }
  return fill.includes(undefined as never) ? undefined : fill; // a parameter without a decorator: left to Nest
}

/**
 * Field resolvers (`@ResolveField`) called straight from GraphQL, without Nest's per-call wrapper.
 *
 * Nest calls a field resolver through a wrapper that, on every call, works out each parameter through
 * its param factories, runs the global pipes over each (InputValidationPipe looks only at arguments,
 * so for these it does nothing), then awaits the result. Field resolvers get no guards, interceptors
 * or exception filters (no `fieldResolverEnhancers` is set), so that is all the wrapper does, and on
 * a list page it does it for every field of every row: about 290 calls for 25 contacts, which was
 * the largest share of the API's own CPU per page after graphql-js (measured with --cpu-prof under
 * load). Nest skips the wrapper itself only for a method with no parameter decorators at all.
 *
 * This does the same for methods whose parameters are all `@Parent()`, `@CurrentUser()` or
 * `@Loaders()`: what each would be given is read directly (the parent GraphQL passes; the context's
 * user, refused when absent, and loaders, by the same functions the decorators use). Anything else
 * (arguments, `@Context()`, `@Info()`, a pipe on a parameter, field middleware, a request-scoped
 * resolver, a field two methods resolve) keeps Nest's wrapper. The app sets no global field middleware
 * (`buildSchemaOptions.fieldMiddleware`), which this would skip. Used as GraphQLModule's `transformResolvers`.
 */
export function directFieldResolvers<R extends ResolverMap | ResolverMap[]>(resolvers: R, discovery: Pick<DiscoveryService, 'getProviders'>): { resolvers: R; direct: string[] } {
  // Nest hands over its resolvers after the scalars', as a list of maps (the schema merges them, the last one winning).
  const maps = (Array.isArray(resolvers) ? [...resolvers].reverse() : [resolvers]) as ResolverMap[];
  const direct: string[] = [];
  const seen = new Set<object>();
  // Each field's resolver methods: a field two methods claim is left to Nest, which chose between them.
  const claims = new Map<string, { map: ResolverMap; type: string; name: string; instance: object; method: (...params: unknown[]) => unknown; fill?: ReturnType<typeof directParams> }[]>();
  const scanner = new MetadataScanner();
  for (const wrapper of discovery.getProviders()) {
    const instance = wrapper.instance as Record<string, unknown> | undefined;
    if (!instance || typeof instance !== 'object' || seen.has(instance) || !wrapper.isDependencyTreeStatic()) continue;
    seen.add(instance);
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const methodName of scanner.getAllMethodNames(prototype)) { // as Nest finds resolvers: the chain's methods, no accessors
      const method = prototype[methodName];
      const field = extractMetadata(instance, prototype, methodName, (type: string, isReference?: boolean, isProperty?: boolean) => !type || !!isReference || !isProperty);
      if (!field || typeof field.type !== 'string') continue;
      const map = maps.find((m) => m[field.type]?.[field.name] !== undefined);
      if (typeof map?.[field.type][field.name] !== 'function') continue;
      const middleware = (Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, method as object) as unknown[] | undefined)?.length;
      const fill = middleware ? undefined : directParams(Reflect.getMetadata(ROUTE_ARGS_METADATA, instance.constructor, methodName) as Record<string, ParamMetadata> | undefined);
      const key = `${field.type}.${field.name}`;
      claims.set(key, [...(claims.get(key) ?? []), { map, type: field.type, name: field.name, instance, method: method as (...params: unknown[]) => unknown, fill }]);
    }
  }
  for (const [key, [claim, ...others]] of claims) {
    const { map, type, name, instance, method, fill } = claim;
    if (others.length || !fill) continue;
    const resolve: GraphQLFieldResolver<unknown, GqlContext> = (parent, _args, context) => method.apply(instance, fill.map((f) => f(parent, context)));
    // As a field config, not a bare function (which graphql-tools would bind, hiding the mark).
    map[type][name] = { resolve: Object.assign(resolve, { [DIRECT_FIELD]: true }) };
    direct.push(key);
  }
  return { resolvers, direct };
}
