/**
 * Whole-graph rankings (`ranking(kind, by, first)`).
 *
 * DEGREE is read from the database on each request: every entity stores its degree (ORDER_KEYS.DEGREE,
 * the relationships of every type but REPORTED_IN at it, parallel ones each counted, a loop once),
 * kept in the transaction of every write that adds or removes one, with a (_degree, id) range
 * index per kind. The ranking is two index-ordered reads of at most `first` entries
 * (degree-ranking.cypher.ts), so it is exact and fresh after every write; `computedAt` is the time
 * of the read. For either measure, `computedAt` means: every write committed before it is counted.
 *
 * PAGERANK needs the whole graph, so a background job in the API process computes it off the
 * request path: reads answer from the last finished result and never wait. The job runs on a worker
 * thread (pagerank-thread.ts) that reads the graph in batches of entities (keyset on id, one short
 * read transaction each, so it never holds a long transaction or blocks writers) over every
 * relationship type but REPORTED_IN, and sends back only each kind's top entries, so the main
 * thread holds nothing that grows with the graph.
 *
 * PAGERANK's freshness: a check every `refreshMs` reads the graph's fingerprint (graph-fingerprint.cypher:
 * the count store's entity and relationship counts and the change log's head, each in constant time)
 * and recomputes when it differs from the last run's. A run's `computedAt` is its start.
 * - Every write through GraphWriter takes the next head position in its own transaction, so an
 *   edit that changes no count (a relink in one transaction, a property) moves the head, and an
 *   unchanged head means nothing was written through the write path: an idle graph is not recomputed.
 * - The writes that bypass the change log change what PageRank reads (entities, their ids and
 *   kinds, relationships) only by adding or removing some, which the counts show: restore writes
 *   raw rows that add entities and relationships or overwrite the properties of existing ones (an
 *   id keeps its kind); the benchmark's import with `changeLog: false` upserts the same way; tests
 *   empty the graph. Migrations run before the job starts and add or remove no entity or
 *   relationship (schema, the counter, the derived order keys). Drafts, write locks and the log's
 *   own batches (written, and pruned on an idle server) are not entities: not counted, no run.
 * - `maxAgeMs` applies only while the head is absent (a graph emptied outside the service, until
 *   its next write creates the counter): the job then cannot tell an idle graph from one edited
 *   without the log, and recomputes once its result is that old.
 * An edit made outside the service (cypher-shell) that changes no count is therefore seen at the
 * next write through the service, or the next start.
 *
 * Entities with no such relationship are not ranked, by either measure, so a kind without edges
 * has an empty ranking.
 */
import type { Logger } from 'pino';
import { BadUserInputError, DatabaseUnavailableError } from '../common/errors';
import { cypher } from '../db/cypher-registry';
import type { Database } from '../db/database';
import { int, toPlain } from '../db/values';
import { compareIds } from '../graph/export/common';
import { ENTITY_KINDS, type EntityKind } from '../model/kinds';
import { RELATIONSHIP_TYPES } from '../model/relationships';
import { checkFirst } from '../read/relay/page-size';
import { degreeRankingQuery } from './degree-ranking.cypher';
import { PageRankRun, PageRankThreadError } from './pagerank-worker';
import type { RankedId } from './top-by-kind';

export type { RankedId } from './top-by-kind';
export type RankingMeasure = 'DEGREE' | 'PAGERANK';

export interface RankingResult {
  /** every write committed before this instant is in the figures; null before the first PAGERANK run finishes */
  computedAt: Date | null;
  entries: RankedId[];
}

export interface RankingOptions {
  /** false: no PAGERANK job, and PAGERANK rankings are refused (RANKING_PAGERANK=off) */
  pageRank: boolean;
  /** how often to check whether the graph changed (RANKING_REFRESH_MS) */
  refreshMs: number;
  /** with no change log head to compare, recompute once the result is this old (RANKING_MAX_AGE_MS) */
  maxAgeMs: number;
  /** entities per read batch of the PageRank thread */
  batchSize?: number;
}

/** `first` of `ranking`: also how many entries per kind a PAGERANK run keeps. */
export const RANKING_FIRST = { default: 20, min: 1, max: 100 } as const;

/** Driver error codes that mean the database could not be reached (the health monitor reports those). */
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** graph-fingerprint.cypher's answer: `key` equal means no write seen; `head` null when the log has no counter. */
interface Fingerprint {
  key: string;
  head: number | null;
}

interface Snapshot {
  computedAt: Date;
  fingerprint: Fingerprint;
  pageRank: Map<string, RankedId[]>;
}

export class RankingService {
  private snapshot: Snapshot | null = null;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | null = null;
  private thread: PageRankRun | null = null;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly options: RankingOptions,
  ) {}

  /** Starts the PAGERANK job (unless turned off): a first run at once, then a check every refreshMs. */
  start(): void {
    if (!this.options.pageRank) return;
    this.stopped = false;
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.refreshMs);
    // the job never keeps the process alive on its own
    this.timer.unref();
  }

  /** Stops checking and ends a run in progress (its thread is terminated). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.thread?.stop();
    await this.running?.catch(() => undefined);
  }

  /** The top `first` of `kind` by `by`: DEGREE read now, PAGERANK from the last run (never waiting for one). */
  async ranking(kind: EntityKind, by: RankingMeasure, first: number | null | undefined): Promise<RankingResult> {
    const n = checkFirst(first, RANKING_FIRST);
    if (!ENTITY_KINDS.includes(kind)) throw new BadUserInputError(`unknown kind ${String(kind)}`, 'kind');
    if (by === 'DEGREE') return this.degreeRanking(kind, n);
    if (!this.options.pageRank) throw new BadUserInputError('PAGERANK rankings are turned off on this server (RANKING_PAGERANK=off); rank by DEGREE instead', 'by');
    const snap = this.snapshot;
    return { computedAt: snap?.computedAt ?? null, entries: snap?.pageRank.get(kind)?.slice(0, n) ?? [] };
  }

  /** One PAGERANK run now, unless one is already going (then that one is awaited). */
  refresh(force = true): Promise<void> {
    this.running ??= this.run(force).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * The stored degrees' top `n`: the rows above the cutoff degree (read in descending id order,
   * re-sorted here: fewer than `n`), then the ties at the cutoff by ascending id.
   */
  private async degreeRanking(kind: EntityKind, n: number): Promise<RankingResult> {
    // every write committed before this instant is in the figures read next
    const computedAt = new Date();
    const [r] = await this.db.read(degreeRankingQuery(kind), { first: int(n) });
    const above = (toPlain(r.get('above')) as { id: string; degree: number }[]).sort((a, b) => b.degree - a.degree || compareIds(a.id, b.id));
    const cutoff = toPlain(r.get('cutoff')) as number | null;
    const tied = (r.get('tied') as string[]).map((id) => ({ id, degree: cutoff ?? 0 }));
    const entries = [...above, ...tied].slice(0, n).map((e, i) => ({ rank: i + 1, score: e.degree, id: e.id }));
    return { computedAt, entries };
  }

  private async tick(): Promise<void> {
    try {
      await this.refresh(false);
    } catch (err) {
      // the last result keeps serving; the next tick tries again. A database outage is logged once
      // by the health monitor, not again by every job that found it
      if (err instanceof DatabaseUnavailableError) return;
      if (err instanceof PageRankThreadError && err.code && UNREACHABLE.has(err.code)) return;
      this.logger.warn({ err }, 'ranking refresh failed');
    }
  }

  private async run(force: boolean): Promise<void> {
    // a run's figures hold every write committed before it started: that is its computedAt
    const started = new Date();
    const fingerprint = await this.fingerprint();
    if (!force && this.unchanged(fingerprint)) return;
    if (this.stopped) return;
    const thread = new PageRankRun({
      connection: this.db.connection(),
      batchQuery: cypher('analytics/graph-batch').text,
      types: RELATIONSHIP_TYPES,
      batchSize: this.options.batchSize ?? 5000,
      keep: RANKING_FIRST.max,
    });
    this.thread = thread;
    try {
      const result = await thread.result;
      this.snapshot = { computedAt: started, fingerprint, pageRank: new Map(result.top) };
      const { nodes, edges, readMs, pageRankMs } = result;
      this.logger.info({ nodes, edges, readMs, pageRankMs, ms: Date.now() - started.getTime() }, 'rankings computed');
    } catch (err) {
      if (this.stopped) return; // terminated by stop()
      throw err;
    } finally {
      this.thread = null;
    }
  }

  /** Whether the last result still holds: see "PAGERANK's freshness" above. */
  private unchanged(fingerprint: Fingerprint): boolean {
    const snap = this.snapshot;
    if (!snap || snap.fingerprint.key !== fingerprint.key) return false;
    if (fingerprint.head !== null) return true;
    return Date.now() - snap.computedAt.getTime() < this.options.maxAgeMs;
  }

  private async fingerprint(): Promise<Fingerprint> {
    const [r] = await this.db.read(cypher('analytics/graph-fingerprint'));
    const head = toPlain(r.get('head')) as number | null;
    return { key: `${String(toPlain(r.get('entities')))}/${String(toPlain(r.get('relationships')))}/${String(head)}`, head };
  }
}
