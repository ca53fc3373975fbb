import { getDataSourceToken } from '@nestjs/typeorm';
import type { TransactionalAdapter, TransactionalAdapterOptions } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm, type TypeOrmTransactionOptions } from '@nestjs-cls/transactional-adapter-typeorm';
import type { DataSource, EntityManager } from 'typeorm';

/** How a request's transaction begins: at once (a signed-in caller), or `lazy` (an anonymous one: see continueAs). */
export type RequestTxOptions = Partial<TypeOrmTransactionOptions> & { lazy?: boolean };

/**
 * nestjs-cls's TypeORM adapter, with one more mode for anonymous requests (`lazy`): the request gets
 * a query runner of its own, which takes a connection only if a statement runs and begins no
 * transaction until a login makes the rest of the request run as the user who signed in
 * (continueAs). Until then its statements (there are few: a login's own run outside it) commit one
 * by one, with no identity.
 */
export class RequestTransactionAdapter implements TransactionalAdapter<DataSource, EntityManager, RequestTxOptions> {
  private readonly typeorm = new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() });
  readonly connectionToken = this.typeorm.connectionToken;

  optionsFactory = (dataSource: DataSource): TransactionalAdapterOptions<EntityManager, RequestTxOptions> => {
    const typeorm = this.typeorm.optionsFactory(dataSource);
    return {
      ...typeorm,
      wrapWithTransaction: (options, fn, setTx) => options?.lazy
        ? lazily(dataSource, fn, setTx)
        : typeorm.wrapWithTransaction(options as TypeOrmTransactionOptions, fn, setTx),
      wrapWithNestedTransaction: (options, fn, setTx, tx) => typeorm.wrapWithNestedTransaction(options as TypeOrmTransactionOptions, fn, setTx, tx),
    };
  };
}

async function lazily<T>(dataSource: DataSource, fn: () => Promise<T>, setTx: (tx?: EntityManager) => void): Promise<T> {
  const runner = dataSource.createQueryRunner();
  setTx(runner.manager);
  try {
    const result = await fn();
    if (runner.isTransactionActive) await runner.commitTransaction();
    return result;
  } catch (e) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw e;
  } finally {
    await runner.release();
  }
}
