import type { CypherQuery } from '../../db/cypher-registry';
import { KIND_LABEL, type EntityKind } from '../../model/kinds';
import type { RelationshipTypeName } from '../../model/relationships';

/**
 * Statement builders for the mutations. Only a label or a relationship type varies, and it comes
 * from the model tables in src/model/ (never from a request); every value is a parameter.
 */
const cache = new Map<string, CypherQuery>();

function memo(name: string, build: () => string): CypherQuery {
  let q = cache.get(name);
  if (!q) cache.set(name, (q = { name, text: build().trim() }));
  return q;
}

/**
 * Creates or updates one entity by id (MERGE). An update replaces the name, names, description
 * and kind-specific properties ($props holds null for the kind's properties not given, which
 * removes them); createdAt/createdBy are set once, updatedAt/updatedBy on every real change.
 */
export function upsertEntity(kind: EntityKind): CypherQuery {
  const label = KIND_LABEL[kind];
  return memo(`mutation/upsert-entity:${kind}`, () => `
OPTIONAL MATCH (old:Entity {id: $id})
WITH old IS NULL AS created, coalesce(old.contentHash, '') = $hash AS same
MERGE (n:Entity {id: $id})
ON CREATE SET n.createdAt = datetime(), n.createdBy = $actor
WITH n, created, same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET n:${label}, n += $props, n.kind = $kind, n.name = $name, n.description = $description,
      n.names = $names, n.nameLangs = $nameLangs, n.contentHash = $hash,
      n.updatedAt = datetime(), n.updatedBy = $actor)
RETURN n, created, NOT same AS changed`);
}

/** Creates or updates the one relationship of this type from $from to $to; its properties are replaced. */
export function linkEntities(type: RelationshipTypeName): CypherQuery {
  return memo(`mutation/link:${type}`, () => `
MATCH (a:Entity {id: $from})
MATCH (b:Entity {id: $to})
OPTIONAL MATCH (a)-[old:${type}]->(b)
WITH a, b, head(collect(old)) AS old
WITH a, b, old IS NULL AS created, coalesce(old.contentHash, '') = $hash AS same
MERGE (a)-[r:${type}]->(b)
ON CREATE SET r.createdAt = datetime(), r.createdBy = $actor
WITH r, created, same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  SET r += $props, r.contentHash = $hash, r.updatedAt = datetime(), r.updatedBy = $actor)
RETURN r, created, NOT same AS changed`);
}

/** Removes the relationship of this type from $from to $to, if there is one. */
export function unlinkEntities(type: RelationshipTypeName): CypherQuery {
  return memo(`mutation/unlink:${type}`, () => `
MATCH (:Entity {id: $from})-[r:${type}]->(:Entity {id: $to})
DELETE r
RETURN count(*) AS removed`);
}
