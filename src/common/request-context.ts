import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Per-request facts that deep layers need without threading them through every call: the request
 * id (logged and sent as transaction metadata) and a count of database round trips (so tests and
 * the benchmark can see N+1 problems).
 */
export interface RequestScope {
  requestId: string;
  operationName?: string;
  userId?: string;
  /** the caller's address (the socket's peer), for budgets shared per client when no user is known */
  client?: string;
  dbQueries: number;
}

const storage = new AsyncLocalStorage<RequestScope>();

export function runInScope<T>(scope: RequestScope, fn: () => T): T {
  return storage.run(scope, fn);
}

export function currentScope(): RequestScope | undefined {
  return storage.getStore();
}
