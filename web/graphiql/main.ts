import 'graphiql/style.css';
import './styles.css';
import { GraphiQL } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL 4 (CodeMirror 5 editors, no web workers) bundled into this service's own assets, so the
 * IDE works where there is no internet. Requests go to this origin's /graphql, with whatever the
 * headers tab holds (e.g. an Authorization header).
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

async function fetcher(params: FetcherParams, opts?: { headers?: Record<string, unknown> }): Promise<ExecutionResult> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { ...(opts?.headers as Record<string, string> | undefined), 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify(params),
  });
  return (await res.json()) as ExecutionResult;
}

// ?query=... opens GraphiQL with that query, so the explorer and docs can link into it
const query = new URLSearchParams(location.search).get('query') ?? undefined;
const root = document.getElementById('graphiql');
if (!root) throw new Error('the page has no #graphiql');
createRoot(root).render(createElement(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, query }));
