import { int } from 'neo4j-driver';
import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { toPlain } from '../db/values';
import type { LoggedChange, StoredChange } from '../write/change-log/change.model';

export interface LogBatch {
  seq: number;
  changes: LoggedChange[];
}

/** Reads and prunes the change log (cypher/changes/); writing it is GraphWriter's (src/write/change-log/). */
export class ChangeFeedRepository {
  constructor(private readonly db: Database) {}

  /** Up to `limit` batches from position `fromSeq` on, oldest first. */
  async batchesFrom(fromSeq: number, limit: number): Promise<LogBatch[]> {
    const records = await this.db.read(cypher('changes/after'), { from: int(fromSeq), limit: int(limit) });
    return records.map((r) => {
      const seq = Number(r.get('seq'));
      const at = String(toPlain(r.get('at')));
      const actor = String(r.get('actor'));
      const changes = (r.get('changes') as string[]).map((text, index) => ({ seq, index, at, actor, change: JSON.parse(text) as StoredChange }));
      return { seq, changes };
    });
  }

  /** The newest position handed out (0: none yet) and the oldest batch retained (null: none). */
  async bounds(): Promise<{ head: number; oldest: number | null }> {
    const [r] = await this.db.read(cypher('changes/bounds'));
    const oldest = r.get('oldest');
    return { head: Number(r.get('head')), oldest: oldest === null ? null : Number(oldest) };
  }

  /** How many retained changes come after position (seq, index). */
  async countAfter(seq: number, index: number): Promise<number> {
    const [r] = await this.db.read(cypher('changes/count-from'), { from: int(seq) });
    const total = Number(r.get('total'));
    const atSeq = Number(r.get('atFrom'));
    return total - Math.min(atSeq, index + 1);
  }

  async prune(opts: { retentionMs: number; maxChanges: number; limit: number }): Promise<number> {
    const [r] = await this.db.write(cypher('changes/prune'), { retentionMs: int(opts.retentionMs), maxChanges: int(opts.maxChanges), limit: int(opts.limit) });
    return Number(r.get('pruned'));
  }
}
