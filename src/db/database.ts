import neo4j, { BookmarkManager, Driver, ManagedTransaction, Record as Neo4jRecord, auth } from 'neo4j-driver';
import type { Logger } from 'pino';
import { DatabaseUnavailableError } from '../common/errors';
import { currentScope } from '../common/request-context';
import type { CypherQuery } from './cypher-registry';
import { mapDatabaseError, retryingAutoCommit, unavailable } from './database-errors';
import { withoutCallerStack } from './result-stack';

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

/** What a worker thread needs to open its own driver to the same database (see connection()). */
export type DatabaseConnection = Pick<DatabaseOptions, 'uri' | 'username' | 'password' | 'database' | 'txTimeoutMs' | 'connectionTimeoutMs'>;

export interface TxOptions {
  /** overrides the per-request timeout, for work that is known to be long (imports) */
  timeoutMs?: number;
}

/** A unit of work's view of the database: run named queries inside one transaction. */
export interface Tx {
  run(query: CypherQuery, params?: Params): Promise<Neo4jRecord[]>;
  /**
   * Runs `step` once the work is done, just before the transaction commits. The change log appends
   * here: its counter's write lock (which orders positions by commit) is then held only from this
   * statement to the commit, not through the whole write, so concurrent writers barely wait.
   */
  beforeCommit(step: () => Promise<void>): void;
}

/** A read transaction whose records arrive one by one, for results too large to hold (backups). */
export interface StreamTx {
  stream(query: CypherQuery, params?: Params): AsyncIterable<Neo4jRecord>;
}

export interface QueryObserver {
  /**
   * `requestId` is set for a request's queries, unset for background work (the change tail,
   * rankings); `text` is the statement as sent (what Neo4j plans and caches by)
   */
  (event: { name: string; text: string; mode: 'READ' | 'WRITE'; ms: number; ok: boolean; requestId?: string }): void;
}

export type AccessMode = 'READ' | 'WRITE';

const shuttingDown = () => new DatabaseUnavailableError('The service is shutting down; the request was not completed (nothing it wrote was committed); try again');

/**
 * The only module that opens sessions, but for the ranking job's worker thread (see connection()).
 * It names the database, chooses the access mode (so reads can go to cluster secondaries), lets
 * the driver retry transient failures, bounds every transaction with a timeout, tags it with
 * metadata, logs slow queries and maps Neo4j errors to the contract's codes (database-errors.ts).
 */
export class Database {
  readonly driver: Driver;
  readonly maxPoolSize = 50;
  private readonly observers: QueryObserver[] = [];
  private isAvailable = true;
  /** set by shutdown(): new and running transactions end with a 503 saying so */
  private stopping = false;
  /** Rejecters of transactions in flight, called when the database is found down (see transaction()). */
  private readonly outageListeners = new Set<() => void>();
  /** Sessions open right now, by access mode: each holds at most one pooled connection. */
  private readonly open: Record<AccessMode, number> = { READ: 0, WRITE: 0 };
  /**
   * One bookmark manager for every session of this process: a read always sees the writes this
   * process committed before it, even when a cluster routes the read to a secondary that must
   * catch up first. On a single instance it costs nothing.
   */
  readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();

  constructor(private readonly opts: DatabaseOptions) {
    this.driver = neo4j.driver(opts.uri, auth.basic(opts.username, opts.password), {
      connectionTimeout: opts.connectionTimeoutMs,
      connectionAcquisitionTimeout: opts.acquisitionTimeoutMs,
      maxTransactionRetryTime: Math.min(opts.txTimeoutMs, 5000),
      maxConnectionPoolSize: this.maxPoolSize,
      // integers arrive as JS numbers: no Integer object per value to allocate and convert (our ids,
      // counts and years stay far below 2^53); parameters that must be integers still use int()
      disableLosslessIntegers: true,
      userAgent: 'kg-graphql/0.1',
      // during an outage (already logged once, by the health monitor) every failed ping would add a
      // driver warning per second: those are dropped until the database is back
      logging: { level: 'warn', logger: (level, message) => this.isAvailable && opts.logger.warn({ neo4j: level }, message) },
      // no driver telemetry: nothing leaves this service but our own queries
      telemetryDisabled: true,
    });
  }

  get name(): string {
    return this.opts.database;
  }

  /**
   * The settings to reach this database, for the one reader that cannot use this object: the
   * ranking job's worker thread (src/analytics/pagerank-thread.ts), which reads the whole graph with
   * a driver of its own so that decoding it never runs on the API's event loop. Drivers cannot be
   * shared across threads; this object's pool, bookmarks and outage state stay on the main thread.
   */
  connection(): DatabaseConnection {
    const { uri, username, password, database, txTimeoutMs, connectionTimeoutMs } = this.opts;
    return { uri, username, password, database, txTimeoutMs, connectionTimeoutMs };
  }

  /**
   * Set by the health monitor. While false, new transactions fail at once, and turning it false
   * abandons the transactions in flight: the driver would otherwise keep retrying a dead server
   * for up to maxTransactionRetryTime before the request could answer.
   */
  get available(): boolean {
    return this.isAvailable;
  }

  set available(up: boolean) {
    this.isAvailable = up;
    if (!up) for (const abandon of [...this.outageListeners]) abandon();
  }

  /**
   * The end of a shutdown's grace period: transactions still running are abandoned, so their
   * requests answer 503 (DATABASE_UNAVAILABLE, "shutting down") before the drain closes their
   * sockets, instead of getting no answer at all. An abandoned transaction runs no further
   * statement and is rolled back (never committed), so an import cut here writes nothing.
   */
  shutdown(): void {
    this.stopping = true;
    for (const abandon of [...this.outageListeners]) abandon();
  }

  /** Sessions (and so pooled connections) in use now; the driver has no public pool API. */
  sessionsInUse(mode: AccessMode): number {
    return this.open[mode];
  }

  onQuery(observer: QueryObserver): void {
    this.observers.push(observer);
  }

  /**
   * One read query, as an auto-commit (implicit) read transaction: RUN and PULL only, no BEGIN and
   * COMMIT messages, which halves the round trips of a single statement and measurably cuts the CPU
   * per query on both sides (see bench/RESULTS.md). Same routing, bookmarks, timeout, metadata and
   * error mapping as readTx; transient failures are retried here since the driver retries only
   * managed transactions.
   */
  read(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.transaction('READ', (tx) => tx.run(query, params), query.name, {}, true);
  }

  /** One write query in its own write transaction. */
  write(query: CypherQuery, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.writeTx((tx) => tx.run(query, params), query.name);
  }

  /**
   * One write statement as an auto-commit (implicit) transaction, as `CALL {} IN TRANSACTIONS`
   * needs (it commits batches of its own): the migrations' backfills over every entity.
   */
  writeAutoCommit(query: CypherQuery, params: Params = {}, opts: TxOptions = {}): Promise<Neo4jRecord[]> {
    return this.transaction('WRITE', (tx) => tx.run(query, params), query.name, opts, true);
  }

  readTx<T>(work: (tx: Tx) => Promise<T>, label = 'read', opts: TxOptions = {}): Promise<T> {
    return this.transaction('READ', work, label, opts);
  }

  /** Everything `work` runs commits together or not at all (any error rolls it back). */
  writeTx<T>(work: (tx: Tx) => Promise<T>, label = 'write', opts: TxOptions = {}): Promise<T> {
    return this.transaction('WRITE', work, label, opts);
  }

  /**
   * One read transaction over statements whose records are streamed (the driver pulls more as the
   * consumer takes them), so a backup of a million entities never holds them all. Not retried: a
   * stream already consumed cannot be replayed.
   */
  async streamRead<T>(work: (tx: StreamTx) => Promise<T>, label: string, opts: TxOptions = {}): Promise<T> {
    if (!this.available) throw unavailable();
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ, bookmarkManager: this.bookmarks });
    this.open.READ += 1;
    try {
      const tx = session.beginTransaction({ timeout: opts.timeoutMs ?? this.opts.txTimeoutMs, metadata: { app: 'kg-graphql', requestId: 'internal', operation: label } });
      try {
        const result = await work({ stream: (query, params = {}) => tx.run(query.text, params) });
        await tx.commit();
        return result;
      } catch (err) {
        await tx.rollback().catch(() => undefined);
        throw err;
      }
    } catch (err) {
      throw mapDatabaseError(err, { label, timeoutMs: opts.timeoutMs ?? this.opts.txTimeoutMs, logger: this.opts.logger });
    } finally {
      this.open.READ -= 1;
      await session.close().catch(() => undefined);
    }
  }

  /**
   * True when the database answers a trivial query in time. A dead server refuses the connection at
   * once; the deadline covers one that accepts but never answers (paused, overloaded, partitioned).
   */
  async ping(deadlineMs = Math.min(this.opts.connectionTimeoutMs, 3000)): Promise<boolean> {
    const session = this.driver.session({ database: this.opts.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), deadlineMs);
    });
    const answered = session
      .run('RETURN 1', {}, { timeout: deadlineMs })
      .then(() => true)
      .catch(() => false)
      .finally(() => session.close().catch(() => undefined));
    try {
      return await Promise.race([answered, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /**
   * Reads go through executeRead and writes through executeWrite, so a neo4j:// driver routes reads
   * to secondaries and writes to the leader, and the driver retries transient failures.
   */
  private async transaction<T>(mode: AccessMode, work: (tx: Tx) => Promise<T>, label: string, opts: TxOptions, autoCommit = false): Promise<T> {
    if (this.stopping) throw shuttingDown();
    if (!this.available) throw unavailable();
    const scope = currentScope();
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
    const config = {
      timeout: opts.timeoutMs ?? this.opts.txTimeoutMs,
      metadata: { app: 'kg-graphql', requestId: scope?.requestId ?? 'internal', operation: scope?.operationName ?? label },
    };
    // Once abandoned, a retry the driver still has scheduled starts no new work (and so writes nothing).
    let abandoned = false;
    const txWork = async (mtx: ManagedTransaction) => {
      if (abandoned) throw unavailable();
      // each attempt (the driver may retry) has its own steps, registered by that attempt's work
      const steps: (() => Promise<void>)[] = [];
      const result = await work(this.wrap(mtx, mode, () => abandoned, steps));
      for (const step of steps) await step();
      return result;
    };
    this.open[mode] += 1;
    const execute = autoCommit
      ? retryingAutoCommit(Math.min(this.opts.txTimeoutMs, 5000), () => txWork({ run: (text: string, p?: Params) => session.run(text, p, config) } as ManagedTransaction), () => abandoned)
      : mode === 'READ'
        ? session.executeRead(txWork, config)
        : session.executeWrite(txWork, config);
    const running = execute.finally(() => {
      this.open[mode] -= 1;
      return session.close().catch(() => undefined);
    });
    let abandon: () => void = () => undefined;
    const outage = new Promise<never>((_, reject) => {
      abandon = () => {
        abandoned = true;
        reject(this.stopping ? shuttingDown() : unavailable());
      };
    });
    this.outageListeners.add(abandon);
    try {
      return await Promise.race([running, outage]);
    } catch (err) {
      throw mapDatabaseError(err, { label, timeoutMs: config.timeout, logger: this.opts.logger });
    } finally {
      this.outageListeners.delete(abandon);
      // an abandoned transaction settles later in the background; its failure is already reported
      running.catch(() => undefined);
    }
  }



  private wrap(mtx: ManagedTransaction, mode: AccessMode, abandoned: () => boolean, steps: (() => Promise<void>)[]): Tx {
    return {
      beforeCommit: (step) => void steps.push(step),
      run: async (query, params = {}) => {
        // an abandoned transaction runs no further statement: throwing rolls it back
        if (abandoned()) throw unavailable();
        const scope = currentScope();
        if (scope) scope.dbQueries += 1;
        const started = performance.now();
        let ok = false;
        try {
          const result = await withoutCallerStack(() => mtx.run(query.text, params));
          ok = true;
          return result.records;
        } finally {
          const ms = performance.now() - started;
          for (const o of this.observers) o({ name: query.name, text: query.text, mode, ms, ok, requestId: scope?.requestId });
          if (ms > 1000) this.opts.logger.warn({ query: query.name, ms: Math.round(ms), requestId: scope?.requestId }, 'slow query');
        }
      },
    };
  }

}
