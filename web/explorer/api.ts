/**
 * The explorer's only way to the data: the public GraphQL API of this same service (same origin,
 * so the Content-Security-Policy's connect-src 'self' is all it needs). Shapes follow the contract.
 */
/** The server's own definitions, so the page and the API cannot drift apart. */
export type { JsonValue as Json } from '../../src/graph/subgraph';
export type { EntityKind } from '../../src/model/kinds';
import type { JsonValue as Json } from '../../src/graph/subgraph';
import type { EntityKind } from '../../src/model/kinds';

export interface LocalizedName {
  lang: string;
  value: string;
}
export interface SourceRef {
  sourceId: string;
  section: string | null;
  sentence: string | null;
  basis: string | null;
  note: string | null;
}
export interface EntityDetails {
  id: string;
  kind: EntityKind;
  name: string;
  description: string | null;
  names: LocalizedName[];
  properties: Record<string, Json>;
  sources: SourceRef[];
}
export interface GraphNode {
  id: string;
  kind: EntityKind;
  label: string;
  properties: Record<string, Json>;
  hiddenNeighbors: number;
}
export interface GraphEdge {
  id: string;
  type: string;
  source: string;
  target: string;
  properties: Record<string, Json>;
}
export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}
export interface Path {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
export interface SearchHit {
  score: number;
  entity: { id: string; kind: EntityKind; name: string; names: LocalizedName[] };
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const GRAPH_FIELDS = `
  nodes { id kind label properties hiddenNeighbors }
  edges { id type source target properties }`;

async function request<T>(query: string, variables: Record<string, unknown>, signal?: AbortSignal): Promise<T> {
  const res = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
    signal,
  });
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`The server answered ${res.status} ${res.statusText}`);
  }
  if (body.errors?.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The server answered ${res.status} with no data`);
  return body.data;
}

export async function search(text: string, signal?: AbortSignal): Promise<SearchHit[]> {
  const data = await request<{ search: SearchHit[] }>(
    `query ExplorerSearch($text: String!) {
      search(text: $text, first: 12) { score entity { id kind name names { lang value } } }
    }`,
    { text },
    signal,
  );
  return data.search;
}

export async function neighborhood(id: string, kinds: EntityKind[] | null, limit = 150): Promise<Subgraph> {
  const data = await request<{ neighborhood: Subgraph }>(
    `query ExplorerNeighborhood($id: ID!, $kinds: [EntityKind!], $limit: Int) {
      neighborhood(id: $id, depth: 1, kinds: $kinds, limit: $limit) { truncated ${GRAPH_FIELDS} }
    }`,
    { id, kinds, limit },
  );
  return data.neighborhood;
}

export async function paths(from: string, to: string, maxHops: number, first = 5): Promise<Path[]> {
  const data = await request<{ paths: Path[] }>(
    `query ExplorerPaths($from: ID!, $to: ID!, $maxHops: Int, $first: Int) {
      paths(from: $from, to: $to, maxHops: $maxHops, first: $first) { length ${GRAPH_FIELDS} }
    }`,
    { from, to, maxHops, first },
  );
  return data.paths;
}

/** The side panel's data: the entity itself and everything one hop away (its facts, its parties). */
export async function details(id: string): Promise<{ entity: EntityDetails | null; around: Subgraph }> {
  return request<{ entity: EntityDetails | null; around: Subgraph }>(
    `query ExplorerDetails($id: ID!) {
      entity(id: $id) {
        id kind name description properties
        names { lang value }
        sources { sourceId section sentence basis note }
      }
      around: neighborhood(id: $id, depth: 1, limit: 200) { truncated ${GRAPH_FIELDS} }
    }`,
    { id },
  );
}
