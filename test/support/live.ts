import { type Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Real graphql-ws clients for the live tests: a client per connection (with the token of its
 * connection_init), and subscriptions that collect what arrives.
 */
export interface LiveClient {
  client: Client;
  /** the close event's code and reason once the connection closed */
  closed: Promise<{ code: number; reason: string }>;
  /** the underlying socket, once acknowledged (the slow-consumer test pauses it) */
  connected: Promise<WebSocket>;
  dispose(): Promise<void>;
}

export function liveClient(httpUrl: string, authorization?: string): LiveClient {
  let resolveConnected: (s: WebSocket) => void = () => undefined;
  const connected = new Promise<WebSocket>((r) => (resolveConnected = r));
  let resolveClosed: (v: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((r) => (resolveClosed = r));
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization ? { authorization } : {},
    retryAttempts: 0,
    lazy: false,
    on: {
      connected: (s) => resolveConnected(s as WebSocket),
      closed: (e) => resolveClosed({ code: (e as { code: number }).code, reason: String((e as { reason: unknown }).reason) }),
    },
    onNonLazyError: () => undefined,
  });
  return { client, closed, connected, dispose: () => client.dispose() as Promise<void> };
}

export interface Change {
  position: string;
  op: string;
  entityId: string | null;
  kind: string | null;
  edge: { id: string; type: string; source: string; target: string; properties: Record<string, unknown> } | null;
  changedProperties: string[];
  actor: string;
}

export const CHANGE_FIELDS = 'position op entityId kind edge { id type source target properties } changedProperties actor';
export const GRAPH_CHANGED = `subscription($ids: [ID!], $kinds: [EntityKind!], $relationshipTypes: [String!], $after: String) {
  graphChanged(ids: $ids, kinds: $kinds, relationshipTypes: $relationshipTypes, after: $after) { ${CHANGE_FIELDS} }
}`;

export interface Collected {
  events: Change[];
  errors: { message: string; extensions?: Record<string, unknown> }[];
  /** resolves when `n` events have arrived (or rejects after timeoutMs) */
  count(n: number, timeoutMs?: number): Promise<Change[]>;
  /** resolves with the subscription's first error */
  failed: Promise<{ message: string; extensions?: Record<string, unknown> }[]>;
  stop(): void;
}

export function collect(live: LiveClient, variables: Record<string, unknown> = {}, query = GRAPH_CHANGED): Collected {
  const events: Change[] = [];
  const errors: Collected['errors'] = [];
  const waiters: (() => void)[] = [];
  let fail: (e: Collected['errors']) => void = () => undefined;
  const failed = new Promise<Collected['errors']>((r) => (fail = r));
  const stop = live.client.subscribe<{ graphChanged: Change }>(
    { query, variables },
    {
      next: (r) => {
        if (r.errors) {
          errors.push(...(r.errors as Collected['errors']));
          fail(r.errors as Collected['errors']);
        }
        if (r.data) events.push(r.data.graphChanged);
        for (const w of [...waiters]) w();
      },
      error: (e) => {
        const closeEvent = e as { code?: number; reason?: string; message?: string };
        const list = Array.isArray(e) ? (e as Collected['errors']) : [{ message: closeEvent.message ?? `closed ${closeEvent.code}: ${closeEvent.reason}` }];
        errors.push(...list);
        fail(list);
      },
      complete: () => undefined,
    },
  );
  return {
    events,
    errors,
    failed,
    stop,
    count(n, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (events.length >= n) {
            waiters.splice(waiters.indexOf(check), 1);
            clearTimeout(timer);
            resolve(events.slice(0, n));
          }
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(check), 1);
          reject(new Error(`expected ${n} events within ${timeoutMs} ms, got ${events.length}: ${JSON.stringify(events.map((e) => [e.op, e.entityId ?? e.edge?.id]))}; errors: ${JSON.stringify(errors)}`));
        }, timeoutMs);
        waiters.push(check);
        check();
      });
    },
  };
}

/** Resolves once the server has answered a subscription (graphql-ws has no "subscribed" message): after a ping round trip. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
