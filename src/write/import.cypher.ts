import type { CypherQuery } from '../db/cypher-registry';
import { KIND_LABEL, type EntityKind } from '../model/kinds';
import type { RelationshipTypeName } from '../model/relationships';

/**
 * Statement builders for the importer. Only the label or relationship type varies, and it comes
 * from the model tables in src/model/; every value is a parameter. Built once per kind/type.
 */
const cache = new Map<string, CypherQuery>();

function memo(name: string, build: () => string): CypherQuery {
  let q = cache.get(name);
  if (!q) cache.set(name, (q = { name, text: build() }));
  return q;
}

/**
 * Upserts entities of one kind by id. A row whose content hash is unchanged is left alone, so a
 * second import of the same document reports nothing updated. Names are merged (union), never lost;
 * a row merged into an existing entity by name (an alias) leaves its display name and description alone.
 */
export function upsertEntities(kind: EntityKind): CypherQuery {
  const label = KIND_LABEL[kind];
  return memo(`import/upsert-entities:${kind}`, () => `
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.createdAt IS NULL AS created, coalesce(n.contentHash, '') = row.hash AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET n:${label}, n += row.props,
      n.kind = $kind,
      n.name = CASE WHEN row.merged AND n.name IS NOT NULL THEN n.name ELSE row.name END,
      n.description = CASE WHEN row.merged AND n.description IS NOT NULL THEN n.description ELSE row.description END,
      n.names = coalesce(n.names, []) + [i IN range(0, size(row.names) - 1) WHERE NOT row.names[i] IN coalesce(n.names, []) | row.names[i]],
      n.nameLangs = coalesce(n.nameLangs, []) + [i IN range(0, size(row.names) - 1) WHERE NOT row.names[i] IN coalesce(n.names, []) | row.nameLangs[i]],
      n.contentHash = row.hash, n.updatedAt = datetime(), n.updatedBy = $actor,
      n.createdAt = coalesce(n.createdAt, datetime()), n.createdBy = coalesce(n.createdBy, $actor))
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       count(*) AS total`);
}

/** Upserts relationships of one type between existing entities; one edge per (from, type, to). */
export function upsertRelationships(type: RelationshipTypeName): CypherQuery {
  return memo(`import/upsert-relationships:${type}`, () => `
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
MERGE (a)-[r:${type}]->(b)
WITH r, row, r.createdAt IS NULL AS created, coalesce(r.contentHash, '') = row.hash AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET r += row.props, r.contentHash = row.hash, r.updatedAt = datetime(), r.updatedBy = $actor,
      r.createdAt = coalesce(r.createdAt, datetime()), r.createdBy = coalesce(r.createdBy, $actor))
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       count(*) AS total`);
}
