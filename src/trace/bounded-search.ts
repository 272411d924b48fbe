/**
 * Path searches bounded in the work they can do (issue 16). Neo4j's SHORTEST over a quantified
 * pattern enumerates relationship-distinct walks, so two hubs joined by thousands of parallel
 * provenance edges gave it billions of walks to filter, and it ran past the transaction timeout.
 * Instead, a bidirectional breadth-first search reads the graph level by level in small Cypher
 * steps (trace/expand: at most the remaining budget of relationships each), always growing the
 * side with the smaller frontier, and finds the paths in memory (path-search.ts). Every request
 * reads at most `expansionBudget` relationships and walks at most `walkBudget` steps; past either
 * it answers QUERY_TOO_COMPLEX instead of working on.
 *
 * Why it finds every path of up to rA + rB hops once side A has grown rA levels and side B rB:
 * on such a path, a node at position i < rA is within rA - 1 of A, so it was expanded, and a node
 * past position rA is within rB - 1 of B, so it was expanded too; every relationship of the path
 * has an expanded end, so every relationship of the path was read.
 */
import { QueryTooComplexError } from '../common/errors';
import { Budget, BudgetExceeded, type ExpansionRow, type FoundPath, KnownGraph } from './path-search';
import type { TraversalSpec } from './trace.cypher';
import type { Window } from './trace.model';

/**
 * Reads the traversable relationships of `frontier` nodes, at most `limit` of them: `read` is how
 * many, `rows` the distinct (node, neighbour, type, direction) among them.
 */
export type Expand = (spec: TraversalSpec, frontier: readonly string[], limit: number, window: Window) => Promise<{ rows: ExpansionRow[]; read: number }>;

export interface SearchBounds {
  /** relationships a request may read (TRACE_EXPANSION_BUDGET); a neighbourhood's walk too */
  expansionBudget: number;
  /** steps of the in-memory walks a request may take */
  walkBudget: number;
  /**
   * relationships of one node a neighbourhood reads to expand it, and any result reads to filter
   * its "+N more" count and find its edges (the most neighbours a node can offer: the largest limit)
   */
  nodeScan: number;
  /**
   * What `paths` reads ahead in its first statement (expandNearQuery, expansion-cache.ts): the
   * relationships of each end and of the passable nodes one and two steps from it, at most
   * `nearScan` + 1 of any node (one with more is left to the search), and none of a step with
   * more than `nearSpread` nodes. At most about 2 * (1 + 2 * nearSpread) * (nearScan + 1)
   * relationships, whatever the hubs.
   */
  nearScan: number;
  nearSpread: number;
}

/** Defaults of the bounds (docs/security.md): the budget is TRACE_EXPANSION_BUDGET. */
export const DEFAULT_SEARCH_BOUNDS: SearchBounds = { expansionBudget: 50_000, walkBudget: 200_000, nodeScan: 2000, nearScan: 64, nearSpread: 24 };

interface Side {
  dist: Map<string, number>;
  frontier: string[];
  radius: number;
  /** nodes this side never walks through (the other side's start) */
  blocked: ReadonlySet<string>;
}

const side = (starts: readonly string[], blocked: readonly string[] = []): Side => ({
  dist: new Map(starts.map((s) => [s, 0])),
  frontier: starts.filter((s) => !blocked.includes(s)),
  radius: 0,
  blocked: new Set(blocked),
});

/**
 * Whether every path up to `length` hops is among the known relationships: the two radii reach
 * it, or one side has nothing left to read (its whole reachable part is known).
 */
const covers = (a: Side, b: Side, length: number) => a.radius + b.radius >= length || !a.frontier.length || !b.frontier.length;
const smaller = (a: Side, b: Side) => (a.frontier.length <= b.frontier.length ? a : b);

export class BoundedSearch {
  readonly graph = new KnownGraph();
  private readonly reads: Budget;
  private readonly walks: Budget;

  constructor(
    private readonly expand: Expand,
    private readonly spec: TraversalSpec,
    private readonly window: Window,
    bounds: SearchBounds,
    private readonly describe: string,
  ) {
    this.reads = new Budget(bounds.expansionBudget);
    this.walks = new Budget(bounds.walkBudget);
  }

  /**
   * The first `first` simple paths from `from` to `to` of at most `hops` hops, by length (each
   * length group complete, so ties never depend on what was read first). Unordered within a length.
   */
  async paths(from: string, to: string, hops: number, first: number): Promise<FoundPath[]> {
    const a = side([from], [to]);
    const b = side([to], [from]);
    const found: FoundPath[] = [];
    for (let length = 1; length <= hops && found.length < first; length++) {
      // read until every path of this length is among the known relationships
      while (!covers(a, b, length)) await this.grow(smaller(a, b));
      const toDist = this.guard(() => this.graph.distances([to], this.walks));
      found.push(...this.guard(() => this.graph.pathsOfLength(from, to, length, toDist, this.walks)));
    }
    return found;
  }

  /**
   * The shortest path (at most `hops`) from any node of `tree` to any of `targets`: the earliest
   * target among the nearest, then the smallest node sequence; null when none is within reach.
   */
  async nearest(tree: readonly string[], targets: readonly string[], hops: number): Promise<{ target: number; path: FoundPath } | null> {
    const a = side(tree);
    const b = side(targets);
    for (let length = 1; length <= hops; length++) {
      while (!covers(a, b, length)) await this.grow(smaller(a, b));
      const fromTree = this.guard(() => this.graph.distances(tree, this.walks));
      const target = targets.findIndex((t) => fromTree.get(t) === length);
      if (target < 0) continue;
      const toDist = this.guard(() => this.graph.distances([targets[target]], this.walks));
      const path = this.graph.smallestShortestPath(tree, targets[target], toDist, length);
      if (path) return { target, path };
    }
    return null;
  }

  /** One more level of a side: its frontier's relationships, within what is left of the budget. */
  private async grow(s: Side): Promise<void> {
    s.radius += 1;
    const frontier = s.frontier;
    s.frontier = [];
    const { rows, read } = await this.expand(this.spec, frontier, this.reads.remaining + 1, this.window);
    this.guard(() => this.reads.spend(read));
    for (const row of rows) {
      this.graph.add(row);
      if (s.dist.has(row.to)) continue;
      s.dist.set(row.to, s.radius);
      if (row.passable && !s.blocked.has(row.to)) s.frontier.push(row.to);
    }
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (err) {
      if (!(err instanceof BudgetExceeded)) throw err;
      throw new QueryTooComplexError(
        `${this.describe} would read more than ${this.reads.total} relationships or take more than ${this.walks.total} steps; ` +
          'lower maxHops, or narrow via / relationshipTypes',
      );
    }
  }
}
