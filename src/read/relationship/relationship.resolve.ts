import type { EntityView } from '../entity/entity.view';
import { branchSignature, mergeRelated, RelatedRecord, RelBranch } from './relationship.model';
import { FieldRead, RELATED_MAX_FIRST } from './relationship.read';

type Rows = readonly RelatedRecord<EntityView>[];

/** Where a list that did not come with its entity is loaded from: the request's batched loader. */
export type LoadList = (from: EntityView, branch: RelBranch) => Promise<Rows>;

/**
 * Resolves one relationship field of `root` as `read` (relationship.read.ts) says, hop by hop:
 * every list comes from the entity it starts at when the selection prefetched it, else from
 * `load`. When every list is at hand the answer is returned at once, without a promise, so
 * GraphQL completes the field in the same tick; otherwise one hop's keys are all asked for in
 * the same tick, so the loader batches them into one round trip.
 */
export function resolveField(root: EntityView, read: FieldRead, load: LoadList): unknown {
  return then(walk([rootRow(root)], read, 0, load), (rows) => shape(rows, root, read));
}

function walk(rows: Rows, read: FieldRead, i: number, load: LoadList): Rows | Promise<Rows> {
  if (i === read.hops.length) return rows;
  const { branches, limit } = read.hops[i];
  const perEntity = rows.map((r) => then(all(branches.map((b) => listOf(r.entity, b, load))), (lists) => mergeRelated(lists, limit)));
  return then(all(perEntity), (lists) => walk(mergeRelated(lists, RELATED_MAX_FIRST), read, i + 1, load));
}

/** The list of `branch` from `from`: the one fetched with it (the same branch, planned), else loaded. */
function listOf(from: EntityView, branch: RelBranch, load: LoadList): Rows | Promise<Rows> {
  return from.prefetched?.get(branchSignature(branch)) ?? load(from, branch);
}

function rootRow(root: EntityView): RelatedRecord<EntityView> {
  return { entity: root, type: '', direction: 'OUT', role: null, properties: {} };
}

/** The rows as the field's GraphQL type wants them: the edges, entities, `{ entity, role }`, or one of them. */
function shape(rows: Rows, root: EntityView, { spec, first }: FieldRead): unknown {
  if (spec.edges) return rows;
  let kept = spec.excludeSelf ? rows.filter((r) => r.entity.id !== root.id) : rows;
  kept = dedupeEntities(kept).slice(0, first);
  const shaped = kept.map((r) => (spec.withRole ? { entity: r.entity, role: r.role } : r.entity));
  return spec.one ? (shaped[0] ?? null) : shaped;
}

/** A neighbour reached over several edges is listed once (typed fields list entities, not edges). */
function dedupeEntities(rows: Rows): Rows {
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.entity.id) && Boolean(seen.add(r.entity.id)));
}

/** `f(v)`, at once when `v` is at hand, after it otherwise. */
function then<T, U>(v: T | Promise<T>, f: (t: T) => U | Promise<U>): U | Promise<U> {
  return v instanceof Promise ? v.then(f) : f(v);
}

/** The values, as they are when all are at hand, else a promise of them. */
function all<T>(vs: (T | Promise<T>)[]): T[] | Promise<T[]> {
  return vs.some((v) => v instanceof Promise) ? Promise.all(vs) : (vs as T[]);
}
