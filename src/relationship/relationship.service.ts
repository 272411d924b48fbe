import { BadUserInputError } from '../common/errors';
import type { EntityRecord } from '../entity/entity.model';
import { isRelationshipType, RELATIONSHIP_TYPE_NAMES } from '../graph/labels';
import type { EntityKindName } from '../graph/subgraph';
import { Direction, mergeRelated, RelatedRecord, RelKey, RelType } from './relationship.model';
import type { PrefetchPlan } from './prefetch.plan';
import type { RelationshipRepository } from './relationship.repository';

/**
 * Typed relationship lists return 10 unless asked for more: nested lists multiply (20 companies ×
 * 10 partnerships × 10 parties), and the operation cost limit counts them that way.
 */
export const RELATIONSHIP_DEFAULT_FIRST = 10;
/** `Entity.related` is usually asked for one entity at a time, so it returns more by default. */
export const RELATED_DEFAULT_FIRST = 20;
/** A relationship list longer than this belongs in a connection (e.g. Source.entities), not a nested field. */
export const RELATED_MAX_FIRST = 500;

/** One hop: edges of `type` in `direction` (BOTH = either way), to entities of `kind` if given. */
export interface RelSpec {
  type: RelType;
  direction: Direction | 'BOTH';
  kind?: EntityKindName;
}

/**
 * How a typed relationship field reads the graph: `path` is a list of hops, each the union of its
 * specs (most fields have one hop; `partners` has two). `withRole` fields return
 * `{ entity, role }` (the role on the edge) instead of the entity.
 */
export interface RelationshipFieldSpec {
  path: RelSpec[][];
  one?: boolean;
  withRole?: boolean;
  excludeSelf?: boolean;
}

/** Loads one key; `from` is the entity the key starts at, which may carry prefetched lists. */
export type LoadRelated = (key: RelKey, from: EntityRecord) => Promise<RelatedRecord[]>;

export interface RelatedArgs {
  types?: string[] | null;
  direction: Direction | 'BOTH';
  first: number;
}

export class RelationshipService {
  constructor(private readonly repo: RelationshipRepository) {}

  relatedByKeys(keys: readonly RelKey[]): Promise<Map<string, RelatedRecord[]>> {
    return this.repo.relatedByKeys(keys);
  }

  /** Entities with the relationship lists their selection will ask for (see prefetch.plan.ts). */
  trees(ids: readonly string[], plan: PrefetchPlan): Promise<Map<string, EntityRecord>> {
    return this.repo.trees(ids, plan);
  }

  checkFirst(first: number, field = 'first'): void {
    if (!Number.isInteger(first) || first < 0 || first > RELATED_MAX_FIRST) {
      throw new BadUserInputError(`${field} must be between 0 and ${RELATED_MAX_FIRST}`, field);
    }
  }

  /** Neighbours over the union of `specs`, each key answered by the request's batched loader. */
  async neighbours(from: EntityRecord, specs: readonly RelSpec[], first: number, load: LoadRelated): Promise<RelatedRecord[]> {
    const keys: RelKey[] = specs.flatMap((s) =>
      (s.direction === 'BOTH' ? (['OUT', 'IN'] as const) : [s.direction]).map((direction) => ({ id: from.id, type: s.type, direction, kind: s.kind, limit: first })),
    );
    return mergeRelated(await Promise.all(keys.map((k) => load(k, from))), first);
  }

  /** The generic `Entity.related`: relationship types are checked against the allow-list. */
  related(from: EntityRecord, args: RelatedArgs, load: LoadRelated): Promise<RelatedRecord[]> {
    this.checkFirst(args.first);
    const types = args.types ?? [];
    const unknown = types.filter((t) => !isRelationshipType(t));
    if (unknown.length) {
      throw new BadUserInputError(`Unknown relationship type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known types: ${RELATIONSHIP_TYPE_NAMES.join(', ')}`, 'types');
    }
    const specs: RelSpec[] = types.length ? [...new Set(types)].map((t) => ({ type: t as RelType, direction: args.direction })) : [{ type: '*', direction: args.direction }];
    return this.neighbours(from, specs, args.first, load);
  }

  /** Resolves one typed relationship field of `root` as described by its spec. */
  async field(root: EntityRecord, spec: RelationshipFieldSpec, first: number, load: LoadRelated): Promise<unknown> {
    const limit = spec.one ? 1 : first;
    if (!spec.one) this.checkFirst(first);
    let rows: RelatedRecord[] = [{ entity: root, type: '', direction: 'OUT', role: null, properties: {} }];
    for (const [i, hop] of spec.path.entries()) {
      const last = i === spec.path.length - 1;
      const hopLimit = last && !spec.excludeSelf ? limit : RELATED_MAX_FIRST;
      rows = mergeRelated(await Promise.all(rows.map((r) => this.neighbours(r.entity, hop, hopLimit, load))), RELATED_MAX_FIRST);
    }
    if (spec.excludeSelf) rows = rows.filter((r) => r.entity.id !== root.id);
    rows = dedupeEntities(rows).slice(0, limit);
    const shaped = rows.map((r) => (spec.withRole ? { entity: r.entity, role: r.role } : r.entity));
    return spec.one ? (shaped[0] ?? null) : shaped;
  }
}

/** A neighbour reached over several edges is listed once (typed fields list entities, not edges). */
function dedupeEntities(rows: RelatedRecord[]): RelatedRecord[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.entity.id) && Boolean(seen.add(r.entity.id)));
}
