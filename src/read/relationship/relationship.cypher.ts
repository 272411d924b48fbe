import { boundedMemo } from '../../common/bounded-memo';
import type { CypherQuery } from '../../db/cypher-registry';
import { entityProjection, relationshipProjection } from '../projection';
import { RelBranch } from './relationship.model';
import { KIND_LABEL } from '../../model/kinds';

/**
 * The one query behind every nested relationship field. A batch of DataLoader keys is grouped
 * into branches (relationship type, direction, neighbour kind, limit); each branch is a UNION ALL
 * part that looks its entities up by id (the unique-id index) and expands only edges of its type,
 * so Neo4j reads the typed relationship chain instead of every edge of a busy node. Types and
 * labels come from the model tables in src/model/; ids and limits are parameters.
 */
const memo = boundedMemo<CypherQuery>(1000);

/**
 * The edges of one branch from `from` over `rel` to `to`: its type (any but provenance for `*`:
 * provenance is reached through `sources` instead), its direction, the neighbour's label.
 * Shared with the prefetch subqueries (prefetch.cypher.ts), which answer the same keys.
 */
export function branchMatch(from: string, rel: string, to: string, b: RelBranch): string {
  const r = b.type === '*' ? `[${rel}]` : `[${rel}:${b.type}]`;
  const other = `(${to}:${b.kind ? KIND_LABEL[b.kind] : 'Entity'})`;
  const pattern = b.direction === 'OUT' ? `(${from})-${r}->${other}` : `(${from})<-${r}-${other}`;
  return `MATCH ${pattern}${b.type === '*' ? ` WHERE type(${rel}) <> 'REPORTED_IN'` : ''}`;
}

function branchText(b: RelBranch, i: number): string {
  return `UNWIND $ids${i} AS id
MATCH (n:Entity {id: id})
CALL (n) {
  ${branchMatch('n', 'r', 'm', b)}
  RETURN r, m ORDER BY m.name, m.id LIMIT $limit${i}
}
RETURN ${i} AS branch, id, type(r) AS type, ${relationshipProjection('r')} AS rel, ${entityProjection('m')} AS m`;
}

/** Branches are given in a canonical order by the caller, so equal shapes reuse one text. */
export function relatedBatchQuery(branches: readonly RelBranch[]): CypherQuery {
  const name = `relationship/related:${branches.map((b) => `${b.type}>${b.direction}>${b.kind ?? ''}`).join(',')}`;
  return memo(name, () => ({ name, text: branches.map(branchText).join('\nUNION ALL\n') }));
}
