import { Writable } from 'node:stream';
import pino, { Logger } from 'pino';
import { loadConfig } from '../../src/config';
import { RunningService, startService } from '../../src/http/service';
import { silentLogger } from './graph';

/**
 * The real service (express + Apollo + driver) on a free loopback port, against the test Neo4j.
 * Seeding is left to the test (freshGraph), so the HTTP tier sees the same data as the others.
 */
export async function startTestServer(env: Record<string, string> = {}, logger: Logger = silentLogger): Promise<RunningService> {
  const config = loadConfig({ ...process.env, PORT: '0', HOST: '127.0.0.1', SEED_ON_EMPTY: 'false', NODE_ENV: 'test', ...env });
  return startService(config, logger);
}

/** A pino logger whose JSON lines a test can read back. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const text of chunk.toString().split('\n')) if (text.trim()) lines.push(JSON.parse(text) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

/** POSTs a GraphQL request and returns the status and parsed body. */
export async function gql<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown>; path?: unknown[] }[] } }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as never };
}
