import { boundedMemo } from '../common/bounded-memo';
import type { CypherQuery } from '../db/cypher-registry';
import { KIND_LABEL } from '../model/kinds';
import { isRelationshipType } from '../model/relationships';

/**
 * Restore's statements. Labels and relationship types in a backup file are checked against the
 * model table before they enter a statement (a file is input, not code); every value is a parameter.
 * `create` writes into an empty database; `merge` (restore --force) matches entities by id and
 * relationships by the graph's own identity (one per type between two entities; provenance per
 * section, sentence and basis), so restoring the same file twice adds nothing.
 */
export type RestoreMode = 'create' | 'merge';

const LABELS = new Set<string>(Object.values(KIND_LABEL));
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
  return built(name, () => ({
    name,
    text:
      mode === 'create'
        ? `UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row RETURN count(n) AS written`
        : `UNWIND $rows AS row MERGE (n:Entity {id: row.id}) SET n = row, n:${label} RETURN count(n) AS written`,
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
RETURN count(r) AS written`,
  }));
}
