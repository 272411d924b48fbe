import type { CypherQuery } from '../db/cypher-registry';
import { KIND_LABEL } from '../graph/labels';
import { entityProjection } from '../graph/projection';
import { RelBranch } from './relationship.model';

/**
 * The one query behind every nested relationship field. A batch of DataLoader keys is grouped
 * into branches (relationship type, direction, neighbour kind, limit); each branch is a UNION ALL
 * part that looks its entities up by id (the unique-id index) and expands only edges of its type,
 * so Neo4j reads the typed relationship chain instead of every edge of a busy node. Types and
 * labels come from the allow-lists in graph/labels.ts; ids and limits are parameters.
 */
const cache = new Map<string, CypherQuery>();

function branchText(b: RelBranch, i: number): string {
  const rel = b.type === '*' ? '[r]' : `[r:${b.type}]`;
  const other = `(m:${b.kind ? KIND_LABEL[b.kind] : 'Entity'})`;
  const pattern = b.direction === 'OUT' ? `(n)-${rel}->${other}` : `(n)<-${rel}-${other}`;
  // `*` means every link a user would follow; provenance is reached through `sources` instead
  const where = b.type === '*' ? "\n  WHERE type(r) <> 'REPORTED_IN'" : '';
  return `UNWIND $ids${i} AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH ${pattern}${where}
  RETURN r, m ORDER BY m.name, m.id LIMIT $limit${i}
}
RETURN ${i} AS branch, id, type(r) AS type, ${entityProjection('r')} AS rel, ${entityProjection('m')} AS m`;
}

/** Branches are given in a canonical order by the caller, so equal shapes reuse one text. */
export function relatedBatchQuery(branches: readonly RelBranch[]): CypherQuery {
  const name = `relationship/related:${branches.map((b) => `${b.type}>${b.direction}>${b.kind ?? ''}`).join(',')}`;
  let q = cache.get(name);
  if (!q) {
    // query shapes come from the fields a request selects; bound the memo so odd shapes cannot grow it
    if (cache.size >= 1000) cache.clear();
    q = { name, text: branches.map(branchText).join('\nUNION ALL\n') };
    cache.set(name, q);
  }
  return q;
}
