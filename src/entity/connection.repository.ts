import type { Database } from '../db/database';
import { int, toPlain, toPlainObject } from '../db/values';
import type { EntityKindName } from '../graph/subgraph';
import { decodeTree } from '../relationship/prefetch.decode';
import type { PrefetchPlan } from '../relationship/prefetch.plan';
import { countQuery, filterParams, pageQuery, prefetchPlanParams } from './connection.cypher';
import type { ConnectionFilter, ConnectionOrder, ConnectionRow, Cursor } from './connection.model';
import { toEntityRecord } from './entity.model';

export class ConnectionRepository {
  constructor(private readonly db: Database) {}

  /** Up to `limit` rows of `kind` matching `filter`, in `order`, strictly after `cursor`. */
  /** Up to `limit` rows of `kind` matching `filter`, in `order`, strictly after `cursor`, with what `plan` says their selection reads. */
  async page(kind: EntityKindName, filter: ConnectionFilter, order: ConnectionOrder, cursor: Cursor | undefined, limit: number, plan?: PrefetchPlan): Promise<ConnectionRow[]> {
    const params = { ...filterParams(filter), ...(plan ? prefetchPlanParams(plan) : {}), limit: int(limit), ...(cursor ? { afterKey: cursor.key, afterId: cursor.id } : {}) };
    const records = await this.db.read(pageQuery(kind, filter, order, cursor !== undefined, plan), params);
    return records.map((r) => ({
      entity: plan ? decodeTree(r.get('n'), plan, r.get('pf') as unknown[][]) : toEntityRecord(toPlainObject(r.get('n'))),
      sortKey: toPlain(r.get('sortKey')),
    }));
  }

  async count(kind: EntityKindName, filter: ConnectionFilter): Promise<number> {
    const [r] = await this.db.read(countQuery(kind, filter), filterParams(filter));
    return Number(toPlain(r.get('total')));
  }
}
