import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, type Type } from '@nestjs/common';
import { APP_INTERCEPTOR, DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { ClsModule } from 'nestjs-cls';
import { AccessModule } from './access/access.module.js';
import { directFieldResolvers, type ResolverMap } from './common/direct-field-resolvers.js';
import { AnalyticsModule } from './analytics/analytics.module.js';
import { AssessmentModule } from './assessments/assessment.module.js';
import { AuditModule } from './audit/audit.module.js';
import { BranchModule } from './branches/branch.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CaseworkModule } from './casework/casework.module.js';
import { CampaignModule } from './campaigns/campaign.module.js';
import { BallotModule } from './ballots/ballot.module.js';
import { UserModule } from './users/user.module.js';
import { OrganisingModule } from './organising/organising.module.js';
import { AuthModule } from './auth/auth.module.js';
import { requireLoginPlugin } from './auth/require-login.plugin.js';
import { oneLoginRule } from './auth/one-login.rule.js';
import type { GqlContext } from './common/context.js';
import { formatError } from './common/errors.js';
import { JitExecutor, JitExecutorModule } from './common/jit-executor.js';
import { GRAPHQL_LIMITS, queryLimitsRule, rejectNulPlugin } from './common/graphql-limits.js';
import { RequestLoaders } from './common/loaders.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ContactModule } from './contacts/contact.module.js';
import { ConversationModule } from './conversations/conversation.module.js';
import { dataSourceOptions } from './database/data-source.js';
import type { QueryCounter } from './database/query-counter.js';
import { RequestContextMiddleware, RequestTransactions } from './database/request-transaction.js';
import { RequestTransactionAdapter } from './database/request-transaction-adapter.js';
import { RequestTransactionInterceptor, requestTransactionPlugin } from './database/request-transaction-end.js';
import { databaseUnavailablePlugin } from './database/unavailable.js';
import { DensityModule } from './density/density.module.js';
import { EmployerModule } from './employers/employer.module.js';
import { ExportModule } from './export/export.module.js';
import { IssueTagModule } from './issue-tags/issue-tag.module.js';
import { MembershipModule } from './memberships/membership.module.js';
import { RepRoleModule } from './rep-roles/rep-role.module.js';
import { SiteModule } from './sites/site.module.js';
import { UnionModule } from './unions/union.module.js';
import { WardModule } from './wards/ward.module.js';
import { WallChartModule } from './wallchart/wallchart.module.js';
import { RateLimitModule } from './common/rate-limit.js';
import { JobsModule } from './jobs/job-queue.js';
import { TrendsModule } from './trends/trends.module.js';
import { CoalitionModule } from './coalition/coalition.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { DuplicateModule } from './duplicates/duplicate.module.js';

export interface AppOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Where the generated schema is written (committed as apps/api/schema.gql), or true to keep it in memory. */
  schemaFile: string | true;
  queryCounter?: QueryCounter;
  /**
   * The owner connection (the one migrations use) for the job queue's own schema; without it the
   * queue stays off. Jobs still read and write the app's tables through `databaseUrl`.
   */
  jobsDatabaseUrl?: string;
  /** More modules to mount (tests add probe routes this way). */
  modules?: (Type | DynamicModule)[];
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(options: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(options.config),
        TypeOrmModule.forRoot(dataSourceOptions(options.databaseUrl, options.queryCounter)),
        // The request's context and its transaction (see database/request-transaction.ts): TransactionHost
        // hands out the request's EntityManager; @InjectTransaction() is a stand-in for it.
        ClsModule.forRoot({
          global: true,
          plugins: [new ClsPluginTransactional({
            imports: [TypeOrmModule],
            adapter: new RequestTransactionAdapter(),
            enableTransactionProxy: true,
          })],
        }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [DiscoveryModule, JitExecutorModule],
          inject: [DiscoveryService, JitExecutor],
          useFactory: (discovery: DiscoveryService, jit: JitExecutor): ApolloDriverConfig => {
            const config: ApolloDriverConfig = {
              path: '/graphql',
              // Queries run on graphql-jit, handed Nest's schema here (common/jit-executor.ts).
              transformSchema: jit.schemaBuilt,
              // Field resolvers that take only the parent, the caller and the loaders skip Nest's per-call wrapper.
              transformResolvers: (resolvers) => directFieldResolvers(resolvers as ResolverMap | ResolverMap[], discovery).resolvers,
              autoSchemaFile: options.schemaFile,
              sortSchema: true,
              context: ({ req }: { req: GqlContext['req'] }): GqlContext => ({ req, loaders: new RequestLoaders(req) }),
              formatError,
              // Apollo's cache-control plugin (on unless disabled) wraps every field's resolver to read cache hints;
              // the API sets none (every answer is private), and the wrapper cost a share of each list's CPU.
              plugins: [requireLoginPlugin, rejectNulPlugin, requestTransactionPlugin, databaseUnavailablePlugin, ApolloServerPluginCacheControlDisabled()],
              introspection: !options.config.production,
              hideSchemaDetailsFromClientErrors: options.config.production, // no "did you mean …?" field suggestions
              validationRules: [queryLimitsRule, oneLoginRule],
              parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
              allowBatchedHttpRequests: false,
              csrfPrevention: true,
              includeStacktraceInErrorResponses: false,
              playground: false,
              graphiql: false,
            };
            // Nest hands its options to Apollo Server as they are; its type leaves out Apollo's `gateway`.
            return Object.assign(config, { gateway: jit });
          },
        }),
        RateLimitModule,
        AccessModule,
        AuditModule,
        AuthModule,
        DensityModule,
        AnalyticsModule,
        EmployerModule,
        SiteModule,
        WardModule,
        UnionModule,
        ContactModule,
        MembershipModule,
        RepRoleModule,
        BranchModule,
        UserModule,
        IssueTagModule,
        ConversationModule,
        AssessmentModule,
        OrganisingModule,
        CaseworkModule,
        CalendarModule,
        CampaignModule,
        BallotModule,
        WallChartModule,
        ExportModule,
        JobsModule.forRoot(options.jobsDatabaseUrl),
        TrendsModule,
        CoalitionModule,
        ImportsModule,
        DuplicateModule,
        ...(options.modules ?? []),
      ],
      providers: [RequestTransactions, { provide: APP_INTERCEPTOR, useClass: RequestTransactionInterceptor }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    // Every route: GraphQL and plain HTTP routes (the CSV exports) alike run in the request's transaction.
    consumer.apply(RequestContextMiddleware).forRoutes('*');
  }
}
