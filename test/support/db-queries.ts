import type { Database } from '../../src/db/database';

/** Counts every query the service runs on `db` from now on (tests run one request at a time). */
export function queryCounter(db: Database): { count: () => number; reset: () => void } {
  let n = 0;
  db.onQuery(() => {
    n += 1;
  });
  return { count: () => n, reset: () => void (n = 0) };
}
