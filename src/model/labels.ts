import { RELATIONSHIP_TYPES } from '../write/document/document.types';
import type { EntityKindName } from '../graph/subgraph';

/**
 * The only place kind names become Neo4j labels. Cypher builders take labels and relationship
 * types from these tables (our own code), never from a request.
 */
export const KIND_LABEL: Readonly<Record<EntityKindName, string>> = {
  COMPANY: 'Company',
  GOVERNMENT: 'Government',
  ORGANIZATION: 'Organization',
  PERSON: 'Person',
  PRODUCT: 'Product',
  PARTNERSHIP: 'Partnership',
  INVESTMENT: 'Investment',
  POLICY: 'Policy',
  EVENT: 'Event',
  METRIC: 'Metric',
  PLACE: 'Place',
  SECTOR: 'Sector',
  SOURCE: 'Source',
};

export const ENTITY_KIND_NAMES = Object.keys(KIND_LABEL) as EntityKindName[];

/** Kinds that paths and connect cross by default; the rest only when `via` names them. */
export const DEFAULT_TRAVERSAL_KINDS: readonly EntityKindName[] = [
  'COMPANY',
  'GOVERNMENT',
  'ORGANIZATION',
  'PERSON',
  'PRODUCT',
  'PARTNERSHIP',
  'INVESTMENT',
  'POLICY',
  'EVENT',
];

/** Fact kinds: reified n-ary statements with their own dates, amounts and sources. */
export const FACT_KINDS: readonly EntityKindName[] = ['PARTNERSHIP', 'INVESTMENT', 'POLICY', 'EVENT', 'METRIC'];

/** Every relationship type: the importable ones plus REPORTED_IN (provenance, derived by the importer). */
export const RELATIONSHIP_TYPE_NAMES = [...RELATIONSHIP_TYPES, 'REPORTED_IN'] as const;
export type RelationshipTypeName = (typeof RELATIONSHIP_TYPE_NAMES)[number];

export function isRelationshipType(t: string): t is RelationshipTypeName {
  return (RELATIONSHIP_TYPE_NAMES as readonly string[]).includes(t);
}
