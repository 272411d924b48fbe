import type { Database } from '../../db/database';
import { int, toPlain } from '../../db/values';
import { decodeTree } from '../planner/prefetch.decode';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import { countQuery, filterParams, pageWithPrefetch } from './connection.cypher';
import type { ConnectionFilter, ConnectionOrder, ConnectionRow } from './connection.model';
import type { Cursor } from '../relay/cursor';
import { type EntityKind } from '../../model/kinds';

export class ConnectionRepository {
  constructor(private readonly db: Database) {}

  /** Up to `limit` rows of `kind` matching `filter`, in `order`, strictly after `cursor`, with what `plan` says their selection reads. */
  async page(kind: EntityKind, filter: ConnectionFilter, order: ConnectionOrder, cursor: Cursor | undefined, limit: number, plan: PrefetchPlan): Promise<ConnectionRow[]> {
    const { query, params } = pageWithPrefetch(kind, filter, order, cursor !== undefined, plan);
    const records = await this.db.read(query, { ...params, ...filterParams(filter), limit: int(limit), ...(cursor ? { afterKey: cursor.keys[0], afterId: cursor.id } : {}) });
    return records.map((r) => ({ entity: decodeTree(r.get('n'), plan, r.get('pf') as unknown[][]), sortKey: toPlain(r.get('sortKey')) as string }));
  }

  async count(kind: EntityKind, filter: ConnectionFilter): Promise<number> {
    const [r] = await this.db.read(countQuery(kind, filter), filterParams(filter));
    return Number(toPlain(r.get('total')));
  }
}
