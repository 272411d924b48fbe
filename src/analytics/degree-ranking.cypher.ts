import type { CypherQuery } from '../db/cypher-registry';
import { ENTITY_KINDS, KIND_LABEL, ORDER_KEYS, type EntityKind } from '../model/kinds';

/**
 * `ranking(kind, by: DEGREE, first)` from the stored degree (ORDER_KEYS.DEGREE, kept by every write;
 * src/write/order-keys.cypher.ts) and its (_degree, id) range index per kind (migration 015): the
 * ranking is the kind's entities by degree, highest first, ties by id ascending, those with no
 * relationship left out. The label comes from the model table; `$first` is the only value.
 *
 * The index hands rows over as (degree, id) both descending, so ties by id ascending take two
 * reads of at most `$first` entries each, both in index order, never a sort:
 * 1. the top `$first` by (degree, id) descending: every entity with a degree above the lowest one
 *    read (`cutoff`) is among them;
 * 2. the entities of degree `cutoff` from the smallest id up (an equality seek on the degree, in
 *    index order), which fill the places left.
 * Sorting the tied ids instead would read every entity of the cutoff degree (at a million entities,
 * hundreds of thousands share a degree of 1 or 2).
 */
function build(kind: EntityKind): CypherQuery {
  const label = KIND_LABEL[kind];
  const key = ORDER_KEYS.DEGREE;
  return {
    name: `analytics/degree-ranking:${kind}`,
    text: `MATCH (n:${label})
WHERE n.${key} > 0 AND n.id IS NOT NULL
WITH n, n.${key} AS degree ORDER BY degree DESC, n.id DESC LIMIT $first
WITH collect({id: n.id, degree: degree}) AS top, min(degree) AS cutoff
CALL (cutoff) {
  MATCH (m:${label})
  WHERE m.${key} = cutoff AND m.id IS NOT NULL
  WITH m ORDER BY m.${key}, m.id LIMIT $first
  RETURN collect(m.id) AS tied
}
RETURN [e IN top WHERE e.degree > cutoff] AS above, cutoff, tied`,
  };
}

const QUERIES = new Map(ENTITY_KINDS.map((kind) => [kind, build(kind)]));

export function degreeRankingQuery(kind: EntityKind): CypherQuery {
  return QUERIES.get(kind)!;
}
