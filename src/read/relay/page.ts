import type { Cursor } from './cursor';
import { encodeCursor } from './cursor';

/** Relay's PageInfo as data (api/types/page-info.type.ts is its GraphQL type). */
export interface PageInfoData {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<N> {
  cursor: string;
  node: N;
}

/** What every connection returns; `totalCount` is counted only when a client reads it. */
export interface Page<N> {
  edges: Edge<N>[];
  nodes: N[];
  pageInfo: PageInfoData;
  readonly totalCount: Promise<number>;
}

/** How many rows to fetch for a page of `first`: one more tells whether a next page exists. */
export const rowsFor = (first: number): number => first + 1;

/**
 * The one page builder: `rows` fetched with rowsFor(first) strictly after `after`, in page order,
 * become edges, nodes and pageInfo. `count` runs at most once, and only when `totalCount` is
 * selected (GraphQL reads the getter only then).
 */
export function buildPage<R, N>(spec: {
  rows: readonly R[];
  first: number;
  after: Cursor | undefined;
  cursorOf: (row: R) => Cursor;
  nodeOf: (row: R) => N;
  count: () => Promise<number>;
}): Page<N> {
  const { rows, first, count } = spec;
  const edges = rows.slice(0, first).map((row) => ({ cursor: encodeCursor(spec.cursorOf(row)), node: spec.nodeOf(row) }));
  let total: Promise<number> | undefined;
  return {
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: rows.length > first,
      hasPreviousPage: spec.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return (total ??= count());
    },
  };
}
