import { boundedMemo } from '../common/bounded-memo';
import type { CypherQuery } from '../db/cypher-registry';
import { BOOKKEEPING_KEYS, KIND_LABEL, type EntityKind } from '../model/kinds';
import { type RelationshipTypeName } from '../model/relationships';
import { countCreated, countRemoval, countRemovals, newCountItems, sortDateItems } from './order-keys.cypher';

/**
 * GraphWriter's statement builders. Only the label or relationship type varies, and it comes from
 * the model's allow-lists (never from a request); every value is a parameter. One statement per
 * kind or type serves imports and mutations alike: `counts` answers a batch with what it created
 * and updated, `records` answers each row with what was written.
 */
export type Returning = 'counts' | 'records';

/** What the records variant answers for each relationship row: the edge, what was written, its ends' kinds (for the change log). */
const REL_WRITTEN = '{r: r, created: created, changed: NOT same, changedKeys: changedKeys, fromKind: a.kind, toKind: b.kind}';
/**
 * A batch's relationship change, for the change log, as a list (RelationshipChangeTuple): a batch
 * answers one per changed row, and a list is cheaper than a map for Neo4j to build and send and
 * for the driver to decode (no keys repeated per row; about a fifth of the statement at 1,000
 * rows). A created relationship's properties are not read back: they are the rows' own
 * (GraphWriter folds them), which spares decoding every new edge's properties on an import.
 */
const REL_CHANGE = '[row.from, row.to, a.kind, b.kind, created, changedKeys]';
/** A batch's entity change, for the change log (EntityChangeTuple): a list, as REL_CHANGE. */
const ENTITY_CHANGE = '[row.id, created, changedKeys]';

/** REL_CHANGE as the driver decodes it. */
export type RelationshipChangeTuple = [from: string, to: string, fromKind: EntityKind, toKind: EntityKind, created: boolean, changed: string[]];
/** ENTITY_CHANGE as the driver decodes it. */
export type EntityChangeTuple = [id: string, created: boolean, changed: string[]];

/**
 * The upserts' first line: Neo4j keeps a cached plan when the graph's statistics change instead of
 * planning the statement again. Their plans are the same at any size (unique-constraint seeks by
 * id, a MERGE, Expand(Into) between two seeked nodes; test/integration/stable-plans.test.ts checks
 * them on a near-empty graph, where statistics are at their worst), but Neo4j replans a statement
 * whenever the statistics have moved enough, which during a large import is every few seconds for
 * each kind and type: planning these long statements again took about a seventh of Neo4j's CPU in
 * a 100k import. The hot write files (write/provenance-create, write/lock-entities, changes/append,
 * changes/rewrite) start with the same line.
 */
export const STABLE_PLAN = 'CYPHER replan=skip';

/** A few per kind and per relationship type: bounded by the model, never by requests. */
const built = boundedMemo<CypherQuery>(512);
const statement = (name: string, text: () => string): CypherQuery => built(name, () => ({ name, text: text().trim() }));

/**
 * A batch's counts, and the rows that changed something (for the change log): their ids, whether
 * they were created, and the names of the properties that changed.
 */
const COUNT_ITEMS = (changed: string) => `sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       count(*) AS total,
       collect(CASE WHEN NOT same THEN ${changed} END) AS changes`;
const COUNTS = (changed: string) => `RETURN ${COUNT_ITEMS(changed)}`;

/** Properties that change with every write or are derived (the order keys): never content changes. */
const BOOKKEEPING = `[${BOOKKEEPING_KEYS.map((k) => `'${k}'`).join(', ')}]`;

/** The names of the properties of `x` that differ from the map `before` (null when created). */
const changedKeys = (x: string) => `CASE WHEN before IS NULL THEN [] ELSE
       [k IN keys(${x}) WHERE NOT k IN ${BOOKKEEPING} AND NOT coalesce(before[k] = ${x}[k], false)] +
       [k IN keys(before) WHERE NOT k IN ${BOOKKEEPING} AND ${x}[k] IS NULL] END AS changedKeys`;

/**
 * Upserts entities of one kind by id. A row whose content hash is unchanged is left alone, so
 * writing the same content twice changes nothing. A merging row adds its names to the stored ones
 * (never losing one) and, when it is an alias of an existing entity, leaves its display name and
 * description alone; a replacing row sets names and properties to what was sent.
 */
export function upsertEntities(kind: EntityKind, returning: Returning = 'counts'): CypherQuery {
  const label = KIND_LABEL[kind];
  return statement(`write/upsert-entities:${kind}${returning === 'records' ? ':records' : ''}`, () => `
${STABLE_PLAN}
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.createdAt IS NULL AS created, coalesce(n.contentHash, '') = row.hash AS same
WITH n, row, created, same, CASE WHEN created OR same THEN null ELSE properties(n) END AS before
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET n:${label}, n += row.props,
      n.kind = $kind,
      n.name = CASE WHEN row.merged AND n.name IS NOT NULL THEN n.name ELSE row.name END,
      n.description = CASE WHEN row.merged AND n.description IS NOT NULL THEN n.description ELSE row.description END,
      n.names = CASE WHEN row.replace THEN row.names
                ELSE coalesce(n.names, []) + [i IN range(0, size(row.names) - 1) WHERE NOT row.names[i] IN coalesce(n.names, []) | row.names[i]] END,
      n.nameLangs = CASE WHEN row.replace THEN row.nameLangs
                    ELSE coalesce(n.nameLangs, []) + [i IN range(0, size(row.names) - 1) WHERE NOT row.names[i] IN coalesce(n.names, []) | row.nameLangs[i]] END,
      n.contentHash = row.hash, n.updatedAt = datetime(), n.updatedBy = $actor,
      n.createdAt = coalesce(n.createdAt, datetime()), n.createdBy = coalesce(n.createdBy, $actor)
  SET ${[...sortDateItems(kind, 'n'), ...newCountItems('n')].join(', ')})
WITH n, row, created, same, ${changedKeys('n')}
${returning === 'records' ? 'RETURN n, created, NOT same AS changed, changedKeys' : COUNTS(ENTITY_CHANGE)}`);
}

/**
 * Upserts relationships of one type between existing entities: one edge per (from, type, to).
 * Its properties are set from the row (a replacing row holds null for the ones to remove). The
 * relationships it created are added to their ends' counts once the rows are written, each end
 * stepped once (see countCreated), so both variants first gather the rows' answers.
 */
export function upsertRelationships(type: RelationshipTypeName, returning: Returning = 'counts'): CypherQuery {
  return statement(`write/upsert-relationships:${type}${returning === 'records' ? ':records' : ''}`, () => `
${STABLE_PLAN}
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${type}]->(b)
WITH a, b, r, row, r.createdAt IS NULL AS created, coalesce(r.contentHash, '') = row.hash AS same
WITH a, b, r, row, created, same, CASE WHEN created OR same THEN null ELSE properties(r) END AS before
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET r += row.props, r.contentHash = row.hash, r.updatedAt = datetime(), r.updatedBy = $actor,
      r.createdAt = coalesce(r.createdAt, datetime()), r.createdBy = coalesce(r.createdBy, $actor))
WITH a, b, r, row, created, same, ${changedKeys('r')}
WITH ${returning === 'records' ? `collect(${REL_WRITTEN}) AS written` : COUNT_ITEMS(REL_CHANGE)},
     collect(DISTINCT CASE WHEN created THEN r END) AS createdRels
${countCreated(type, 'createdRels')}${
    returning === 'records'
      ? 'UNWIND written AS w\nRETURN w.r AS r, w.created AS created, w.changed AS changed, w.changedKeys AS changedKeys, w.fromKind AS fromKind, w.toKind AS toKind'
      : 'RETURN created, updated, total, changes'
  }`);
}

/**
 * Removes the relationship of this type from $from to $to, if there is one (with what it held, for
 * the change log). Both ends are found by seek and the edge between them by Expand(Into): with some
 * statistics the planner scanned the id index for one end instead, or would expand every edge of a hub.
 */
export function deleteRelationship(type: RelationshipTypeName): CypherQuery {
  return statement(`write/delete-relationship:${type}`, () => `
MATCH (a:Entity {id: $from})-[r:${type}]->(b:Entity {id: $to})
USING INDEX SEEK a:Entity(id)
USING INDEX SEEK b:Entity(id)
WITH a, b, r, properties(r) AS props
DELETE r
${countRemoval(type, 'a', 'b')}RETURN count(*) AS removed, collect({fromKind: a.kind, toKind: b.kind, props: props}) AS deleted`);
}

/**
 * Deletes the entities $ids with every relationship they have (both directions), answering with
 * what was deleted (entities with their kinds, relationships with their ends and properties) for
 * the change log. Neighbours that stay lose the deleted relationships from their counts.
 */
export function deleteEntities(): CypherQuery {
  return statement('write/delete-entities', () => `
MATCH (n:Entity)
WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]-()
WITH collect(DISTINCT n) AS nodes, collect(DISTINCT r) AS rels
WITH nodes, rels,
     [n IN nodes | {id: n.id, kind: n.kind}] AS deletedNodes,
     [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id, fromKind: startNode(r).kind, toKind: endNode(r).kind, props: properties(r)}] AS deletedRels
${countRemovals('rels', 'nodes')}FOREACH (r IN rels | DELETE r)
FOREACH (n IN nodes | DELETE n)
RETURN size(nodes) AS nodes, size(rels) AS relationships, deletedNodes, deletedRels`);
}
