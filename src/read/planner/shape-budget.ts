import { currentScope } from '../../common/request-context';

/**
 * How many never-seen statement shapes the read path may send to Neo4j (issue 16, item 4).
 *
 * Neo4j plans every statement text it has not cached before running it, and the texts of the read
 * planner follow the client's selection: a prefetch statement costs Neo4j about 30 ms of planning
 * per CALL subquery on a quiet machine (1.5 s for the largest plan, several seconds under load),
 * however little it then reads. Clients choose their selections, so without a bound a few clients
 * sending ever-new shapes keep Neo4j's planner busy (four of them cut a normal read load from 276
 * to 82 req/s). So every text built from a selection asks here first:
 *
 * - a shape sent before (the last `known` of them, least recently used forgotten first) goes;
 * - a new shape spends `units` (its subqueries or UNION parts, the planner's work) from a
 *   process-wide budget of `perMinute` and from its client's `perClientPerMinute` (a client is its
 *   authenticated user, else its address), both refilled continuously and full after a quiet
 *   minute;
 * - when either is spent the caller sends a statement whose text does not depend on the shape
 *   instead (the selection is then read by the batched loaders, whose fixed statement is planned
 *   once): the answer is the same, in more round trips.
 *
 * So Neo4j plans at most `perMinute` units of new shapes a minute, whatever clients send, and the
 * texts the read path keeps in Neo4j's query cache are at most `known` plus the fixed ones.
 */
export interface ShapeBudgetOptions {
  /** shapes remembered as planned (PLAN_KNOWN_SHAPES) */
  known: number;
  /** units of new shapes the process may send per minute (PLAN_BUDGET_PER_MINUTE); 0 sends none */
  perMinute: number;
  /** units of new shapes one client may send per minute (PLAN_BUDGET_PER_CLIENT_PER_MINUTE) */
  perClientPerMinute: number;
  /** milliseconds, for tests */
  now?: () => number;
}

/** Defaults of the bound (docs/security.md, "Planning budget"). */
export const DEFAULT_SHAPE_BUDGET: ShapeBudgetOptions = { known: 500, perMinute: 300, perClientPerMinute: 100 };

/** Clients whose buckets are remembered: past this the longest idle are forgotten (a full bucket). */
const MAX_CLIENTS = 10_000;

/** A token bucket holding `capacity` units, refilled at `capacity` per minute. */
class Bucket {
  private tokens: number;
  constructor(
    private readonly capacity: number,
    private updated: number,
  ) {
    this.tokens = capacity;
  }

  has(units: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updated) * this.capacity) / 60_000);
    this.updated = now;
    return this.tokens >= units;
  }

  take(units: number): void {
    this.tokens -= units;
  }
}

export type ShapeOutcome = 'known' | 'new' | 'declined';

export class ShapeBudget {
  /** insertion order is recency: a hit moves its shape to the end */
  private readonly known = new Map<string, true>();
  private readonly clients = new Map<string, Bucket>();
  private readonly global: Bucket;
  private readonly now: () => number;
  /** shapes asked for by outcome, since start (the planner_shapes_total metric) */
  readonly counts: Record<ShapeOutcome, number> = { known: 0, new: 0, declined: 0 };

  constructor(private readonly opts: ShapeBudgetOptions = DEFAULT_SHAPE_BUDGET) {
    this.now = opts.now ?? Date.now;
    this.global = new Bucket(opts.perMinute, this.now());
  }

  /** Shapes remembered as planned now. */
  get size(): number {
    return this.known.size;
  }

  /**
   * Whether the statement of shape `shape` (a canonical key of its text), whose planning costs
   * about `units`, may be sent; false means: send the shape-independent statement instead.
   */
  admit(shape: string, units: number): boolean {
    if (this.known.delete(shape)) {
      this.known.set(shape, true);
      this.counts.known += 1;
      return true;
    }
    const now = this.now();
    const client = this.client(now);
    if (!this.global.has(units, now) || !client.has(units, now)) {
      this.counts.declined += 1;
      return false;
    }
    this.global.take(units);
    client.take(units);
    this.known.set(shape, true);
    if (this.known.size > this.opts.known) this.known.delete(this.known.keys().next().value as string);
    this.counts.new += 1;
    return true;
  }

  private client(now: number): Bucket {
    const scope = currentScope();
    const key = scope?.userId ? `user:${scope.userId}` : `addr:${scope?.client ?? 'internal'}`;
    let bucket = this.clients.get(key);
    if (bucket) {
      this.clients.delete(key);
    } else {
      bucket = new Bucket(this.opts.perClientPerMinute, now);
      if (this.clients.size >= MAX_CLIENTS) this.clients.delete(this.clients.keys().next().value as string);
    }
    this.clients.set(key, bucket);
    return bucket;
  }
}
