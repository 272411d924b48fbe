import { BadUserInputError } from '../../common/errors';
import { checkFirst, PAGE_SIZES } from '../relay/page-size';
import type { Direction, RelBranch, RelType } from './relationship.model';
import { type EntityKind } from '../../model/kinds';
import { RELATIONSHIP_TYPE_NAMES, isRelationshipType } from '../../model/relationships';

/** The most one relationship list holds (intermediate hops of a path read this many). */
export const RELATED_MAX_FIRST = PAGE_SIZES.relationship.max;

/** One hop: edges of `type` in `direction` (BOTH = either way), to entities of `kind` if given. */
export interface RelSpec {
  type: RelType;
  direction: Direction | 'BOTH';
  kind?: EntityKind;
}

/**
 * A typed relationship field: `path` is a list of hops, each the union of its specs (most fields
 * have one hop; `partners` has two). `withRole` fields return `{ entity, role }` (the role on the
 * edge) instead of the entity; `one` fields a single entity or null.
 */
export interface PathFieldSpec {
  path: RelSpec[][];
  one?: boolean;
  withRole?: boolean;
  excludeSelf?: boolean;
  edges?: undefined;
}

/**
 * `Entity.related`: one hop over the relationship types and direction its arguments name (every
 * type but provenance when none), returning the edges themselves with their properties.
 */
export interface EdgesFieldSpec {
  edges: true;
}

/** How a relationship field reads the graph (relationship.fields.ts has one per field). */
export type RelationFieldSpec = PathFieldSpec | EdgesFieldSpec;

export const RELATED_FIELD: EdgesFieldSpec = { edges: true };

/** A relationship field's arguments as GraphQL hands them over: absent means the default. */
export interface RelationArgs {
  first?: number | null;
  types?: readonly string[] | null;
  direction?: Direction | 'BOTH' | null;
}

/** One hop of a read: the branches read from every entity the previous hop reached. */
export interface HopRead {
  /** keys without the id: BOTH is already split into OUT and IN, each with this hop's limit */
  branches: RelBranch[];
  /** how many of one entity's merged neighbours are kept */
  limit: number;
}

/** What reading a field means: the loader keys of each hop, and how many rows it returns. */
export interface FieldRead {
  spec: RelationFieldSpec;
  hops: HopRead[];
  /** the field returns at most this many rows (1 for `one` fields) */
  first: number;
}

/**
 * THE meaning of a relationship field with its arguments: which loader keys it reads, hop by hop.
 * The prefetch planner (read/planner) plans exactly these branches from a request's selection and
 * the field resolvers (relationship.resolve.ts) ask for exactly these, so a prefetched list is
 * always found where it is looked for. Throws BadUserInputError naming the bad argument; the
 * planner then plans nothing for the field and the resolver reports the error.
 */
export function fieldRead(spec: RelationFieldSpec, args: RelationArgs): FieldRead {
  if (spec.edges) {
    const first = checkFirst(args.first, PAGE_SIZES.related);
    const direction = args.direction ?? 'BOTH';
    return { spec, first, hops: [hopRead(relatedSpecs(args.types ?? [], direction), first)] };
  }
  const first = spec.one ? 1 : checkFirst(args.first, PAGE_SIZES.relationship);
  const last = spec.path.length - 1;
  // intermediate hops (and a path that drops the root again) read as many as a list may hold
  return { spec, first, hops: spec.path.map((hop, i) => hopRead(hop, i === last && !spec.excludeSelf ? first : RELATED_MAX_FIRST)) };
}

/** `Entity.related`'s hop: the allow-listed types asked for (or every type) in the direction. */
function relatedSpecs(types: readonly string[], direction: Direction | 'BOTH'): RelSpec[] {
  const unknown = types.filter((t) => !isRelationshipType(t));
  if (unknown.length) {
    throw new BadUserInputError(`Unknown relationship type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known types: ${RELATIONSHIP_TYPE_NAMES.join(', ')}`, 'types');
  }
  return types.length ? [...new Set(types)].map((t) => ({ type: t as RelType, direction })) : [{ type: '*', direction }];
}

/** BOTH is the union of OUT and IN: two keys. */
function hopRead(specs: readonly RelSpec[], limit: number): HopRead {
  const branches = specs.flatMap((s) => (s.direction === 'BOTH' ? (['OUT', 'IN'] as const) : [s.direction]).map((direction) => ({ type: s.type, direction, kind: s.kind, limit })));
  return { branches, limit };
}
