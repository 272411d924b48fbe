import { cypher } from '../../db/cypher-registry';
import type { Database } from '../../db/database';
import { int, toPlain, toPlainObject } from '../../db/values';
import { EntityRecord, toEntityRecord } from '../entity/entity.model';
import type { EntityKind } from '../../model/kinds';

/** One page request: the entities `source` reported, of `kinds` (all if empty), after entity id `after`. */
export interface ReportedKey {
  source: string;
  first: number;
  after: string | null;
  kinds: EntityKind[];
}

export function reportedKeyString(k: ReportedKey): string {
  return JSON.stringify([k.source, k.first, k.after, [...k.kinds].sort()]);
}

export class SourceRepository {
  constructor(private readonly db: Database) {}

  /** Up to first + 1 entities per key (the extra one tells whether a next page exists), and the total. */
  async reportedByKeys(keys: readonly ReportedKey[]): Promise<Map<string, { entities: EntityRecord[]; total: number }>> {
    const limit = Math.max(0, ...keys.map((k) => k.first)) + 1;
    const records = await this.db.read(cypher('source/entities-by-ids'), {
      keys: keys.map((k) => ({ key: reportedKeyString(k), source: k.source, after: k.after, kinds: k.kinds })),
      limit: int(limit),
    });
    const out = new Map<string, { entities: EntityRecord[]; total: number }>();
    for (const r of records) {
      const nodes = r.get('nodes') as unknown[];
      out.set(r.get('key') as string, { entities: nodes.map((n) => toEntityRecord(toPlainObject(n))), total: Number(toPlain(r.get('total'))) });
    }
    return out;
  }
}
