import { toPlain, toPlainObject } from '../../db/values';
import type { JsonValue } from '../../graph/subgraph';
import { toEntityFields, type EntityFields } from '../entity/entity.model';
import type { PartialEntityRecord, PrefetchedLists } from '../entity/entity.view';
import { branchSignature, Direction, edgeProperties, RelatedRecord } from '../relationship/relationship.model';
import { PROJECTED_FIRST, type PrefetchPlan } from './prefetch.plan';
import { readsLists } from './prefetch.shape';
import { pageSignature, type ReportedRows } from '../source/source.page';

/** One element of a prefetched list as prefetch.cypher.ts returns it: [m, rel, pf, type?] (driver values). */
type RawRelated = [m: unknown, rel: unknown, pf: unknown[], type?: string];

/** A page of Source.entities as prefetch.cypher.ts returns it: [[m, pf], ...] and the total. */
type RawPage = [entities: [m: unknown, pf: unknown[]][], total: number | null];

/** The lists of an entity whose selection reads none below it (shared: it is never written). */
const NO_LISTS: PrefetchedLists = new Map();

/** An entity's properties from its projection: a list in PROJECTED_FIRST-then-fields order, or a map of every property. */
function entityOf(raw: unknown, fields: PrefetchPlan['fields']): EntityFields {
  if (fields === 'ALL') return toEntityFields(toPlainObject(raw));
  const values = raw as unknown[];
  const props: Record<string, JsonValue> = {};
  for (let i = 0; i < PROJECTED_FIRST.length; i++) props[PROJECTED_FIRST[i]] = toPlain(values[i]);
  for (let i = 0; i < fields.length; i++) props[fields[i]] = toPlain(values[PROJECTED_FIRST.length + i]);
  return toEntityFields(props);
}

/**
 * An entity from a prefetch row with the lists its plan fetched under it, recursively: partial
 * records (only the properties this selection reads), each list under the signature of the
 * branch it answers, where the field resolvers look for it (relationship.resolve.ts), and each
 * page of Source.entities under its page signature (source.service.ts looks there).
 */
export function decodeTree(props: unknown, plan: PrefetchPlan, lists: unknown[]): PartialEntityRecord {
  const entity = entityOf(props, plan.fields);
  if (!readsLists(plan)) return Object.assign(entity, { prefetched: NO_LISTS });
  const prefetched = new Map<string, RelatedRecord<PartialEntityRecord>[]>();
  plan.branches.forEach(({ branch, edge, child }, i) => {
    const records: RelatedRecord<PartialEntityRecord>[] = [];
    for (const [m, rel, pf, type] of (lists[i] ?? []) as RawRelated[]) {
      // the role alone (a fact, never bookkeeping) unless the selection reads the edge's properties
      const properties = edge === 'ALL' ? edgeProperties(toPlainObject(rel)) : { role: toPlain(rel) };
      records.push({
        entity: decodeTree(m, child, pf),
        type: branch.type === '*' ? String(type) : branch.type,
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
    const [raw, total] = lists[plan.branches.length + i] as RawPage;
    const entities = raw.map(([m, pf]) => decodeTree(m, child, pf));
    // in id order, as the page's cursors are
    entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    pages.set(pageSignature(page), { entities, total: total === null ? null : Number(total) });
  });
  return Object.assign(entity, { prefetched, pages });
}
