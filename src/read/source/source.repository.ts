import { cypher } from '../../db/cypher-registry';
import type { Database } from '../../db/database';
import { int, toPlain, toPlainObject } from '../../db/values';
import { toEntityRecord } from '../entity/entity.model';
import type { ReportedPage, ReportedRows } from './source.page';

export type { ReportedRows };

/** One page request: a page (source.page.ts) of the entities `source` reported. */
export interface ReportedKey extends ReportedPage {
  source: string;
}

export function reportedKeyString(k: ReportedKey): string {
  return JSON.stringify([k.source, k.rows, k.after, [...k.kinds].sort(), k.withTotal]);
}

export class SourceRepository {
  constructor(private readonly db: Database) {}

  /** The rows of every key in one statement; a source that does not exist has no entry. */
  async reportedByKeys(keys: readonly ReportedKey[]): Promise<Map<string, ReportedRows>> {
    const limit = Math.max(0, ...keys.map((k) => k.rows));
    const records = await this.db.read(cypher('source/entities-by-ids'), {
      keys: keys.map((k) => ({ key: reportedKeyString(k), source: k.source, after: k.after, kinds: k.kinds, withTotal: k.withTotal })),
      limit: int(limit),
    });
    const withTotal = new Set(keys.filter((k) => k.withTotal).map(reportedKeyString));
    const out = new Map<string, ReportedRows>();
    for (const r of records) {
      const key = r.get('key') as string;
      const nodes = r.get('nodes') as unknown[];
      out.set(key, { entities: nodes.map((n) => toEntityRecord(toPlainObject(n))), total: withTotal.has(key) ? Number(toPlain(r.get('total'))) : null });
    }
    return out;
  }
}
