import 'graphiql/style.css';
import './styles.css';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, type Client } from 'graphql-ws';

/**
 * GraphiQL 4 (CodeMirror 5 editors, no web workers) bundled into this service's own assets, so the
 * IDE works where there is no internet. Requests go to this origin's /graphql, with whatever the
 * headers tab holds (e.g. an Authorization header); subscriptions (graphChanged) run over graphql-ws
 * on the same path, with the headers tab's Authorization sent in connection_init.
 */
const DEFAULT_QUERY = `# Try: search in any language, then follow the id into paths or neighborhood.
query Search {
  search(text: "알리바바", first: 5) {
    score
    entity { id kind name names { lang value } }
  }
}
`;

interface FetcherParams {
  query: string;
  operationName?: string | null;
  variables?: unknown;
}

/** One WebSocket per Authorization value, opened on the first subscription. */
let live: { authorization: string | undefined; client: Client } | undefined;

function liveClient(authorization: string | undefined): Client {
  if (live && live.authorization === authorization) return live.client;
  void live?.client.dispose();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const client = createClient({ url, connectionParams: authorization ? { authorization } : {} });
  live = { authorization, client };
  return client;
}

function isSubscription(query: string, operationName?: string | null): boolean {
  const ops = [...query.matchAll(/\b(query|mutation|subscription)\b\s*([A-Za-z_][A-Za-z0-9_]*)?/g)];
  const op = operationName ? ops.find((m) => m[2] === operationName) : ops[0];
  return op?.[1] === 'subscription';
}

async function fetcher(params: FetcherParams, opts?: { headers?: Record<string, unknown> }): Promise<unknown> {
  if (isSubscription(params.query, params.operationName)) {
    const headers = (opts?.headers ?? {}) as Record<string, string>;
    const authorization = headers.Authorization ?? headers.authorization;
    return liveClient(authorization).iterate({ query: params.query, operationName: params.operationName ?? undefined, variables: params.variables as Record<string, unknown> });
  }
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { ...(opts?.headers as Record<string, string> | undefined), 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(params),
  });
  return res.json();
}

// ?query=... opens GraphiQL with that query, so the explorer and docs can link into it
const query = new URLSearchParams(location.search).get('query') ?? undefined;
const root = document.getElementById('graphiql');
if (!root) throw new Error('the page has no #graphiql');
createRoot(root).render(createElement(GraphiQL, { fetcher: fetcher as never, defaultQuery: DEFAULT_QUERY, query }));
