import type { GatewayExecutor, GatewayInterface, GatewaySchemaLoadOrUpdateCallback } from '@apollo/server-gateway-interface';
import { Injectable, Module } from '@nestjs/common';
import { execute, getVariableValues, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Runs the API's queries through graphql-jit, and its mutations through graphql-js as before (issue 15).
 *
 * graphql-jit compiles a query, once per document, into a function that resolves it: graphql-js instead walks the
 * document again for every object of every list, and on a 25-row list page that walk was about an eighth of the
 * API's CPU (bench/scale.bench.ts: 1.5–2 ms less CPU per list page with it). The resolvers are the same functions
 * (Nest's, and the direct ones of direct-field-resolvers.ts), called with the same parent, arguments, context and
 * resolve info, so what a query may see is decided where it always was. Mutations stay on graphql-js: they are few per
 * request, and a change is not the place to try a second executor.
 *
 * Why a gateway: Apollo Server's one documented way to put another executor in its pipeline is the gateway interface
 * (what Apollo Gateway plugs in through). Everything around execution stays Apollo's: parsing with its limits,
 * validation (the API's query limits), the parsed-document cache, plugins, error formatting and the HTTP layer. The
 * schema is the one Nest builds, handed over by Nest's transformSchema hook before Apollo starts.
 *
 * Variables are judged by graphql-js first, for a query as for a mutation: the same rules, and the same messages,
 * which Apollo recognises and answers as bad user input (graphql-jit says the same things in other words).
 */
@Injectable()
export class JitExecutor implements GatewayInterface {
  private schema?: GraphQLSchema;
  /** Per parsed document (Apollo's document store hands back the same one for the same text), per operation name. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | ExecutionResult>>();
  /** How many operations each executor ran, and how many queries were compiled: for the tests. */
  readonly counts = { compiled: 0, jit: 0, graphqlJs: 0 };

  /** Nest's transformSchema hook: the schema, built and with its resolvers in place. */
  readonly schemaBuilt = (schema: GraphQLSchema): GraphQLSchema => {
    this.schema = schema;
    return schema;
  };

  onSchemaLoadOrUpdate(callback: GatewaySchemaLoadOrUpdateCallback): () => void {
    // The supergraph SDL is federation's; Apollo Server reads only the API schema from it.
    callback({ apiSchema: this.built(), coreSupergraphSdl: '' });
    return () => undefined;
  }

  async load(): Promise<{ executor: GatewayExecutor }> {
    return { executor: this.execute };
  }

  async stop(): Promise<void> {}

  private built(): GraphQLSchema {
    if (!this.schema) throw new Error('JitExecutor: Apollo Server started before Nest built the schema (transformSchema)');
    return this.schema;
  }

  private readonly execute: GatewayExecutor = async ({ document, operation, operationName, context, request }) => {
    const schema = this.built();
    const variables = request.variables ?? {};
    if (operation.operation !== 'query') {
      this.counts.graphqlJs++;
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    }
    const judged = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (judged.errors) return { errors: judged.errors };
    const query = this.compile(schema, document, operationName ?? '');
    if (!isCompiledQuery(query)) return query;
    this.counts.jit++;
    return query.query(undefined, context, variables);
  };

  private compile(schema: GraphQLSchema, document: DocumentNode, operationName: string): CompiledQuery | ExecutionResult {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    let query = byName.get(operationName);
    if (!query) {
      this.counts.compiled++;
      byName.set(operationName, (query = compileQuery(schema, document, operationName || undefined)));
    }
    return query;
  }
}

/** The executor, for GraphQLModule's factory to hand to Apollo (AppModule). */
@Module({ providers: [JitExecutor], exports: [JitExecutor] })
export class JitExecutorModule {}
