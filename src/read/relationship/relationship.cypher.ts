import { boundedMemo } from '../../common/bounded-memo';
import type { CypherQuery } from '../../db/cypher-registry';
import { entityProjection, relationshipProjection } from '../projection';
import { RelBranch } from './relationship.model';
import { KIND_LABEL } from '../../model/kinds';
import { RELATIONSHIP_TYPE_NAMES } from '../../model/relationships';

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

/** What the text of a batch depends on (limits are parameters): the key of its shape. */
export function batchShape(branches: readonly RelBranch[]): string {
  return `relationship/related:${branches.map((b) => `${b.type}>${b.direction}>${b.kind ?? ''}`).join(',')}`;
}

/** Branches are given in a canonical order by the caller, so equal shapes reuse one text. */
export function relatedBatchQuery(branches: readonly RelBranch[]): CypherQuery {
  // one name for all shapes: it labels the query metrics, whose series must stay few
  return memo(batchShape(branches), () => ({ name: 'relationship/related', text: branches.map(branchText).join('\nUNION ALL\n') }));
}

/**
 * The same answers as relatedBatchQuery for any batch, in one text that does not depend on the
 * batch: each key `{branch, id, type, direction, label, limit}` of $keys takes the one UNION part
 * of its type and direction (every part but one filters its key out before reading anything), so
 * the edges are still read along their typed chain; $limit is the largest limit of the batch and
 * each key keeps its own. Neo4j plans it once (about 2 s) and never again: the statement the read
 * path falls back to when the planning budget (read/planner/shape-budget.ts) is spent. About twice
 * the CPU of the batch's own text per key, so it is not the everyday path.
 */
export const relatedGenericQuery: CypherQuery = {
  name: 'relationship/related-generic',
  text: `UNWIND $keys AS k
MATCH (n:Entity {id: k.id})
CALL (n, k) {
  CALL (n, k) {
${[...RELATIONSHIP_TYPE_NAMES, '*' as const]
  .flatMap((type) =>
    (['OUT', 'IN'] as const).map((direction) =>
      [`    WITH n, k WHERE k.type = '${type}' AND k.direction = '${direction}'`, `    ${branchMatch('n', 'r', 'm', { type, direction, limit: 0 })}`, '    RETURN r, m'].join('\n'),
    ),
  )
  .join('\n    UNION ALL\n')}
  }
  WITH r, m WHERE k.label IN labels(m)
  WITH r, m ORDER BY m.name, m.id LIMIT $limit
  RETURN collect({type: type(r), rel: ${relationshipProjection('r')}, m: ${entityProjection('m')}}) AS rows
}
UNWIND rows[..k.limit] AS row
RETURN k.branch AS branch, k.id AS id, row.type AS type, row.rel AS rel, row.m AS m`,
};
