/**
 * The PAGERANK ranking's worker thread: reads the whole graph from Neo4j with a driver of its own,
 * builds a graphology graph, runs graphology-metrics' PageRank and posts back only each kind's top
 * entries. Everything that grows with the graph (the decoded records, the id map, the graph,
 * PageRank's arrays) is allocated and collected on this thread's heap, so none of it stalls the
 * API's event loop (decoding batches and collecting a million-entry map on the main thread did).
 *
 * Started by pagerank-worker.ts. It imports only packages and the pure top-by-kind.ts: under jest
 * it runs from its TypeScript source, transpiled on load (see there).
 */
import { parentPort, workerData } from 'node:worker_threads';
import neo4j from 'neo4j-driver';
import { UndirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { DatabaseConnection } from '../db/database';
import { topByKind, type RankedId } from './top-by-kind';

export interface PageRankJob {
  connection: DatabaseConnection;
  /** the text of cypher/analytics/graph-batch.cypher */
  batchQuery: string;
  /** the relationship types read (every type but REPORTED_IN) */
  types: readonly string[];
  /** entities per read batch (one short read transaction each) */
  batchSize: number;
  /** entries kept per kind */
  keep: number;
}

export type PageRankReply =
  | { ok: true; top: [string, RankedId[]][]; nodes: number; edges: number; readMs: number; pageRankMs: number }
  | { ok: false; message: string; code?: string };

/** Damping 0.85 (graphology's default), unweighted: parallel relationships count once. */
const PAGERANK_OPTIONS = { getEdgeWeight: null, maxIterations: 200, tolerance: 1e-6 };

/**
 * The one attribute object of every node and edge. graphology keeps the object it is given, so
 * sharing one empty, frozen object saves an object per node and per edge (a fifth of the graph's
 * memory); nothing here sets attributes, and PageRank's result is collected, not assigned.
 */
const NO_ATTRIBUTES = Object.freeze({});

interface ReadGraph {
  /** nodes are 0 … n-1 (graphology keys "0" … "n-1": PageRank's index over them stays a dense array) */
  graph: UndirectedGraph;
  ids: string[];
  kinds: (string | undefined)[];
  /** 1 where the entity has at least one relationship read (a loop included): only those are ranked */
  linked: Uint8Array;
}

async function readGraph(job: PageRankJob): Promise<ReadGraph> {
  const { connection } = job;
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.username, connection.password), {
    connectionTimeout: connection.connectionTimeoutMs,
    maxConnectionPoolSize: 1,
    disableLosslessIntegers: true,
    userAgent: 'kg-graphql/0.1 ranking',
    telemetryDisabled: true,
  });
  try {
    const graph = new UndirectedGraph({ allowSelfLoops: false });
    const index = new Map<string, number>();
    const ids: string[] = [];
    const kinds: (string | undefined)[] = [];
    let linked = new Uint8Array(1 << 16);
    const indexOf = (id: string) => {
      let i = index.get(id);
      if (i === undefined) {
        i = ids.length;
        index.set(id, i);
        ids.push(id);
        graph.addNode(i, NO_ATTRIBUTES);
        if (i === linked.length) {
          const grown = new Uint8Array(linked.length * 2);
          grown.set(linked);
          linked = grown;
        }
      }
      return i;
    };
    const pending: (number | string)[] = [];
    let edges = 0;
    let after = '';
    for (;;) {
      const { records } = await driver.executeQuery(
        job.batchQuery,
        { after, batch: neo4j.int(job.batchSize), types: job.types },
        {
          database: connection.database,
          routing: neo4j.routing.READ,
          transactionConfig: { timeout: connection.txTimeoutMs, metadata: { app: 'kg-graphql', requestId: 'internal', operation: 'ranking' } },
        },
      );
      for (const r of records) {
        const i = indexOf(r.get('id') as string);
        kinds[i] = r.get('kind') as string;
        for (const target of r.get('out') as string[]) pending.push(i, target);
      }
      // targets are indexed after their batch, so indices follow id order where they can
      for (let p = 0; p < pending.length; p += 2) {
        const a = pending[p] as number;
        const b = indexOf(pending[p + 1] as string);
        linked[a] = 1;
        linked[b] = 1;
        if (a !== b && !graph.hasEdge(a, b)) graph.addEdgeWithKey(edges++, a, b, NO_ATTRIBUTES);
      }
      pending.length = 0;
      if (records.length < job.batchSize) break;
      after = records[records.length - 1].get('id') as string;
    }
    return { graph, ids, kinds, linked };
  } finally {
    await driver.close();
  }
}

/** Each node's PageRank by node index; the graph can be collected once this returns. */
function pageRanks(graph: UndirectedGraph): Record<string, number> {
  // graphology's PageRank fails on an empty graph (its test, error < N × tolerance, never holds at N = 0)
  if (graph.order === 0) return {};
  return pagerank(graph, PAGERANK_OPTIONS);
}

async function run(job: PageRankJob): Promise<PageRankReply> {
  const started = Date.now();
  const read = await readGraph(job);
  const { ids, kinds, linked } = read;
  const nodes = read.graph.order;
  const edges = read.graph.size;
  const readMs = Date.now() - started;
  const scores = pageRanks(read.graph);
  // the graph is no longer needed: let it be collected before the ranking lists are built
  (read as Partial<ReadGraph>).graph = undefined;
  const top = topByKind(ids, kinds, linked, (i) => scores[i] ?? 0, job.keep);
  return { ok: true, top: [...top], nodes, edges, readMs, pageRankMs: Date.now() - started - readMs };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as PageRankJob).then(
    (reply) => port.postMessage(reply),
    (err: unknown) => {
      const e = err as { message?: string; code?: unknown };
      port.postMessage({ ok: false, message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : undefined } satisfies PageRankReply);
    },
  );
}
