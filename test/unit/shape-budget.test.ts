import { runInScope } from '../../src/common/request-context';
import { ShapeBudget } from '../../src/read/planner/shape-budget';

/** A budget on a clock the test moves. */
function budget(opts: { known?: number; perMinute?: number; perClientPerMinute?: number } = {}) {
  let now = 0;
  const shapes = new ShapeBudget({ known: opts.known ?? 100, perMinute: opts.perMinute ?? 100, perClientPerMinute: opts.perClientPerMinute ?? 100, now: () => now });
  return { shapes, advance: (ms: number) => void (now += ms) };
}

/** `admit` as client `client` (an address, as an anonymous request's scope carries it). */
const as = (client: string, f: () => boolean) => runInScope({ requestId: 'r', dbQueries: 0, client }, f);

describe('planning budget of statement shapes', () => {
  it('a new shape spends its units; a known one is sent free; a spent budget declines new shapes only', () => {
    const { shapes } = budget({ perMinute: 10 });
    expect(shapes.admit('a', 6)).toBe(true);
    expect(shapes.admit('b', 6)).toBe(false);
    expect(shapes.admit('a', 6)).toBe(true);
    expect(shapes.admit('c', 4)).toBe(true);
    expect(shapes.counts).toEqual({ known: 1, new: 2, declined: 1 });
  });

  it('refills continuously, full after a minute', () => {
    const { shapes, advance } = budget({ perMinute: 60 });
    expect(shapes.admit('a', 60)).toBe(true);
    advance(30_000);
    expect(shapes.admit('b', 31)).toBe(false);
    expect(shapes.admit('b', 30)).toBe(true);
    advance(10 * 60_000);
    expect(shapes.admit('c', 60)).toBe(true);
    expect(shapes.admit('d', 1)).toBe(false);
  });

  it("each client spends its own share: one client's new shapes do not use up another's", () => {
    const { shapes } = budget({ perMinute: 100, perClientPerMinute: 30 });
    expect(as('10.0.0.1', () => shapes.admit('a', 30))).toBe(true);
    expect(as('10.0.0.1', () => shapes.admit('b', 1))).toBe(false);
    expect(as('10.0.0.2', () => shapes.admit('b', 30))).toBe(true);
    // shapes are shared: what one client had planned is known for all
    expect(as('10.0.0.1', () => shapes.admit('b', 30))).toBe(true);
  });

  it('remembers the last `known` shapes used: a forgotten one is new again', () => {
    const { shapes } = budget({ known: 2, perMinute: 1000 });
    shapes.admit('a', 1);
    shapes.admit('b', 1);
    shapes.admit('a', 1);
    shapes.admit('c', 1);
    expect(shapes.size).toBe(2);
    expect(shapes.counts.new).toBe(3);
    shapes.admit('a', 1);
    expect(shapes.counts.known).toBe(2);
    shapes.admit('b', 1);
    expect(shapes.counts.new).toBe(4);
  });

  it('a budget of 0 sends no new shape', () => {
    const { shapes } = budget({ perMinute: 0 });
    expect(shapes.admit('a', 1)).toBe(false);
    expect(shapes.size).toBe(0);
  });
});
