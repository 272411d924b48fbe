import type { Logger } from 'pino';
import { type LocalNeo4j, type LocalNeo4jOptions, startLocalNeo4j } from './local-neo4j';
import { removeLocalNeo4jState, writeLocalNeo4jState } from './local-neo4j-state';

export interface SupervisorOptions {
  neo4j: LocalNeo4jOptions;
  logger: Logger;
  /** starts in a row that may fail (a JVM that dies again within `stableMs` counts as one) before giving up */
  maxRestarts: number;
  /** first wait before a restart; doubled after each failure, up to maxBackoffMs */
  backoffMs: number;
  maxBackoffMs?: number;
  /** a JVM that stayed up this long has recovered: the failure count starts again */
  stableMs?: number;
  /** told when the JVM died (readiness off at once) and when a new one answers */
  onDown?: () => void;
  onUp?: () => void;
  /** called once when the restarts are exhausted: the service cannot serve and should exit non-zero */
  onGiveUp: (reason: string) => void;
}

/**
 * Keeps the embedded Neo4j running: when its JVM dies (a crash, an OOM kill, someone's SIGKILL),
 * starts it again on the same port and data folder with exponential backoff. The driver reconnects
 * by itself once Bolt answers on the same URI, so nothing else has to change. After `maxRestarts`
 * failures in a row it gives up and says why. Logs once when the outage starts and once when it ends.
 */
export class LocalNeo4jSupervisor {
  private current?: LocalNeo4j;
  private stopping = false;
  private failures = 0;
  private restarting?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly opts: SupervisorOptions) {}

  get uri(): string {
    if (!this.current) throw new Error('the local Neo4j is not started');
    return this.current.uri;
  }

  get pid(): number {
    return this.current?.pid ?? -1;
  }

  async start(): Promise<LocalNeo4j> {
    const neo4j = await startLocalNeo4j(this.opts.neo4j);
    this.adopt(neo4j);
    return neo4j;
  }

  private adopt(neo4j: LocalNeo4j): void {
    this.current = neo4j;
    // restarts keep the first start's port: the driver's URI stays valid
    this.opts.neo4j.port = neo4j.port;
    writeLocalNeo4jState(this.opts.neo4j.home, { pid: process.pid, neo4jPid: neo4j.pid, uri: neo4j.uri, startedAt: new Date().toISOString() });
    const startedAt = Date.now();
    void neo4j.exited.then(({ code, signal }) => {
      if (this.stopping || this.current !== neo4j) return;
      if (Date.now() - startedAt >= (this.opts.stableMs ?? 60_000)) this.failures = 0;
      this.opts.onDown?.();
      this.opts.logger.error({ database: 'down', neo4jPid: neo4j.pid, code, signal }, 'the local Neo4j exited; restarting it');
      this.restarting = this.restart(Date.now());
    });
  }

  private async restart(downSince: number): Promise<void> {
    while (!this.stopping) {
      this.failures += 1;
      if (this.failures > this.opts.maxRestarts) {
        const reason = `the local Neo4j died and ${this.opts.maxRestarts} restarts in a row failed; see ${this.opts.neo4j.home}/logs/debug.log`;
        this.opts.logger.fatal({ database: 'down' }, reason);
        removeLocalNeo4jState(this.opts.neo4j.home);
        this.opts.onGiveUp(reason);
        return;
      }
      const wait = Math.min(this.opts.backoffMs * 2 ** (this.failures - 1), this.opts.maxBackoffMs ?? 30_000);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.stopping) return;
      try {
        const neo4j = await startLocalNeo4j({ ...this.opts.neo4j, log: () => undefined });
        if (this.stopping) {
          await neo4j.stop();
          return;
        }
        this.adopt(neo4j);
        this.opts.logger.info({ database: 'up', neo4jPid: neo4j.pid, attempts: this.failures, downMs: Date.now() - downSince }, 'the local Neo4j is running again');
        this.opts.onUp?.();
        return;
      } catch (err) {
        // one line per attempt (seconds apart), never one per health check
        this.opts.logger.warn({ attempt: this.failures, err: (err as Error).message.split('\n')[0] }, 'restarting the local Neo4j failed');
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.restarting;
    await this.current?.stop();
    removeLocalNeo4jState(this.opts.neo4j.home);
  }
}
