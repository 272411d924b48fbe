import type { Direction, RelType } from './relationship.model';
import { PathFieldSpec, RELATED_FIELD, RelationFieldSpec, RelSpec } from './relationship.read';
import { type EntityKind } from '../../model/kinds';

/**
 * Every relationship field of the schema and how it reads the graph, by GraphQL type name and
 * field name: plain data, read by the resolver builder (api/resolvers/relationship.resolver.ts,
 * which adds the GraphQL return type and description from api/relations/*.relations.ts) and by the
 * prefetch planner (read/planner), which must know from a selection alone what the resolvers load.
 * A new relationship field is one line here plus its return type and description there.
 */

/** One hop over one edge type: the common case of a field's path. */
function hop(type: RelType, direction: Direction | 'BOTH', kind?: EntityKind): RelSpec[][] {
  return [[{ type, direction, kind }]];
}

/** Fields several kinds share, declared once. */
const COMMON = {
  metrics: { path: hop('SUBJECT_OF', 'OUT') },
  sectors: { path: hop('IN_SECTOR', 'OUT') },
  policiesAffecting: { path: hop('AFFECTS', 'IN') },
  relatedFacts: { path: hop('RELATED_TO', 'BOTH') },
  about: { path: hop('ABOUT', 'OUT') },
} satisfies Record<string, PathFieldSpec>;

/** What any actor (company, government, organization, person) takes part in. */
const ACTOR = {
  partnerships: { path: hop('PARTY_TO', 'OUT', 'PARTNERSHIP'), withRole: true },
  partners: { path: [...hop('PARTY_TO', 'OUT', 'PARTNERSHIP'), ...hop('PARTY_TO', 'IN')], excludeSelf: true },
  investmentsMade: { path: hop('INVESTOR_IN', 'OUT', 'INVESTMENT'), withRole: true },
  events: { path: hop('INVOLVED_IN', 'OUT', 'EVENT'), withRole: true },
  metricsReported: { path: hop('REPORTED_BY', 'IN') },
  metrics: COMMON.metrics,
  sectors: COMMON.sectors,
  policiesAffecting: COMMON.policiesAffecting,
} satisfies Record<string, PathFieldSpec>;

/** What an organization (company, government, other organization) has besides. */
const ORGANIZATION = {
  products: { path: hop('MAKES', 'OUT') },
  policiesIssued: { path: hop('ISSUED', 'OUT') },
  investmentsReceived: { path: hop('RAISED', 'OUT') },
  headquarters: { path: hop('HEADQUARTERED_IN', 'OUT'), one: true },
} satisfies Record<string, PathFieldSpec>;

export const RELATION_FIELDS = {
  /** on the interface, so on every entity type */
  Entity: { related: RELATED_FIELD },
  Company: {
    ...ACTOR,
    ...ORGANIZATION,
    parent: { path: hop('SUBSIDIARY_OF', 'OUT'), one: true },
    subsidiaries: { path: hop('SUBSIDIARY_OF', 'IN') },
  },
  Government: { ...ACTOR, ...ORGANIZATION, governs: { path: hop('GOVERNS', 'OUT') } },
  Organization: { ...ACTOR, ...ORGANIZATION },
  Person: ACTOR,
  Product: {
    makers: { path: hop('MAKES', 'IN') },
    events: { path: [[{ type: 'ABOUT', direction: 'IN', kind: 'EVENT' }, { type: 'INVOLVED_IN', direction: 'OUT', kind: 'EVENT' }]] },
    partnerships: { path: hop('ABOUT', 'IN', 'PARTNERSHIP') },
    investments: { path: hop('FUNDS', 'IN') },
    metrics: COMMON.metrics,
    sectors: COMMON.sectors,
    policiesAffecting: COMMON.policiesAffecting,
  },
  Partnership: {
    parties: { path: hop('PARTY_TO', 'IN'), withRole: true },
    places: { path: hop('OCCURRED_IN', 'OUT') },
    about: COMMON.about,
    relatedFacts: COMMON.relatedFacts,
  },
  Investment: {
    investors: { path: hop('INVESTOR_IN', 'IN'), withRole: true },
    investees: { path: hop('RAISED', 'IN') },
    funds: { path: hop('FUNDS', 'OUT') },
    about: COMMON.about,
    relatedFacts: COMMON.relatedFacts,
  },
  Policy: {
    issuers: { path: hop('ISSUED', 'IN') },
    affects: { path: hop('AFFECTS', 'OUT') },
    appliesIn: { path: hop('APPLIES_IN', 'OUT') },
    about: COMMON.about,
    relatedFacts: COMMON.relatedFacts,
  },
  Event: {
    participants: { path: hop('INVOLVED_IN', 'IN'), withRole: true },
    places: { path: hop('OCCURRED_IN', 'OUT') },
    about: COMMON.about,
    relatedFacts: COMMON.relatedFacts,
  },
  Metric: {
    subjects: { path: hop('SUBJECT_OF', 'IN') },
    reportedBy: { path: hop('REPORTED_BY', 'OUT') },
    market: { path: hop('IN_MARKET', 'OUT'), one: true },
    region: { path: hop('IN_REGION', 'OUT'), one: true },
    relatedFacts: COMMON.relatedFacts,
  },
  Place: {
    parent: { path: hop('LOCATED_IN', 'OUT'), one: true },
    children: { path: hop('LOCATED_IN', 'IN') },
    headquartersOf: { path: hop('HEADQUARTERED_IN', 'IN') },
    events: { path: hop('OCCURRED_IN', 'IN', 'EVENT') },
    partnerships: { path: hop('OCCURRED_IN', 'IN', 'PARTNERSHIP') },
    policies: { path: hop('APPLIES_IN', 'IN') },
    governments: { path: hop('GOVERNS', 'IN') },
    metrics: { path: [[{ type: 'IN_REGION', direction: 'IN' }, { type: 'SUBJECT_OF', direction: 'OUT' }]] },
  },
  Sector: {
    entities: { path: hop('IN_SECTOR', 'IN') },
    events: { path: hop('ABOUT', 'IN', 'EVENT') },
    partnerships: { path: hop('ABOUT', 'IN', 'PARTNERSHIP') },
    investments: { path: hop('FUNDS', 'IN') },
    metrics: { path: [[{ type: 'IN_MARKET', direction: 'IN' }, { type: 'SUBJECT_OF', direction: 'OUT' }]] },
    policiesAffecting: COMMON.policiesAffecting,
  },
} satisfies Record<string, Record<string, RelationFieldSpec>>;

/** A GraphQL type with typed relationship fields. */
export type RelationTypeName = Exclude<keyof typeof RELATION_FIELDS, 'Entity'>;

/** The typed relationship fields of `typeName` (an object type of the schema), by field name. */
export type RelationFieldsOf<T extends RelationTypeName> = (typeof RELATION_FIELDS)[T];

const TABLE: Readonly<Record<string, Readonly<Record<string, RelationFieldSpec>>>> = RELATION_FIELDS;

/** The relationship field `field` of an entity of GraphQL type `typeName` (its own, or Entity's), if it is one. */
export function relationField(typeName: string, field: string): RelationFieldSpec | undefined {
  const own = Object.hasOwn(TABLE, typeName) ? TABLE[typeName] : undefined;
  if (own && Object.hasOwn(own, field)) return own[field];
  return Object.hasOwn(TABLE.Entity, field) ? TABLE.Entity[field] : undefined;
}
