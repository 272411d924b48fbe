/**
 * Runs pagerank-thread.ts on a worker thread and hands back its reply. The thread reads the graph
 * itself (with its own driver, from the connection settings it is given), so all the API's event
 * loop does for a run is start the thread and receive each kind's top entries.
 *
 * The thread's code is the compiled module next to this one (dist/). When the service runs from
 * its TypeScript sources (jest), there is none: the thread then loads the .ts source through a
 * require hook that transpiles with @swc/core, the compiler the tests already run on (a dev
 * dependency, never reached in production).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { PageRankJob, PageRankReply } from './pagerank-thread';

export type PageRankResult = Extract<PageRankReply, { ok: true }>;

/** A run's failure as the thread reported it; `code` is the driver's (e.g. ServiceUnavailable). */
export class PageRankThreadError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'PageRankThreadError';
  }
}

const SWC_OPTIONS = { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' }, sourceMaps: 'inline' };

function startThread(job: PageRankJob): Worker {
  const compiled = join(__dirname, 'pagerank-thread.js');
  if (existsSync(compiled)) return new Worker(compiled, { workerData: job });
  const bootstrap = `
const swc = require(${JSON.stringify(require.resolve('@swc/core'))});
require.extensions['.ts'] = (module, filename) =>
  module._compile(swc.transformFileSync(filename, ${JSON.stringify(SWC_OPTIONS)}).code, filename);
require(${JSON.stringify(join(__dirname, 'pagerank-thread.ts'))});
`;
  return new Worker(bootstrap, { eval: true, workerData: job });
}

/** A running PageRank thread: its result, and a way to end it early (stop()). */
export class PageRankRun {
  readonly result: Promise<PageRankResult>;
  private readonly worker: Worker;

  constructor(job: PageRankJob) {
    this.worker = startThread(job);
    this.result = new Promise((resolve, reject) => {
      let settled = false;
      this.worker.once('message', (reply: PageRankReply) => {
        settled = true;
        if (reply.ok) resolve(reply);
        else reject(new PageRankThreadError(reply.message, reply.code));
      });
      this.worker.once('error', (err) => {
        settled = true;
        reject(err);
      });
      this.worker.once('exit', (code) => {
        if (!settled) reject(new PageRankThreadError(`the PageRank thread exited with code ${code} before it answered`));
      });
    });
  }

  /** Ends the thread at once: its driver's connections close with it, a read in flight is abandoned. */
  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
