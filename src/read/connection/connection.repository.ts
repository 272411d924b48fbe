import type { Database } from '../../db/database';
import { int, toPlain } from '../../db/values';
import { decodeTree } from '../planner/prefetch.decode';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { countQuery, filterParams, pageWithPrefetch } from './connection.cypher';
import type { ConnectionFilter, ConnectionOrder, ConnectionRow } from './connection.model';
import type { Cursor } from '../relay/cursor';
import { type EntityKind } from '../../model/kinds';
import { aggregateQuery, partSignature, type AggregatePart } from './aggregate.cypher';
import type { GroupCountRow, MeasureStatsRow } from './aggregate.model';

const num = (v: unknown): number => Number(toPlain(v));

/** What one aggregate part answers: the count, the counts per group, or a measure's stats per group. */
export type AggregateFigure = number | GroupCountRow[] | MeasureStatsRow[];

function figure(part: AggregatePart, value: unknown): AggregateFigure {
  if (part.op === 'count') return num(value);
  const rows = value as Record<string, unknown>[];
  if (part.op === 'group') return rows.map((r) => ({ key: (toPlain(r.key) as string | null) ?? null, count: num(r.count) }));
  return rows.map((r) => {
    const key = toPlain(r.key) as (string | null)[];
    return {
      group: part.measure.per.map((field, i) => ({ field, value: key[i] ?? null })),
      count: num(r.count),
      sum: num(r.sum),
      min: num(r.min),
      max: num(r.max),
      avg: num(r.avg),
    };
  });
}

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

  /** The figures `parts` of one `aggregate` selection, in one statement, in the order of `parts`. */
  async aggregate(kind: EntityKind, filter: ConnectionFilter, parts: readonly AggregatePart[]): Promise<AggregateFigure[]> {
    const distinct = [...new Map(parts.map((p) => [partSignature(p), p])).values()];
    const [r] = await this.db.read(aggregateQuery(kind, filter, distinct), filterParams(filter));
    const figures = new Map(distinct.map((p, i) => [partSignature(p), figure(p, r.get(`p${i}`))]));
    return parts.map((p) => figures.get(partSignature(p))!);
  }
}
