import { DatabaseUnavailableError } from '../common/errors';
/**
 * Whole-graph rankings (`ranking(kind, by, first)`), computed by a background job in the API
 * process, off the request path: reads answer from the last finished result and never wait.
 *
 * The job reads the graph in batches of entities (keyset on id, one short read transaction each,
 * so it never holds a long transaction or blocks writers), over every relationship type but
 * REPORTED_IN (provenance links almost everything to its newsletter). Degree counts those
 * relationships at each entity (parallel ones each count); PageRank runs on a worker thread
 * (pagerank-worker.ts) over the same graph read as undirected. Only each kind's top entries are
 * kept, so memory after a run is small whatever the graph's size.
 *
 * Freshness: a check every `refreshMs` compares the count store's node and relationship counts
 * with the last run's and recomputes when they differ, or when the last result is older than
 * `maxAgeMs` (an edit that changes no count, e.g. a renamed entity, shows up then). Entities with
 * no such relationship are not ranked, so a kind without edges has an empty ranking.
 */
import type { Logger } from 'pino';
import { BadUserInputError } from '../common/errors';
import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { int, toPlain } from '../db/values';
import { compareIds } from '../graph/export/common';
import { ENTITY_KINDS, type EntityKind } from '../model/kinds';
import { RELATIONSHIP_TYPES } from '../model/relationships';
import { checkFirst } from '../read/relay/page-size';
import { type EdgeList, pageRankInWorker } from './pagerank-worker';

export type RankingMeasure = 'DEGREE' | 'PAGERANK';

export interface RankedId {
  rank: number;
  score: number;
  id: string;
}

export interface RankingResult {
  /** when the result answered from was computed; null before the first run finishes */
  computedAt: Date | null;
  entries: RankedId[];
}

export interface RankingOptions {
  /** how often to check whether the graph changed (RANKING_REFRESH_MS) */
  refreshMs: number;
  /** recompute at least this often while anything may have changed (RANKING_MAX_AGE_MS) */
  maxAgeMs: number;
  /** entities per read batch */
  batchSize?: number;
}

/** `first` of `ranking`: also how many entries per kind and measure a run keeps. */
export const RANKING_FIRST = { default: 20, min: 1, max: 100 } as const;

interface Snapshot {
  computedAt: Date;
  fingerprint: string;
  top: Record<RankingMeasure, Map<EntityKind, RankedId[]>>;
}

/** A growable pair of Int32Arrays: the edge list of a graph too big for arrays of objects. */
class EdgeBuffer {
  src = new Int32Array(1024);
  dst = new Int32Array(1024);
  length = 0;
  push(a: number, b: number): void {
    if (this.length === this.src.length) {
      const grow = (old: Int32Array) => {
        const next = new Int32Array(old.length * 2);
        next.set(old);
        return next;
      };
      this.src = grow(this.src);
      this.dst = grow(this.dst);
    }
    this.src[this.length] = a;
    this.dst[this.length] = b;
    this.length += 1;
  }
}

export class RankingService {
  private snapshot: Snapshot | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: RankingOptions,
  ) {}

  /** Starts the job: a first run at once, then a check every refreshMs. */
  start(): void {
    this.stopped = false;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.refreshMs);
    // the job never keeps the process alive on its own
    this.timer.unref();
  }

  /** Stops checking and waits for a run in progress to stop at its next batch. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** The last result's top `first` of `kind` by `by`; never waits for a run. */
  ranking(kind: EntityKind, by: RankingMeasure, first: number | null | undefined): RankingResult {
    const n = checkFirst(first, RANKING_FIRST);
    if (!ENTITY_KINDS.includes(kind)) throw new BadUserInputError(`unknown kind ${String(kind)}`, 'kind');
    const snap = this.snapshot;
    return { computedAt: snap?.computedAt ?? null, entries: snap?.top[by].get(kind)?.slice(0, n) ?? [] };
  }

  /** One run now, unless one is already going (then that one is awaited). */
  refresh(force = true): Promise<void> {
    this.running ??= this.run(force).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async tick(): Promise<void> {
    try {
      await this.refresh(false);
    } catch (err) {
      // the last result keeps serving; the next tick tries again. A database outage is logged once
      // by the health monitor, not again by every job that found it
      if (err instanceof DatabaseUnavailableError) return;
      this.logger.warn({ err }, 'ranking refresh failed');
    }
  }

  private async run(force: boolean): Promise<void> {
    const fingerprint = await this.fingerprint();
    const age = this.snapshot ? Date.now() - this.snapshot.computedAt.getTime() : Infinity;
    if (!force && this.snapshot?.fingerprint === fingerprint && age < this.options.maxAgeMs) return;
    const started = Date.now();
    const graph = await this.readGraph();
    if (!graph) return; // stopped mid-way
    const { ids, kinds, degree, edges } = graph;
    const pageRank = await pageRankInWorker(edges);
    const top = {
      DEGREE: topByKind(ids, kinds, degree, (i) => degree[i]),
      PAGERANK: topByKind(ids, kinds, degree, (i) => pageRank[i]),
    };
    this.snapshot = { computedAt: new Date(), fingerprint, top };
    this.logger.info({ nodes: ids.length, relationships: edges.src.length, ms: Date.now() - started }, 'rankings computed');
  }

  private async fingerprint(): Promise<string> {
    const [r] = await this.db.read(cypher('analytics/graph-fingerprint'));
    return `${String(toPlain(r.get('nodes')))}/${String(toPlain(r.get('relationships')))}`;
  }

  /** The whole graph as node indices and an edge list, read batch by batch. */
  private async readGraph(): Promise<{ ids: string[]; kinds: EntityKind[]; degree: Int32Array; edges: EdgeList } | null> {
    const batch = this.options.batchSize ?? 5000;
    const index = new Map<string, number>();
    const ids: string[] = [];
    const kinds: EntityKind[] = [];
    const pending: [number, string][] = [];
    const buffer = new EdgeBuffer();
    const indexOf = (id: string) => {
      let i = index.get(id);
      if (i === undefined) {
        i = ids.length;
        index.set(id, i);
        ids.push(id);
      }
      return i;
    };
    let after = '';
    for (;;) {
      if (this.stopped) return null;
      const rows = await this.db.read(cypher('analytics/graph-batch'), { after, batch: int(batch), types: RELATIONSHIP_TYPES });
      for (const r of rows) {
        const i = indexOf(r.get('id') as string);
        kinds[i] = r.get('kind') as EntityKind;
        for (const target of r.get('out') as string[]) pending.push([i, target]);
      }
      // targets are indexed after their batch so the index follows id order where it can
      for (const [i, target] of pending) buffer.push(i, indexOf(target));
      pending.length = 0;
      if (rows.length < batch) break;
      after = rows[rows.length - 1].get('id') as string;
    }
    const degree = new Int32Array(ids.length);
    for (let e = 0; e < buffer.length; e++) {
      degree[buffer.src[e]] += 1;
      if (buffer.dst[e] !== buffer.src[e]) degree[buffer.dst[e]] += 1;
    }
    return { ids, kinds, degree, edges: { n: ids.length, src: buffer.src.slice(0, buffer.length), dst: buffer.dst.slice(0, buffer.length) } };
  }
}

/**
 * The top RANKING_FIRST.max of each kind by `score`, highest first, ties by id; entities with no
 * relationship are left out. One pass with a small sorted list per kind, so O(n · k) at worst.
 */
export function topByKind(ids: readonly string[], kinds: readonly EntityKind[], degree: Int32Array, score: (i: number) => number): Map<EntityKind, RankedId[]> {
  const keep = RANKING_FIRST.max;
  const better = (a: { score: number; id: string }, b: { score: number; id: string }) => b.score - a.score || compareIds(a.id, b.id);
  const lists = new Map<EntityKind, { score: number; id: string }[]>();
  for (let i = 0; i < ids.length; i++) {
    if (degree[i] === 0 || kinds[i] === undefined) continue;
    const entry = { score: score(i), id: ids[i] };
    let list = lists.get(kinds[i]);
    if (!list) lists.set(kinds[i], (list = []));
    if (list.length === keep && better(entry, list[keep - 1]) >= 0) continue;
    let at = list.length;
    while (at > 0 && better(entry, list[at - 1]) < 0) at -= 1;
    list.splice(at, 0, entry);
    if (list.length > keep) list.pop();
  }
  return new Map([...lists].map(([kind, list]) => [kind, list.map((e, i) => ({ rank: i + 1, score: e.score, id: e.id }))]));
}
