import { cypher } from '../../db/cypher-registry';
import type { Database } from '../../db/database';
import type { PartialEntityRecord } from '../entity/entity.view';
import { withPrefetch } from './prefetch.cypher';
import { decodeTree } from './prefetch.decode';
import type { PrefetchPlan } from './prefetch.plan';

export class EntityTreeRepository {
  constructor(private readonly db: Database) {}

  /** Entities by id, each with the relationship lists `plan` names, in one round trip. */
  async trees(ids: readonly string[], plan: PrefetchPlan): Promise<Map<string, PartialEntityRecord>> {
    const { query, params } = withPrefetch(cypher('relationship/entity-trees'), plan);
    const records = await this.db.read(query, { ...params, ids });
    const out = new Map<string, PartialEntityRecord>();
    for (const r of records) {
      const entity = decodeTree(r.get('n'), plan, r.get('pf') as unknown[][]);
      out.set(entity.id, entity);
    }
    return out;
  }
}
