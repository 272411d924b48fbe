/**
 * The in-memory half of the bounded path search: parallel relationships are one step, paths are
 * simple and pass only through passable nodes, and every walk stops when its budget is spent.
 */
import { Budget, BudgetExceeded, type ExpansionRow, KnownGraph } from '../../src/trace/path-search';

const row = (from: string, to: string, type = 'R', passable = true, out = true): ExpansionRow => ({ from, to, type, out, passable });

function graph(rows: ExpansionRow[]): KnownGraph {
  const g = new KnownGraph();
  for (const r of rows) g.add(r);
  return g;
}

const ids = (paths: { ids: string[] }[]) => paths.map((p) => p.ids.join(' ')).sort();

describe('KnownGraph', () => {
  // a - s - b over parallel relationships, and a - c - d - b; e is not passable
  const rows = [
    row('a', 's', 'REPORTED_IN'),
    row('a', 's', 'MENTIONS'),
    row('b', 's', 'REPORTED_IN'),
    row('a', 'c'),
    row('c', 'd'),
    row('d', 'b'),
    row('a', 'e', 'R', false),
    row('e', 'b'),
    row('s', 's'),
  ];

  it('finds each node sequence once, over the parallel relationship with the smallest id', () => {
    const g = graph(rows);
    const budget = new Budget(1000);
    const toB = g.distances(['b'], budget);
    const two = g.pathsOfLength('a', 'b', 2, toB, budget);
    expect(ids(two)).toEqual(['a s b']);
    expect(two[0].edges.map((e) => e.id)).toEqual(['a|MENTIONS|s', 'b|REPORTED_IN|s']);
    expect(ids(g.pathsOfLength('a', 'b', 3, toB, budget))).toEqual(['a c d b']);
    // e is not passable, and no path repeats a node (a - s - a ... is never taken)
    expect(g.pathsOfLength('a', 'b', 4, toB, budget)).toEqual([]);
  });

  it('keeps the stored direction of each relationship', () => {
    const g = graph([row('x', 'y', 'R', true, false)]);
    expect(g.edge('x', 'y')).toEqual({ id: 'y|R|x', source: 'y', type: 'R', target: 'x' });
  });

  it('picks the smallest node sequence among the shortest paths from several starts', () => {
    const g = graph([row('t1', 'm2'), row('t1', 'm1'), row('m1', 'z'), row('m2', 'z'), row('t0', 'q'), row('q', 'r'), row('r', 'z')]);
    const budget = new Budget(1000);
    const toZ = g.distances(['z'], budget);
    expect(g.smallestShortestPath(['t1', 't0'], 'z', toZ, 6)?.ids).toEqual(['t1', 'm1', 'z']);
    expect(g.smallestShortestPath(['t0'], 'z', toZ, 2)).toBeNull();
  });

  it('throws BudgetExceeded once a walk has taken its steps', () => {
    // a complete graph of 12 nodes has millions of simple paths of 10 hops
    const nodes = Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, '0')}`);
    const g = graph(nodes.flatMap((x, i) => nodes.slice(i + 1).map((y) => row(x, y))));
    const budget = new Budget(10_000);
    const toLast = g.distances([nodes[11]], budget);
    expect(() => g.pathsOfLength(nodes[0], nodes[11], 10, toLast, budget)).toThrow(BudgetExceeded);
    expect(budget.remaining).toBe(0);
  });
});
