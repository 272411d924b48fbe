import { boundedMemo } from '../common/bounded-memo';
import type { CypherQuery } from '../db/cypher-registry';
import { ORDER_KEYS } from '../model/kinds';
import { withPrefetch } from '../read/planner/prefetch.cypher';
import type { PrefetchPlan } from '../read/planner/prefetch.plan';
import { UNDATED_TIMELINE_DATE } from '../write/order-keys.cypher';

/**
 * The timeline's statements: newest first, undated events last, keyset-paged on (date, id) with
 * the id ascending among events of one date, so pages stay stable while events are added. The date
 * is the event's stored timeline key (`date`, else `startDate`, else `endDate`; undated events hold
 * a key below every date, see src/write/order-keys.cypher.ts), which the cursor carries as null.
 *
 * - Every event (no entity): read from the Event(_timelineDate, id) index, newest first, from the
 *   cursor on; only the events sharing the page's last date are sorted by id (a PartialTop), never
 *   all of them.
 * - One entity's events: the events it is involved in are found through its relationships, then
 *   sorted (they are a few, where reading every event in date order to test each would not be).
 *
 * The structure varies with the arguments present (a window's bounds, a cursor), so that each
 * variant states only predicates the index can seek on; every value is a parameter.
 */
export interface TimelineShape {
  entity: boolean;
  from: boolean;
  to: boolean;
  cursor: boolean;
}

const KEY = ORDER_KEYS.timeline;
const built = boundedMemo<CypherQuery>(64);
const signature = (s: TimelineShape) => `${s.entity ? 'entity' : 'all'}:${s.from ? 'from' : ''}:${s.to ? 'to' : ''}:${s.cursor ? 'after' : ''}`;

/**
 * The events an entity `x` is involved in: directly (INVOLVED_IN; ABOUT, RELATED_TO or OCCURRED_IN
 * pointing at it) or through a fact it takes part in (PARTY_TO, INVESTOR_IN, RAISED, ISSUED,
 * INVOLVED_IN) that is RELATED_TO the event. UNION keeps each event once.
 */
const INVOLVED = `MATCH (x:Entity {id: $entityId})
CALL (x) {
  MATCH (x)-[:INVOLVED_IN]->(e:Event) RETURN e
  UNION
  MATCH (e:Event)-[:ABOUT|OCCURRED_IN]->(x) RETURN e
  UNION
  MATCH (e:Event)-[:RELATED_TO]-(x) RETURN e
  UNION
  MATCH (x)-[:PARTY_TO|INVESTOR_IN|RAISED|ISSUED|INVOLVED_IN]->(fact)-[:RELATED_TO]-(e:Event) WHERE e <> x RETURN e
}`;

/** The window's and the cursor's predicates on the key `d`; `indexed` adds what an index scan needs. */
function conditions(d: string, s: TimelineShape, indexed: boolean): string[] {
  const out: string[] = [];
  // the lower bound: the window's start, or (with only an end) every dated event, or every event
  if (s.from) out.push(`${d} >= date($from)`);
  else if (s.to) out.push(`${d} > ${UNDATED_TIMELINE_DATE}`);
  else if (indexed) out.push(`${d} IS NOT NULL`);
  if (s.to) out.push(`${d} <= date($to)`);
  if (indexed) out.push('e.id IS NOT NULL');
  if (s.cursor) {
    // strictly after the cursor's row: an earlier date, or the same date and a greater id. A range
    // on the date the index seeks from, then the tie-break as a CASE: written `d < k OR id > i`, the
    // planner may split the OR into a Union of two seeks and sort their rows, losing index order
    // (the dates descend and the ids ascend, so NAME's list comparison cannot say it).
    const after = `coalesce(date($afterDate), ${UNDATED_TIMELINE_DATE})`;
    out.push(`${d} <= ${after}`, `CASE WHEN ${d} = ${after} THEN e.id > $afterId ELSE true END`);
  }
  return out;
}

const where = (terms: string[]) => (terms.length ? `WHERE ${terms.join('\n  AND ')}\n` : '');

/**
 * Up to $limit events of the timeline in page order, as `n0` with their key `d` (to order by) and
 * `sortDate`, the cursor's date (null when undated): the base of timelineWithPrefetch.
 */
export function timelinePageQuery(s: TimelineShape): CypherQuery {
  const name = `trace/timeline-page:${signature(s)}`;
  return built(name, () => {
    const head = s.entity ? `${INVOLVED}\nWITH e\n${where(conditions(`e.${KEY}`, s, false))}` : `MATCH (e:Event)\n${where(conditions(`e.${KEY}`, s, true))}`;
    return {
      name,
      text: `${head}WITH e, e.${KEY} AS d
ORDER BY d DESC, e.id ASC
LIMIT $limit
RETURN e AS n0, d, CASE WHEN d > ${UNDATED_TIMELINE_DATE} THEN toString(d) END AS sortDate`,
    };
  });
}

/**
 * The page with what its selection reads (the read planner's plan, as every root's): only those
 * properties of the events and the relationship lists nested under them, in the page's one
 * statement (read/planner/prefetch.cypher.ts). Re-sorted by (date, id) after the subqueries: a
 * page of at most $limit rows.
 */
export function timelineWithPrefetch(s: TimelineShape, plan: PrefetchPlan) {
  return withPrefetch(timelinePageQuery(s), plan, { columns: ['sortDate'], orderBy: 'd DESC, n0.id ASC' });
}

/** How many events the timeline has over all its pages (the same window, no cursor). */
export function timelineCountQuery(s: Omit<TimelineShape, 'cursor'>): CypherQuery {
  const shape = { ...s, cursor: false };
  const name = `trace/timeline-count:${signature(shape)}`;
  return built(name, () => ({
    name,
    // every event with no window: Neo4j's count store answers without reading them
    text: s.entity
      ? `${INVOLVED}\nWITH e\n${where(conditions(`e.${KEY}`, shape, false))}RETURN count(e) AS total`
      : `MATCH (e:Event)\n${where(s.from || s.to ? conditions(`e.${KEY}`, shape, false) : [])}RETURN count(e) AS total`,
  }));
}
