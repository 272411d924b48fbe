import { BadUserInputError } from '../common/errors';
import { buildPage, type Page, rowsFor } from '../read/relay/page';
import type { LoggedChange } from '../write/change-log/change.model';
import type { ChangeFeedRepository } from './change-feed.repository';
import { encodePosition, type Position, positionCursor } from './position';

/** Batches read per round trip: each holds one transaction's (coalesced) changes. */
const BATCHES_PER_READ = 50;

/**
 * The change feed as pages: `changes(after, first)` and the replay of a subscription resuming
 * `after` a position. A position older than the log retains is refused (BAD_USER_INPUT naming the
 * oldest position) rather than silently skipping what was pruned.
 */
export class ChangeFeedService {
  constructor(private readonly repo: ChangeFeedRepository) {}

  /** Throws BAD_USER_INPUT when `after` was pruned or lies beyond the log's newest position. */
  async checkResumable(after: Position | undefined, field = 'after'): Promise<void> {
    if (!after) return;
    const { head, oldest } = await this.repo.bounds();
    if (after.seq > head) throw new BadUserInputError(`${field} is beyond the newest position of the change log`, field);
    if (oldest !== null && after.seq < oldest) {
      const oldestPosition = encodePosition({ seq: oldest, index: 0 });
      const err = new BadUserInputError(
        `${field} is older than the oldest change retained; resume from ${oldestPosition} (the oldest retained position) or without after, and reload what you show`,
        field,
      );
      // clients read the oldest retained position from the error itself
      (err.extensions as Record<string, unknown>).oldestPosition = oldestPosition;
      throw err;
    }
  }

  /** Up to `limit` changes strictly after `after` (from the log's start when absent), in log order. */
  async after(after: Position | undefined, limit: number): Promise<LoggedChange[]> {
    const out: LoggedChange[] = [];
    let from = after?.seq ?? 0;
    for (;;) {
      const batches = await this.repo.batchesFrom(from, BATCHES_PER_READ);
      for (const b of batches) {
        for (const c of b.changes) {
          if (after && (c.seq < after.seq || (c.seq === after.seq && c.index <= after.index))) continue;
          out.push(c);
          if (out.length >= limit) return out;
        }
      }
      if (batches.length < BATCHES_PER_READ) return out;
      from = batches[batches.length - 1].seq + 1;
    }
  }

  async page(after: Position | undefined, first: number): Promise<Page<LoggedChange>> {
    await this.checkResumable(after);
    const rows = await this.after(after, rowsFor(first));
    return buildPage({
      rows,
      first,
      after: after && positionCursor(after),
      cursorOf: positionCursor,
      nodeOf: (c) => c,
      count: () => this.repo.countAfter(after?.seq ?? 0, after?.index ?? -1),
    });
  }
}
