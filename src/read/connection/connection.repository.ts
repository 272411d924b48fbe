import type { Database } from '../../db/database';
import { int, toPlain } from '../../db/values';
import { decodeTree } from '../planner/prefetch.decode';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { countQuery, filterParams, pageWithPrefetch } from './connection.cypher';
import type { ConnectionFilter, ConnectionOrder, ConnectionRow } from './connection.model';
import type { Cursor } from '../relay/cursor';
import { type EntityKind } from '../../model/kinds';
import { groupCountQuery, measureStatsQuery } from './aggregate.cypher';
import type { GroupCountRow, GroupField, Measure, MeasureStatsRow } from './aggregate.model';

const num = (v: unknown): number => Number(toPlain(v));

export class ConnectionRepository {
  constructor(private readonly db: Database) {}

  /** Up to `limit` rows of `kind` matching `filter`, in `order`, strictly after `cursor`, with what `plan` says their selection reads. */
  async page(kind: EntityKind, filter: ConnectionFilter, order: ConnectionOrder, cursor: Cursor | undefined, limit: number, plan: PrefetchPlan): Promise<ConnectionRow[]> {
    const { query, params } = pageWithPrefetch(kind, filter, order, cursor !== undefined, plan);
    const records = await this.db.read(query, { ...params, ...filterParams(filter), limit: int(limit), ...(cursor ? { afterKey: cursor.keys[0], afterId: cursor.id } : {}) });
    return records.map((r) => ({ entity: decodeTree(r.get('n'), plan, r.get('pf') as unknown[][]), sortKey: String(toPlain(r.get('sortKey'))) }));
  }

  async count(kind: EntityKind, filter: ConnectionFilter): Promise<number> {
    const [r] = await this.db.read(countQuery(kind, filter), filterParams(filter));
    return Number(toPlain(r.get('total')));
  }

  async groupCounts(kind: EntityKind, filter: ConnectionFilter, field: GroupField): Promise<GroupCountRow[]> {
    const rows = await this.db.read(groupCountQuery(kind, filter, field), filterParams(filter));
    return rows.map((r) => ({ key: (toPlain(r.get('key')) as string | null) ?? null, count: num(r.get('count')) }));
  }

  async measureStats(kind: EntityKind, filter: ConnectionFilter, measure: Measure): Promise<MeasureStatsRow[]> {
    const rows = await this.db.read(measureStatsQuery(kind, filter, measure), filterParams(filter));
    return rows.map((r) => {
      const key = toPlain(r.get('key')) as (string | null)[];
      return {
        group: measure.per.map((field, i) => ({ field, value: key[i] ?? null })),
        count: num(r.get('count')),
        sum: num(r.get('sum')),
        min: num(r.get('min')),
        max: num(r.get('max')),
        avg: num(r.get('avg')),
      };
    });
  }
}
