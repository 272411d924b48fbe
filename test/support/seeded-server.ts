import type { Database } from '../../src/db/database';
import type { RunningService } from '../../src/http/service';
import { freshGraph, testDatabase } from './graph';
import { startTestServer } from './server';

/**
 * The usual setup of an HTTP test file: the seed graph (freshGraph, our isolation rule) and the
 * real service on it, started before the file's tests and stopped after them.
 */
export function useSeededServer(env: Record<string, string> = {}): { readonly url: string; readonly db: Database } {
  let db: Database | undefined;
  let svc: RunningService | undefined;
  beforeAll(async () => {
    db = testDatabase();
    await freshGraph(db);
    svc = await startTestServer(env);
  });
  afterAll(async () => {
    await svc?.stop();
    await db?.close();
  });
  return {
    get url() {
      if (!svc) throw new Error('the server starts in beforeAll');
      return svc.url;
    },
    get db() {
      if (!db) throw new Error('the database opens in beforeAll');
      return db;
    },
  };
}
