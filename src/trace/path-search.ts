/**
 * The in-memory half of the bounded path searches (see bounded-search.ts): the part of the graph
 * the expansion steps have read so far, and the paths within it. Parallel relationships between
 * two nodes collapse to the one with the smallest edge id, so thousands of provenance edges
 * between a sector and a source are one step, not thousands of paths. Every walk counts its
 * steps against a budget and throws when it is spent, so no request can enumerate without end.
 */
import { compareIds } from '../graph/export/common';
import { edgeId } from '../graph/subgraph';

/** One relationship read by an expansion step, seen from the node it was expanded from. */
export interface ExpansionRow {
  from: string;
  to: string;
  type: string;
  /** true when the stored relationship points from `from` to `to` */
  out: boolean;
  /** whether `to` may be an intermediate node of a path (its kind and the date window allow it) */
  passable: boolean;
}

export interface KnownEdge {
  id: string;
  source: string;
  type: string;
  target: string;
}

export class BudgetExceeded extends Error {}

/** A node sequence and, for each step, the relationship that represents it. */
export interface FoundPath {
  ids: string[];
  edges: KnownEdge[];
}

export class KnownGraph {
  /** node -> neighbour -> the smallest edge between them */
  private readonly adj = new Map<string, Map<string, KnownEdge>>();
  private readonly passable = new Map<string, boolean>();

  add(row: ExpansionRow): void {
    this.passable.set(row.to, row.passable);
    if (row.from === row.to) return;
    const [source, target] = row.out ? [row.from, row.to] : [row.to, row.from];
    const edge = { id: edgeId(source, row.type, target), source, type: row.type, target };
    for (const [a, b] of [
      [row.from, row.to],
      [row.to, row.from],
    ]) {
      const hops = this.adj.get(a) ?? new Map<string, KnownEdge>();
      this.adj.set(a, hops);
      const known = hops.get(b);
      if (!known || compareIds(edge.id, known.id) < 0) hops.set(b, edge);
    }
  }

  isPassable(id: string): boolean {
    return this.passable.get(id) === true;
  }

  /** Neighbours in id order, so every walk visits them the same way. */
  neighbours(id: string): string[] {
    return [...(this.adj.get(id)?.keys() ?? [])].sort(compareIds);
  }

  edge(a: string, b: string): KnownEdge {
    const e = this.adj.get(a)?.get(b);
    if (!e) throw new Error(`no known edge ${a} - ${b}`);
    return e;
  }

  /**
   * Hop distances from `starts` (distance 0) within the known graph, stepping only through
   * passable nodes: others get a distance (they can end a path) but are not walked through.
   */
  distances(starts: readonly string[], budget: Budget): Map<string, number> {
    const dist = new Map<string, number>(starts.map((s) => [s, 0]));
    let level = [...starts];
    for (let d = 1; level.length; d++) {
      const next: string[] = [];
      for (const v of level) {
        for (const w of this.adj.get(v)?.keys() ?? []) {
          budget.spend();
          if (dist.has(w)) continue;
          dist.set(w, d);
          if (this.isPassable(w)) next.push(w);
        }
      }
      level = next;
    }
    return dist;
  }

  /**
   * Every simple path of exactly `length` hops from `from` to `to` whose intermediate nodes are
   * passable, depth first in neighbour order, pruned by `toDist` (distances to `to`).
   */
  pathsOfLength(from: string, to: string, length: number, toDist: ReadonlyMap<string, number>, budget: Budget): FoundPath[] {
    const found: FoundPath[] = [];
    const path = [from];
    const onPath = new Set(path);
    const walk = (node: string) => {
      for (const w of this.neighbours(node)) {
        budget.spend();
        const hops = path.length; // hops after stepping to w
        if (w === to) {
          if (hops === length) found.push(this.toPath([...path, w]));
          continue;
        }
        if (onPath.has(w) || !this.isPassable(w) || hops + (toDist.get(w) ?? Infinity) > length) continue;
        path.push(w);
        onPath.add(w);
        walk(w);
        path.pop();
        onPath.delete(w);
      }
    };
    if (length >= 1 && (toDist.get(from) ?? Infinity) <= length) walk(from);
    return found;
  }

  /**
   * The smallest node sequence (by ids) among the shortest paths from any of `starts` to `to`,
   * given distances to `to`; null when none is within `maxLength`. Every step of a shortest path
   * goes one closer to `to`, so the smallest is taken greedily.
   */
  smallestShortestPath(starts: readonly string[], to: string, toDist: ReadonlyMap<string, number>, maxLength: number): FoundPath | null {
    const length = Math.min(...starts.map((s) => toDist.get(s) ?? Infinity));
    if (length > maxLength) return null;
    const ids = [starts.filter((s) => toDist.get(s) === length).sort(compareIds)[0]];
    for (let left = length - 1; left >= 0; left--) {
      const here = ids[ids.length - 1];
      const next = this.neighbours(here).find((w) => toDist.get(w) === left && (w === to || this.isPassable(w)));
      if (next === undefined) throw new Error(`no step from ${here} towards ${to}`);
      ids.push(next);
    }
    return this.toPath(ids);
  }

  private toPath(ids: string[]): FoundPath {
    return { ids, edges: ids.slice(1).map((id, i) => this.edge(ids[i], id)) };
  }
}

/** A count of steps that throws BudgetExceeded once spent. */
export class Budget {
  private left: number;
  constructor(readonly total: number) {
    this.left = total;
  }
  spend(n = 1): void {
    this.left -= n;
    if (this.left < 0) throw new BudgetExceeded(`more than ${this.total} steps`);
  }
  get remaining(): number {
    return Math.max(0, this.left);
  }
}
