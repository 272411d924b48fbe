import type { RelationshipFieldSpec } from './relationship.service';

/**
 * The typed relationship fields by GraphQL object type and field name, filled in as the resolver
 * classes are built (relationshipResolver). The prefetch planner reads it to know, from a
 * request's selection alone, which relationship keys the field resolvers are going to load.
 */
export const RELATION_FIELDS = new Map<string, Map<string, RelationshipFieldSpec>>();

export function registerRelationField(typeName: string, fieldName: string, spec: RelationshipFieldSpec): void {
  const fields = RELATION_FIELDS.get(typeName) ?? new Map<string, RelationshipFieldSpec>();
  fields.set(fieldName, spec);
  RELATION_FIELDS.set(typeName, fields);
}

/** The field every entity has for links the typed fields do not name (EntityRelatedResolver). */
export const GENERIC_RELATED_FIELD = 'related';
