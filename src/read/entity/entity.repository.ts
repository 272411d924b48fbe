import { cypher } from '../../db/cypher-registry';
import type { Database } from '../../db/database';
import { int, toPlain, toPlainObject } from '../../db/values';
import { withPrefetch } from '../planner/prefetch.cypher';
import { decodeTree } from '../planner/prefetch.decode';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { EntityRecord, luceneTerms, SourceRefRecord, toEntityRecord } from './entity.model';
import type { PartialEntityRecord } from './entity.view';
import { type EntityKind } from '../../model/kinds';

export class EntityRepository {
  constructor(private readonly db: Database) {}

  async byIds(ids: readonly string[]): Promise<Map<string, EntityRecord>> {
    const records = await this.db.read(cypher('entity/by-ids'), { ids });
    const out = new Map<string, EntityRecord>();
    for (const r of records) {
      const e = toEntityRecord(toPlainObject(r.get('n')));
      out.set(e.id, e);
    }
    return out;
  }

  async sourcesByIds(ids: readonly string[]): Promise<Map<string, SourceRefRecord[]>> {
    const records = await this.db.read(cypher('entity/sources-by-ids'), { ids });
    const out = new Map<string, SourceRefRecord[]>();
    for (const r of records) {
      const o = toPlainObject(r.toObject()) as unknown as SourceRefRecord & { id: string };
      const list = out.get(o.id) ?? [];
      list.push({ sourceId: o.sourceId, section: o.section, sentence: o.sentence, basis: o.basis, note: o.note });
      out.set(o.id, list);
    }
    return out;
  }

  /** Best matches first, each with what `plan` says its selection reads below it. */
  async search(text: string, kinds: EntityKind[], first: number, plan: PrefetchPlan): Promise<{ entity: PartialEntityRecord; score: number }[]> {
    const { query, params } = withPrefetch(cypher('entity/search'), plan, { columns: ['score'], orderBy: 'score DESC, n0.id ASC' });
    const records = await this.db.read(query, {
      ...params,
      query: luceneTerms(text),
      exact: text.trim().toLowerCase(),
      kinds,
      first: int(first),
      candidates: int(Math.max(first * 5, 50)),
    });
    return records.map((r) => ({ entity: decodeTree(r.get('n'), plan, r.get('pf') as unknown[][]), score: Number(toPlain(r.get('score'))) }));
  }
}
