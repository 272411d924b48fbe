/**
 * neo4j-driver captures and formats a stack trace for every result it makes, to attach to an error
 * that may surface later (3 % of our process's CPU on a page of companies). Our errors name the
 * statement instead (mapDatabaseError), so results are made without one: the limit is set only
 * while the driver builds the result, synchronously, and restored at once.
 */
export function withoutCallerStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
