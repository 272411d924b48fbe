import { boundedMemo } from '../common/bounded-memo';
import type { CypherQuery } from '../db/cypher-registry';
import { ENTITY_KINDS, KIND_LABEL, type EntityKind } from '../model/kinds';
import { isRelationshipType } from '../model/relationships';
import { countItems, isCountedType, sortDateItems } from '../write/order-keys.cypher';

/**
 * Restore's statements. Labels and relationship types in a backup file are checked against the
 * model table before they enter a statement (a file is input, not code); every value is a parameter.
 * `create` writes into an empty database; `merge` (restore --force) matches entities by id and
 * relationships by the graph's own identity (one per type between two entities; provenance per
 * section, sentence and basis), so restoring the same file twice adds nothing.
 *
 * A backup holds content, not the order keys derived from it (src/write/order-keys.cypher.ts):
 * restore computes them from what it wrote, the sort dates and counts of each entity it writes and
 * the counts of both ends of each relationship it writes, so a file made before the keys existed
 * restores as well as a new one.
 */
export type RestoreMode = 'create' | 'merge';

const LABELS = new Set<string>(Object.values(KIND_LABEL));
const KIND_OF_LABEL = new Map<string, EntityKind>(ENTITY_KINDS.map((k) => [KIND_LABEL[k], k]));
const built = boundedMemo<CypherQuery>(256);

/** The kind label of a node line's labels (`Entity` plus one kind), or an error naming what is wrong. */
export function kindLabel(labels: string[]): string {
  const kinds = labels.filter((l) => l !== 'Entity');
  if (!labels.includes('Entity') || kinds.length !== 1 || !LABELS.has(kinds[0])) {
    throw new Error(`labels ${JSON.stringify(labels)} are not Entity plus one kind label of the model`);
  }
  return kinds[0];
}

export function restoreNodes(label: string, mode: RestoreMode): CypherQuery {
  if (!LABELS.has(label)) throw new Error(`"${label}" is not a kind label of the model`);
  const name = `backup/restore-nodes:${label}:${mode}`;
  const keys = [...sortDateItems(KIND_OF_LABEL.get(label)!, 'n'), ...countItems('n')].join(', ');
  return built(name, () => ({
    name,
    text:
      mode === 'create'
        ? `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row SET ${keys} RETURN count(n) AS written`
        : `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row, n:${label} SET ${keys} RETURN count(n) AS written`,
  }));
}

export function restoreRelationships(type: string, mode: RestoreMode): CypherQuery {
  if (!isRelationshipType(type)) throw new Error(`"${type}" is not a relationship type of the model`);
  const name = `backup/restore-relationships:${type}:${mode}`;
  const identity = type === 'REPORTED_IN' ? ' {section: row.p.section, sentence: row.p.sentence, basis: row.p.basis}' : '';
  return built(name, () => ({
    name,
    text: `UNWIND $rows AS row
MATCH (a:Entity {id: row.a})
MATCH (b:Entity {id: row.b})
${mode === 'create' ? `CREATE (a)-[r:${type}]->(b)` : `MERGE (a)-[r:${type}${identity}]->(b)`}
SET r = row.p
${isCountedType(type) ? `WITH collect(a) + collect(b) AS ends, count(r) AS written
CALL (ends) {
  UNWIND ends AS n
  WITH DISTINCT n
  SET ${countItems('n').join(', ')}
}
RETURN written` : 'RETURN count(r) AS written'}`,
  }));
}
