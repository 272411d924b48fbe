import type { Database } from '../db/database';
import { int, toPlain, toPlainObject } from '../db/values';
import type { EntityKindName } from '../graph/subgraph';
import { countQuery, filterParams, pageQuery } from './connection.cypher';
import type { ConnectionFilter, ConnectionOrder, ConnectionRow, Cursor } from './connection.model';
import { toEntityRecord } from './entity.model';

export class ConnectionRepository {
  constructor(private readonly db: Database) {}

  /** Up to `limit` rows of `kind` matching `filter`, in `order`, strictly after `cursor`. */
  async page(kind: EntityKindName, filter: ConnectionFilter, order: ConnectionOrder, cursor: Cursor | undefined, limit: number): Promise<ConnectionRow[]> {
    const params = { ...filterParams(filter), limit: int(limit), ...(cursor ? { afterKey: cursor.key, afterId: cursor.id } : {}) };
    const records = await this.db.read(pageQuery(kind, filter, order, cursor !== undefined), params);
    return records.map((r) => ({ entity: toEntityRecord(toPlainObject(r.get('n'))), sortKey: toPlain(r.get('sortKey')) }));
  }

  async count(kind: EntityKindName, filter: ConnectionFilter): Promise<number> {
    const [r] = await this.db.read(countQuery(kind, filter), filterParams(filter));
    return Number(toPlain(r.get('total')));
  }
}
