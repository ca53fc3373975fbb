import { type DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, getRepositoryToken } from '@nestjs/typeorm';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { DataSource, EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import type { RequestTransactionAdapter } from './request-transaction-adapter.js';

/**
 * A TypeORM repository whose `manager` (public, and what every one of its methods and query builders
 * works through) is, at each call, the one TransactionHost hands out: the request's transaction
 * inside a request, the pool outside one. The repository itself is TypeORM's own, unchanged.
 */
export function requestRepository<T extends ObjectLiteral>(base: Repository<T>, txHost: TransactionHost<RequestTransactionAdapter>): Repository<T> {
  return Object.create(base, { manager: { get: () => txHost.tx, enumerable: true } }) as Repository<T>;
}

/**
 * `@InjectRepository(Entity)` for services, in the request's transaction: modules import
 * `RequestRepositories.forFeature([...])` where they would import `TypeOrmModule.forFeature([...])`.
 * (nestjs-cls's TypeORM adapter reaches a transaction only through its EntityManager.)
 */
@Module({})
export class RequestRepositories {
  static forFeature(entities: EntityTarget<ObjectLiteral>[]): DynamicModule {
    const providers = entities.map((entity) => ({
      provide: getRepositoryToken(entity as never),
      inject: [getDataSourceToken(), TransactionHost],
      useFactory: (db: DataSource, txHost: TransactionHost<RequestTransactionAdapter>) => requestRepository(db.getRepository(entity), txHost),
    }));
    return { module: RequestRepositories, providers, exports: providers.map((p) => p.provide) };
  }
}
