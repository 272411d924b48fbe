import { toPlainObject } from '../../db/values';
import { toEntityFields } from '../entity/entity.model';
import type { PartialEntityRecord, PrefetchedLists } from '../entity/entity.view';
import { branchSignature, Direction, edgeProperties, RelatedRecord } from '../relationship/relationship.model';
import type { PrefetchPlan } from './prefetch.plan';
import { readsLists } from './prefetch.shape';
import { pageSignature, type ReportedRows } from '../source/source.page';

/** One element of a prefetched list as prefetch.cypher.ts returns it (driver values). */
interface RawRelated {
  type: string;
  rel: unknown;
  m: unknown;
  pf: unknown[][];
}

/** The lists of an entity whose selection reads none below it (shared: it is never written). */
const NO_LISTS: PrefetchedLists = new Map();

/** A page of Source.entities as prefetch.cypher.ts returns it. */
interface RawPage {
  entities: { m: unknown; pf: unknown[][] }[];
  total: number | null;
}

/**
 * An entity from a prefetch row with the lists its plan fetched under it, recursively: partial
 * records (only the properties this selection reads), each list under the signature of the
 * branch it answers, where the field resolvers look for it (relationship.resolve.ts), and each
 * page of Source.entities under its page signature (source.service.ts looks there).
 */
export function decodeTree(props: unknown, plan: PrefetchPlan, lists: unknown[]): PartialEntityRecord {
  const entity = toEntityFields(toPlainObject(props));
  if (!readsLists(plan)) return Object.assign(entity, { prefetched: NO_LISTS });
  const prefetched = new Map<string, RelatedRecord<PartialEntityRecord>[]>();
  plan.branches.forEach(({ branch, child }, i) => {
    const records: RelatedRecord<PartialEntityRecord>[] = [];
    for (const raw of (lists[i] ?? []) as RawRelated[]) {
      const properties = edgeProperties(toPlainObject(raw.rel));
      records.push({
        entity: decodeTree(raw.m, child, raw.pf),
        type: raw.type,
        direction: branch.direction as Direction,
        role: typeof properties.role === 'string' ? properties.role : null,
        properties,
      });
    }
    prefetched.set(branchSignature(branch), records);
  });
  if (!plan.pages) return Object.assign(entity, { prefetched });
  const pages = new Map<string, ReportedRows<PartialEntityRecord>>();
  plan.pages.forEach(({ page, child }, i) => {
    const raw = lists[plan.branches.length + i] as RawPage;
    const entities = raw.entities.map((e) => decodeTree(e.m, child, e.pf));
    // in id order, as the page's cursors are
    entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    pages.set(pageSignature(page), { entities, total: raw.total === null ? null : Number(raw.total) });
  });
  return Object.assign(entity, { prefetched, pages });
}
