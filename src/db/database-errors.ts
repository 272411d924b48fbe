import { isRetryableError, Neo4jError } from 'neo4j-driver';
import type { Logger } from 'pino';
import { AppError, ConcurrentWriteError, ConflictError, DatabaseUnavailableError, QueryTooComplexError } from '../common/errors';

/**
 * What a failed transaction tells the client: Neo4j's and the driver's errors mapped to the
 * contract's codes (Database's one place for it), and the retry of auto-commit statements that the
 * driver retries only for managed transactions.
 */

export const unavailable = () => new DatabaseUnavailableError('The database is unavailable; try again shortly');

export interface ErrorContext {
  /** the query's or unit of work's name, for the log line of an unexpected error */
  label: string;
  /** the transaction's timeout, named in QUERY_TOO_COMPLEX's message */
  timeoutMs: number;
  logger: Logger;
}

/** The error a client sees for `err`; errors that are not the client's are logged here, once. */
export function mapDatabaseError(err: unknown, { label, timeoutMs, logger }: ErrorContext): Error {
  // our own errors (a check that failed inside the transaction) pass as they are
  if (err instanceof AppError || !(err instanceof Error)) return err as Error;
  const code = (err as Neo4jError).code ?? '';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || (/connection|acquisition|ECONNREFUSED|pool/i.test(err.message) && !code.startsWith('Neo.'))) {
    return unavailable();
  }
  if (code === 'Neo.ClientError.Statement.EntityNotFound') {
    // a concurrent transaction deleted a node this one had matched: a race, not a fault
    return new ConcurrentWriteError();
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new ConflictError('The write conflicts with existing data (a uniqueness constraint was violated)');
  }
  // a transaction that times out while it waits for a lock ends as LockClientStopped (a ClientError
  // in Neo4j 5, a TransientError before) whose message names the timeout among its possible causes
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut') || (code.endsWith('.Transaction.LockClientStopped') && /timed? ?out/i.test(err.message))) {
    return new QueryTooComplexError(`The query took longer than the ${timeoutMs} ms limit`);
  }
  if (code === 'Neo.TransientError.General.DatabaseUnavailable' || code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return unavailable();
  }
  logger.error({ err, query: label }, 'database error');
  return err;
}

/**
 * Runs an auto-commit statement, retrying transient failures (as executeRead would) until
 * `retryMs` has passed, with jittered exponential backoff from 50 ms; never once `abandoned()`.
 */
export async function retryingAutoCommit<T>(retryMs: number, attempt: () => Promise<T>, abandoned: () => boolean): Promise<T> {
  const deadline = performance.now() + retryMs;
  for (let delay = 50; ; delay *= 2) {
    try {
      return await attempt();
    } catch (err) {
      if (abandoned() || !isRetryableError(err) || performance.now() + delay > deadline) throw err;
      await new Promise((r) => setTimeout(r, delay * (0.8 + Math.random() * 0.4)));
    }
  }
}
