import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/common/paths';
import type { Samples } from '../lib/samples';

/**
 * The benchmark's workloads. Each is the same question asked three ways: our GraphQL document
 * (bench/workloads/<name>.graphql), the anchor's (bench/workloads/anchor/<name>.graphql, when the
 * anchor can express it) and the floor's hand-written Cypher (bench/workloads/raw/<name>.cypher,
 * served by bench/servers/raw.ts).
 */
/** ours-cluster: ours with WEB_CONCURRENCY workers; ours-standard: ours on graphql-js execute (GRAPHQL_EXECUTION=standard). */
export type ServerName = 'ours' | 'ours-cluster' | 'ours-standard' | 'anchor' | 'raw';
export type Vars = Record<string, unknown>;
/** Sends one request to a server and returns the `data` of its answer (throws on errors). */
export type Send = (vars: Vars) => Promise<Record<string, unknown>>;

export interface Workload {
  name: string;
  title: string;
  /** why the anchor is left out, when it is */
  anchorUnsupported?: string;
  /** the variables each request cycles through, for one server */
  variables(samples: Samples, server: ServerName, send: Send): Promise<Vars[]>;
  /** true when a response carries a result (not null, not empty) */
  nonEmpty(data: Record<string, unknown>, server: ServerName): boolean;
}

const dir = () => join(projectRoot(), 'bench', 'workloads');

export function document(workload: string, server: Exclude<ServerName, 'raw'>): string | undefined {
  const file = server === 'anchor' ? join(dir(), 'anchor', `${workload}.graphql`) : join(dir(), `${workload}.graphql`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

const first = (data: Record<string, unknown>) => Object.values(data)[0];
const nonEmptyValue = (v: unknown) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

/** Pages 1-4 of every country, each server following its own cursors (keyset or offset). */
async function pageChains(samples: Samples, send: Send): Promise<Vars[]> {
  const out: Vars[] = [];
  for (const country of samples.countries) {
    let after: string | null = null;
    for (let page = 0; page < 4; page++) {
      out.push({ country, after });
      const conn = first(await send({ country, after })) as { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      if (!conn.pageInfo.hasNextPage) break;
      after = conn.pageInfo.endCursor;
    }
  }
  return out;
}

/** Pages 1-4 of one ordering, each server following its own cursors. */
async function cursorChain(send: Send): Promise<Vars[]> {
  const out: Vars[] = [];
  let after: string | null = null;
  for (let page = 0; page < 4; page++) {
    out.push({ after });
    const conn = first(await send({ after })) as { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return out;
}

const edgesOfFirst = (d: Record<string, unknown>) => nonEmptyValue((first(d) as { edges: unknown[] }).edges);

export const WORKLOADS: Workload[] = [
  {
    name: 'entity-nested',
    title: 'company by id → its partnerships → their parties (2 nested levels)',
    variables: async (s) => s.companyIds.map((id) => ({ id })),
    nonEmpty: (d) => nonEmptyValue(first(d)),
  },
  {
    name: 'companies-list',
    title: 'companies of a country by name, 20 per page (pages 1-4), with products',
    variables: (s, _server, send) => pageChains(s, send),
    nonEmpty: (d) => nonEmptyValue((first(d) as { edges: unknown[] }).edges),
  },
  {
    name: 'search',
    title: 'full-text search (Korean, Chinese, English names), top 10',
    variables: async (s) => s.searchTerms.map((text) => ({ text })),
    nonEmpty: (d, server) => nonEmptyValue(server === 'anchor' ? (first(d) as { edges: unknown[] }).edges : first(d)),
  },
  {
    name: 'node-fragments',
    title: 'node(id:) with a named fragment: a company with its products and sectors (the anchor: the same card by id)',
    variables: async (s) => s.companyIds.map((id) => ({ id })),
    nonEmpty: (d) => nonEmptyValue(first(d)),
  },
  {
    name: 'multi-root',
    title: 'three aliased roots in one request, each a company with its first products',
    variables: async (s) => s.companyIds.map((a, i, ids) => ({ a, b: ids[(i + 1) % ids.length], c: ids[(i + 2) % ids.length] })),
    nonEmpty: (d) => Object.values(d).every(nonEmptyValue),
  },
  {
    name: 'timeline',
    title: 'the global timeline, newest first, 20 per page (pages 1-4)',
    variables: (_s, _server, send) => cursorChain(send),
    nonEmpty: edgesOfFirst,
  },
  {
    name: 'products-by-date',
    title: 'a DATE-ordered connection: products by release date, newest first, 20 per page (pages 1-4), with makers',
    variables: (_s, _server, send) => cursorChain(send),
    nonEmpty: edgesOfFirst,
  },
  {
    name: 'paths',
    title: 'up to 3 shortest paths (≤ 4 hops) between two companies',
    anchorUnsupported: '@neo4j/graphql has no path query (no shortestPath, no variable-length traversal)',
    variables: async (s) => s.pathPairs.map((p) => ({ ...p })),
    nonEmpty: (d) => nonEmptyValue(first(d)),
  },
  {
    name: 'neighborhood',
    title: 'depth-2 neighbourhood (≤ 300 nodes) with its Cytoscape export',
    variables: async (s) => s.companyIds.map((id) => ({ id })),
    nonEmpty: (d) => nonEmptyValue(first(d)),
  },
  {
    name: 'metric-stats',
    title: 'aggregation: count and value sum/min/max/avg of one metric kind (ours and the floor per unit; the anchor across units)',
    variables: async () => ['REVENUE', 'MARKET_CAP', 'MARKET_SHARE', 'NET_INCOME', 'PER', 'GROWTH_RATE'].map((metricKind) => ({ metricKind })),
    nonEmpty: (d) => {
      const v = first(d) as { aggregate?: unknown } | unknown[];
      return Array.isArray(v) ? v.length > 0 : nonEmptyValue((v as { aggregate?: unknown }).aggregate);
    },
  },
];
