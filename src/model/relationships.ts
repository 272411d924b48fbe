/**
 * Every relationship type with the kinds it may join (schema/MODEL.md, "Relationships"). Cypher
 * builders take relationship types from this table (our own code), never from a request.
 * No imports beyond the kinds table: the browser explorer may bundle it.
 */
import { ENTITY_KINDS, FACT_KINDS, SOURCE_KIND, type EntityKind } from './kinds';

export interface RelationshipRow {
  readonly from: readonly EntityKind[];
  readonly to: readonly EntityKind[];
  /** participation edges must say which part the participant played (`properties.role`) */
  readonly roleRequired: boolean;
  /** false for REPORTED_IN, which the importer derives from provenance */
  readonly importable: boolean;
}

const ORGANIZATIONS: readonly EntityKind[] = ['COMPANY', 'GOVERNMENT', 'ORGANIZATION'];
const ACTORS: readonly EntityKind[] = [...ORGANIZATIONS, 'PERSON'];
const ANY: readonly EntityKind[] = ENTITY_KINDS.filter((k) => k !== SOURCE_KIND);

const rel = (from: readonly EntityKind[], to: readonly EntityKind[], roleRequired = false): RelationshipRow => ({ from, to, roleRequired, importable: true });

const RELATIONSHIP_ROWS = {
  PARTY_TO: rel(ACTORS, ['PARTNERSHIP'], true),
  INVESTOR_IN: rel(ACTORS, ['INVESTMENT'], true),
  RAISED: rel(['COMPANY', 'ORGANIZATION'], ['INVESTMENT']),
  FUNDS: rel(['INVESTMENT'], ['SECTOR', 'PRODUCT']),
  ISSUED: rel(ORGANIZATIONS, ['POLICY']),
  AFFECTS: rel(['POLICY'], ANY),
  APPLIES_IN: rel(['POLICY'], ['PLACE']),
  INVOLVED_IN: rel(ANY, ['EVENT'], true),
  OCCURRED_IN: rel(['EVENT', 'PARTNERSHIP'], ['PLACE']),
  RELATED_TO: rel(FACT_KINDS, FACT_KINDS),
  ABOUT: rel(FACT_KINDS, ['PRODUCT', 'SECTOR']),
  SUBJECT_OF: rel(ANY, ['METRIC']),
  REPORTED_BY: rel(['METRIC'], ACTORS),
  IN_MARKET: rel(['METRIC'], ['SECTOR']),
  IN_REGION: rel(['METRIC'], ['PLACE']),
  MAKES: rel(ORGANIZATIONS, ['PRODUCT']),
  SUBSIDIARY_OF: rel(['COMPANY'], ['COMPANY']),
  HEADQUARTERED_IN: rel(ORGANIZATIONS, ['PLACE']),
  GOVERNS: rel(['GOVERNMENT'], ['PLACE']),
  LOCATED_IN: rel(['PLACE'], ['PLACE']),
  IN_SECTOR: rel(ANY, ['SECTOR']),
  REPORTED_IN: { from: ANY, to: [SOURCE_KIND], roleRequired: false, importable: false },
} as const satisfies Record<string, RelationshipRow>;

/** Every relationship type: the importable ones plus REPORTED_IN (provenance, derived by the importer). */
export type RelationshipTypeName = keyof typeof RELATIONSHIP_ROWS;
export const RELATIONSHIPS: Readonly<Record<RelationshipTypeName, RelationshipRow>> = RELATIONSHIP_ROWS;
export const RELATIONSHIP_TYPE_NAMES = Object.keys(RELATIONSHIP_ROWS) as RelationshipTypeName[];

/** The relationship types an import document or a mutation may write: all but REPORTED_IN. */
export type RelationshipType = Exclude<RelationshipTypeName, 'REPORTED_IN'>;
export const RELATIONSHIP_TYPES = RELATIONSHIP_TYPE_NAMES.filter((t): t is RelationshipType => RELATIONSHIPS[t].importable);

/** Participation edges: they must say which part the participant played. */
export const ROLE_REQUIRED_TYPES = RELATIONSHIP_TYPES.filter((t) => RELATIONSHIPS[t].roleRequired);

/** Which kinds each importable relationship type may join. */
export const ENDPOINT_RULES: Readonly<Record<RelationshipType, { from: readonly EntityKind[]; to: readonly EntityKind[] }>> = RELATIONSHIPS;

export function isRelationshipType(t: unknown): t is RelationshipTypeName {
  return typeof t === 'string' && Object.prototype.hasOwnProperty.call(RELATIONSHIP_ROWS, t);
}

/** Whether an import document or mutation may write this type (every type but REPORTED_IN). */
export function isImportableRelationshipType(t: unknown): t is RelationshipType {
  return isRelationshipType(t) && RELATIONSHIPS[t].importable;
}

/**
 * The relationships each count ordering counts at an entity, in either direction: DEGREE every
 * type but provenance (REPORTED_IN), the others the links to one kind of fact. Each count is stored
 * on the entity (ORDER_KEYS in kinds.ts) and kept by every write that adds or removes such a link.
 */
export const COUNT_ORDERS = {
  DEGREE: RELATIONSHIP_TYPES,
  PARTNERSHIPS: ['PARTY_TO'],
  INVESTMENTS: ['INVESTOR_IN', 'RAISED'],
  EVENTS: ['INVOLVED_IN'],
} as const satisfies Record<string, readonly RelationshipTypeName[]>;

/** Orderings by a count of the entity's relationships: DEGREE, PARTNERSHIPS, INVESTMENTS, EVENTS. */
export type CountOrderField = keyof typeof COUNT_ORDERS;
export const COUNT_ORDER_FIELDS = Object.keys(COUNT_ORDERS) as CountOrderField[];
