/**
 * PageRank of the whole graph on a worker thread, so the API's event loop keeps answering while it
 * runs (at a million nodes it takes seconds). The worker gets the graph as two typed arrays of node
 * indices (transferred, not copied), builds a graphology graph and runs graphology-metrics'
 * PageRank, and sends back one score per node index.
 *
 * The worker's code is a few lines of plain JavaScript evaluated in the thread: it needs no build
 * step of its own and loads the same graphology modules as the rest of the service, by the absolute
 * paths resolved here.
 */
import { Worker } from 'node:worker_threads';

export interface EdgeList {
  /** node count; nodes are 0 … n-1 */
  n: number;
  /** edge i joins src[i] and dst[i] (read as undirected) */
  src: Int32Array;
  dst: Int32Array;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { UndirectedGraph } = require(workerData.graphology);
const pagerank = require(workerData.pagerank);
const { n, src, dst, options } = workerData;
const graph = new UndirectedGraph();
for (let i = 0; i < n; i++) graph.addNode(i);
for (let i = 0; i < src.length; i++) if (src[i] !== dst[i]) graph.mergeEdge(src[i], dst[i]);
const scores = pagerank(graph, options);
const out = new Float64Array(n);
for (let i = 0; i < n; i++) out[i] = scores[i] || 0;
parentPort.postMessage(out, [out.buffer]);
`;

/** Damping 0.85 (graphology's default), unweighted: parallel relationships count once. */
const PAGERANK_OPTIONS = { getEdgeWeight: null, maxIterations: 200, tolerance: 1e-6 };

export function pageRankInWorker(edges: EdgeList): Promise<Float64Array> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        graphology: require.resolve('graphology'),
        pagerank: require.resolve('graphology-metrics/centrality/pagerank'),
        n: edges.n,
        src: edges.src,
        dst: edges.dst,
        options: PAGERANK_OPTIONS,
      },
      transferList: [edges.src.buffer as ArrayBuffer, edges.dst.buffer as ArrayBuffer],
    });
    let settled = false;
    worker.once('message', (scores: Float64Array) => {
      settled = true;
      resolve(scores);
      void worker.terminate();
    });
    worker.once('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the PageRank worker exited with code ${code}`));
    });
  });
}
