import type { Database } from '../../src/db/database';

/**
 * Counts every query the service runs on `db` for requests from now on (tests run one request at a
 * time); the background work of the change log's tail and the rankings is not a request's.
 */
export function queryCounter(db: Database): { count: () => number; reset: () => void } {
  let n = 0;
  db.onQuery(({ requestId }) => {
    if (requestId !== undefined) n += 1;
  });
  return { count: () => n, reset: () => void (n = 0) };
}
