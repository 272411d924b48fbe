import neo4j, { Driver, ManagedTransaction, Neo4jError, Record as Neo4jRecord, auth } from 'neo4j-driver';
import type { Logger } from 'pino';
import { ConflictError, DatabaseUnavailableError, QueryTooComplexError } from '../common/errors';
import { currentScope } from '../common/request-context';
import type { CypherQuery } from './cypher-registry';

export interface DatabaseOptions {
  uri: string;
  username: string;
  password: string;
  database: string;
  txTimeoutMs: number;
  connectionTimeoutMs: number;
  acquisitionTimeoutMs: number;
  logger: Logger;
}

export type Params = Record<string, unknown>;

/** A unit of work's view of the database: run named queries inside one transaction. */
export interface Tx {
  run(query: CypherQuery, params?: Params): Promise<Neo4jRecord[]>;
}

export interface QueryObserver {
  (event: { name: string; mode: 'READ' | 'WRITE'; ms: number; ok: boolean }): void;
}

/**
 * The only module that opens sessions. It names the database, chooses the access mode (so reads
 * can go to cluster secondaries), lets the driver retry transient failures, bounds every
 * transaction with a timeout, tags it with metadata, logs slow queries and maps Neo4j errors to
 * the contract's codes.
 */
export class Database {
  readonly driver: Driver;
  private readonly observers: QueryObserver[] = [];
  /** Set by the health monitor: while false, requests fail at once instead of waiting on the pool. */
  available = true;

  constructor(private readonly opts: DatabaseOptions) {
    this.driver = neo4j.driver(opts.uri, auth.basic(opts.username, opts.password), {
      connectionTimeout: opts.connectionTimeoutMs,
      connectionAcquisitionTimeout: opts.acquisitionTimeoutMs,
      maxTransactionRetryTime: Math.min(opts.txTimeoutMs, 5000),
      maxConnectionPoolSize: 50,
      disableLosslessIntegers: false,
      userAgent: 'kg-graphql/0.1',
      logging: { level: 'warn', logger: (level, message) => opts.logger.warn({ neo4j: level }, message) },
      // no driver telemetry: nothing leaves this service but our own queries
      telemetryDisabled: true,
    });
  }

  get name(): string {
    return this.opts.database;
  }

  onQuery(observer: QueryObserver): void {
    this.observers.push(observer);
  }

  /** One read query in its own read transaction. */
  read(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.readTx((tx) => tx.run(query, params), query.name);
  }

  /** One write query in its own write transaction. */
  write(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.writeTx((tx) => tx.run(query, params), query.name);
  }

  readTx<T>(work: (tx: Tx) => Promise<T>, label = 'read'): Promise<T> {
    return this.transaction('READ', work, label);
  }

  /** Everything `work` runs commits together or not at all (any error rolls it back). */
  writeTx<T>(work: (tx: Tx) => Promise<T>, label = 'write'): Promise<T> {
    return this.transaction('WRITE', work, label);
  }

  /** True when the database answers a trivial query within the connection timeout. */
  async ping(): Promise<boolean> {
    try {
      const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
      try {
        await session.run('RETURN 1', {}, { timeout: this.opts.connectionTimeoutMs });
      } finally {
        await session.close();
      }
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', work: (tx: Tx) => Promise<T>, label: string): Promise<T> {
    if (!this.available) throw new DatabaseUnavailableError('The database is unavailable; try again shortly');
    const scope = currentScope();
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const config = {
      timeout: this.opts.txTimeoutMs,
      metadata: { app: 'kg-graphql', requestId: scope?.requestId ?? 'internal', operation: scope?.operationName ?? label },
    };
    const txWork = (mtx: ManagedTransaction) => work(this.wrap(mtx, mode));
    try {
      return mode === 'READ' ? await session.executeRead(txWork, config) : await session.executeWrite(txWork, config);
    } catch (err) {
      throw this.mapError(err, label);
    } finally {
      await session.close();
    }
  }

  private wrap(mtx: ManagedTransaction, mode: 'READ' | 'WRITE'): Tx {
    return {
      run: async (query, params = {}) => {
        const scope = currentScope();
        if (scope) scope.dbQueries += 1;
        const started = performance.now();
        let ok = false;
        try {
          const result = await mtx.run(query.text, params);
          ok = true;
          return result.records;
        } finally {
          const ms = performance.now() - started;
          for (const o of this.observers) o({ name: query.name, mode, ms, ok });
          if (ms > 1000) this.opts.logger.warn({ query: query.name, ms: Math.round(ms), requestId: scope?.requestId }, 'slow query');
        }
      },
    };
  }

  private mapError(err: unknown, label: string): Error {
    if (err instanceof DatabaseUnavailableError || !(err instanceof Error)) return err as Error;
    const code = (err as Neo4jError).code ?? '';
    if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /connection|acquisition|ECONNREFUSED|pool/i.test(err.message) && !code.startsWith('Neo.')) {
      return new DatabaseUnavailableError('The database is unavailable; try again shortly');
    }
    if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return new ConflictError('The write conflicts with existing data (a uniqueness constraint was violated)');
    }
    if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || code === 'Neo.TransientError.Transaction.LockClientStopped' && /timed? ?out/i.test(err.message)) {
      return new QueryTooComplexError(`The query took longer than the ${this.opts.txTimeoutMs} ms limit`);
    }
    if (code === 'Neo.TransientError.General.DatabaseUnavailable' || code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new DatabaseUnavailableError('The database is unavailable; try again shortly');
    }
    this.opts.logger.error({ err, query: label }, 'database error');
    return err;
  }
}
