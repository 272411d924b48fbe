import type { Logger } from 'pino';
import type { ChangeFeedRepository } from './change-feed.repository';

/** Batches deleted per statement: a long backlog is pruned in short transactions. */
const PRUNE_BATCH = 5000;

/**
 * Retention in the background: every interval, each process deletes the batches older than
 * CHANGE_LOG_RETENTION or beyond the newest CHANGE_LOG_MAX_CHANGES. Replicas may prune at once;
 * deleting is idempotent, so they only share the work.
 */
export class ChangeLogPruner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly repo: ChangeFeedRepository,
    private readonly opts: { retentionMs: number; maxChanges: number; intervalMs: number; logger: Logger },
  ) {}

  start(): void {
    this.timer = setInterval(() => {
      this.running ??= this.prune().finally(() => (this.running = undefined));
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async prune(): Promise<number> {
    let total = 0;
    try {
      for (;;) {
        const pruned = await this.repo.prune({ retentionMs: this.opts.retentionMs, maxChanges: this.opts.maxChanges, limit: PRUNE_BATCH });
        total += pruned;
        if (pruned < PRUNE_BATCH) break;
      }
      if (total) this.opts.logger.info({ pruned: total }, 'change log pruned');
    } catch (err) {
      this.opts.logger.warn({ err }, 'change log pruning failed; trying again next interval');
    }
    return total;
  }
}
