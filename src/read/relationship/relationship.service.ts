import { BadUserInputError } from '../../common/errors';
import type { EntityRecord } from '../entity/entity.model';
import { Direction, mergeRelated, RelatedRecord, RelKey, RelType } from './relationship.model';
import type { PrefetchPlan } from '../planner/prefetch.plan';
import type { RelationshipRepository } from './relationship.repository';
import type { EntityKind } from '../../model/kinds';
import { isRelationshipType, RELATIONSHIP_TYPE_NAMES } from '../../model/relationships';

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
  kind?: EntityKind;
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

/** Where a key's neighbours come from; `from` is the entity the key starts at. */
export interface RelatedSource {
  /** the list when it is already at hand (fetched with `from`'s statement), else undefined */
  peek(key: RelKey, from: EntityRecord): RelatedRecord[] | undefined;
  /** the list, from the request's batched loader when it is not at hand */
  load(key: RelKey, from: EntityRecord): Promise<RelatedRecord[]>;
}

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
  async neighbours(from: EntityRecord, specs: readonly RelSpec[], first: number, source: RelatedSource): Promise<RelatedRecord[]> {
    return mergeRelated(await Promise.all(keysOf(from, specs, first).map((k) => source.load(k, from))), first);
  }

  /** The same when every list is at hand: no promise, so GraphQL completes the field at once. */
  private neighboursAtHand(from: EntityRecord, specs: readonly RelSpec[], first: number, source: RelatedSource): RelatedRecord[] | undefined {
    const lists: RelatedRecord[][] = [];
    for (const k of keysOf(from, specs, first)) {
      const list = source.peek(k, from);
      if (!list) return undefined;
      lists.push(list);
    }
    return mergeRelated(lists, first);
  }

  /** The generic `Entity.related`: relationship types are checked against the allow-list. */
  related(from: EntityRecord, args: RelatedArgs, source: RelatedSource): RelatedRecord[] | Promise<RelatedRecord[]> {
    this.checkFirst(args.first);
    const types = args.types ?? [];
    const unknown = types.filter((t) => !isRelationshipType(t));
    if (unknown.length) {
      throw new BadUserInputError(`Unknown relationship type${unknown.length > 1 ? 's' : ''} ${unknown.map((t) => JSON.stringify(t)).join(', ')}; known types: ${RELATIONSHIP_TYPE_NAMES.join(', ')}`, 'types');
    }
    const specs: RelSpec[] = types.length ? [...new Set(types)].map((t) => ({ type: t as RelType, direction: args.direction })) : [{ type: '*', direction: args.direction }];
    return this.neighboursAtHand(from, specs, args.first, source) ?? this.neighbours(from, specs, args.first, source);
  }

  /**
   * Resolves one typed relationship field of `root` as described by its spec: at once when the
   * lists were fetched with `root` (prefetch), else through the batched loader, hop by hop.
   */
  field(root: EntityRecord, spec: RelationshipFieldSpec, first: number, source: RelatedSource): unknown {
    if (!spec.one) this.checkFirst(first);
    const limit = spec.one ? 1 : first;
    const atHand = this.pathAtHand(root, spec, limit, source);
    return atHand ? shape(atHand, root, spec, limit) : this.pathLoaded(root, spec, limit, source).then((rows) => shape(rows, root, spec, limit));
  }

  private pathAtHand(root: EntityRecord, spec: RelationshipFieldSpec, limit: number, source: RelatedSource): RelatedRecord[] | undefined {
    let rows: RelatedRecord[] = [rootRow(root)];
    for (const [i, hop] of spec.path.entries()) {
      const lists: RelatedRecord[][] = [];
      for (const r of rows) {
        const list = this.neighboursAtHand(r.entity, hop, hopLimit(spec, i, limit), source);
        if (!list) return undefined;
        lists.push(list);
      }
      rows = mergeRelated(lists, RELATED_MAX_FIRST);
    }
    return rows;
  }

  private async pathLoaded(root: EntityRecord, spec: RelationshipFieldSpec, limit: number, source: RelatedSource): Promise<RelatedRecord[]> {
    let rows: RelatedRecord[] = [rootRow(root)];
    for (const [i, hop] of spec.path.entries()) {
      rows = mergeRelated(await Promise.all(rows.map((r) => this.neighbours(r.entity, hop, hopLimit(spec, i, limit), source))), RELATED_MAX_FIRST);
    }
    return rows;
  }
}

/** The keys of one hop from `from`: BOTH is the union of OUT and IN. */
function keysOf(from: EntityRecord, specs: readonly RelSpec[], first: number): RelKey[] {
  return specs.flatMap((s) => (s.direction === 'BOTH' ? (['OUT', 'IN'] as const) : [s.direction]).map((direction) => ({ id: from.id, type: s.type, direction, kind: s.kind, limit: first })));
}

/** Intermediate hops (and a path that drops the root again) read as many as a list may hold. */
function hopLimit(spec: RelationshipFieldSpec, i: number, limit: number): number {
  return i === spec.path.length - 1 && !spec.excludeSelf ? limit : RELATED_MAX_FIRST;
}

function rootRow(root: EntityRecord): RelatedRecord {
  return { entity: root, type: '', direction: 'OUT', role: null, properties: {} };
}

/** The rows of a field as its GraphQL type wants them: entities, `{ entity, role }`, or one of them. */
function shape(rows: RelatedRecord[], root: EntityRecord, spec: RelationshipFieldSpec, limit: number): unknown {
  let kept = spec.excludeSelf ? rows.filter((r) => r.entity.id !== root.id) : rows;
  kept = dedupeEntities(kept).slice(0, limit);
  const shaped = kept.map((r) => (spec.withRole ? { entity: r.entity, role: r.role } : r.entity));
  return spec.one ? (shaped[0] ?? null) : shaped;
}

/** A neighbour reached over several edges is listed once (typed fields list entities, not edges). */
function dedupeEntities(rows: RelatedRecord[]): RelatedRecord[] {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.entity.id) && Boolean(seen.add(r.entity.id)));
}
