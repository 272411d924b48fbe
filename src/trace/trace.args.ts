/**
 * Argument checks and the path rules, turned into TraversalSpecs. Every bad value becomes a
 * BAD_USER_INPUT naming the argument, before any query runs. The page size and cursor of
 * `timeline` are checked by read/relay, like every connection's.
 */
import { BadUserInputError } from '../common/errors';
import type { IntBounds } from '../common/int-arg';
import { MAX_DEPTH, MAX_HOPS, type TraversalSpec } from './trace.cypher';
import type { Window } from './trace.model';
import { DEFAULT_TRAVERSAL_KINDS, ENTITY_KINDS, type EntityKind, SOURCE_KIND } from '../model/kinds';
import { RELATIONSHIP_TYPE_NAMES, isRelationshipType, type RelationshipTypeName } from '../model/relationships';

export const TRACE_LIMITS = {
  maxHops: { default: 4, min: 1, max: MAX_HOPS },
  pathsFirst: { default: 3, min: 1, max: 20 },
  depth: { default: 1, min: 1, max: MAX_DEPTH },
  nodeLimit: { default: 300, min: 1, max: 2000 },
  connectIds: { min: 2, max: 10 },
} as const satisfies Record<string, Partial<IntBounds>>;

/** The requested relationship types, checked against the model's allow-list; null means all. */
export function relTypesArg(types: readonly string[] | null | undefined, field = 'relationshipTypes'): RelationshipTypeName[] | null {
  if (types === null || types === undefined) return null;
  if (!types.length) throw new BadUserInputError(`${field} must name at least one relationship type (or be omitted)`, field);
  const unknown = types.filter((t) => !isRelationshipType(t));
  if (unknown.length) {
    throw new BadUserInputError(
      `Unknown relationship type(s) ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known types: ${RELATIONSHIP_TYPE_NAMES.join(', ')}`,
      field,
    );
  }
  return [...new Set(types as RelationshipTypeName[])];
}

export function windowArg(since: string | null | undefined, until: string | null | undefined, fields: [string, string] = ['since', 'until']): Window {
  const w = { since: since ?? null, until: until ?? null };
  // ISO dates compare correctly as strings; the Date scalar already checked the format
  if (w.since && w.until && w.since > w.until) throw new BadUserInputError(`${fields[1]} must not be before ${fields[0]}`, fields[1]);
  return w;
}

const isWindowed = (w: Window) => w.since !== null || w.until !== null;

/**
 * The path rules of `paths` and `connect`: real-world entities and facts by default, places,
 * sectors, metrics and sources only when `via` names them; provenance (REPORTED_IN) only with SOURCE.
 */
export function pathSpec(via: readonly EntityKind[] | null | undefined, relTypes: RelationshipTypeName[] | null, window: Window): TraversalSpec {
  const kinds = [...new Set<EntityKind>([...DEFAULT_TRAVERSAL_KINDS, ...(via ?? [])])];
  const withProvenance = kinds.includes(SOURCE_KIND);
  const types = (relTypes ?? [...RELATIONSHIP_TYPE_NAMES]).filter((t) => t !== 'REPORTED_IN' || withProvenance);
  if (!types.length) throw new BadUserInputError('REPORTED_IN (provenance) is only crossed when via includes SOURCE', 'relationshipTypes');
  return { relTypes: types, kinds, windowed: isWindowed(window) };
}

/**
 * The rules of `neighborhood`: every kind but SOURCE, every relationship but REPORTED_IN. Naming
 * SOURCE in `kinds`, or REPORTED_IN in `relationshipTypes`, asks for provenance.
 */
export function neighborhoodSpec(kinds: readonly EntityKind[] | null | undefined, relTypes: RelationshipTypeName[] | null, window: Window): TraversalSpec {
  if (kinds && !kinds.length) throw new BadUserInputError('kinds must name at least one kind (or be omitted)', 'kinds');
  const wantsProvenance = (kinds ?? []).includes(SOURCE_KIND) || (relTypes ?? []).includes('REPORTED_IN');
  const allowed = kinds ? [...new Set(kinds)] : ENTITY_KINDS.filter((k) => k !== SOURCE_KIND || wantsProvenance);
  const types = (relTypes ?? [...RELATIONSHIP_TYPE_NAMES]).filter((t) => t !== 'REPORTED_IN' || wantsProvenance);
  return { relTypes: types, kinds: allowed, windowed: isWindowed(window) };
}
