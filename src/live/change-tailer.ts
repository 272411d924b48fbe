import type { Logger } from 'pino';
import type { LoggedChange } from '../write/change-log/change.model';
import type { ChangeFeedRepository } from './change-feed.repository';

export type ChangeListener = (change: LoggedChange) => void;

/** Batches read per poll; a backlog is read in several polls, one after the other. */
const BATCHES_PER_POLL = 100;
/** A missing position is waited for this many polls before it is taken as pruned (or the log as reset). */
const GAP_PATIENCE = 20;

/**
 * Each process tails the change log in Neo4j: one query per poll, whatever the number of
 * subscribers, so a write made through any replica reaches the subscribers of every replica with
 * no broker between them. Changes are handed to listeners in log order, each once.
 */
export class ChangeTailer {
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private gapPolls = 0;
  /** the last position read and handed to listeners (its seq); set from the log's head at start */
  head = 0;

  constructor(
    private readonly repo: ChangeFeedRepository,
    private readonly opts: { pollMs: number; logger: Logger },
  ) {}

  /** Starts from the log's newest position: what came before is the replay's (`after`), not the tail's. */
  async start(): Promise<void> {
    this.head = (await this.repo.bounds()).head;
    this.schedule();
  }

  listen(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.poll().finally(() => this.schedule());
    }, this.opts.pollMs);
  }

  /** Reads what came after `head`, stopping at a gap (a position not visible yet). */
  async poll(): Promise<void> {
    try {
      for (;;) {
        const batches = await this.repo.batchesFrom(this.head + 1, BATCHES_PER_POLL);
        if (!batches.length) {
          // an emptied log (tests wipe the graph) restarts its positions: follow it
          if (++this.gapPolls >= GAP_PATIENCE) await this.followReset();
          return;
        }
        let next = this.head + 1;
        for (const b of batches) {
          if (b.seq !== next && this.gapPolls++ < GAP_PATIENCE) return;
          this.gapPolls = 0;
          for (const c of b.changes) for (const l of [...this.listeners]) l(c);
          this.head = b.seq;
          next = b.seq + 1;
        }
        if (batches.length < BATCHES_PER_POLL) return;
      }
    } catch (err) {
      // the database is down or slow: the next poll tries again from the same head, losing nothing
      this.opts.logger.debug({ err }, 'change log poll failed');
    }
  }

  private async followReset(): Promise<void> {
    this.gapPolls = 0;
    const { head } = await this.repo.bounds();
    if (head < this.head) {
      this.opts.logger.warn({ from: this.head, to: head }, 'the change log restarted its positions');
      this.head = head;
    }
  }
}
