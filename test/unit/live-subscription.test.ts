import { LiveSubscription, UNPACED } from '../../src/live/live-subscription';
import type { ChangeFeedService } from '../../src/live/change-feed.service';
import type { ChangeTailer, ChangeListener } from '../../src/live/change-tailer';
import type { LoggedChange } from '../../src/write/change-log/change.model';
import { comparePositions, type Position } from '../../src/live/position';

/** The log as an array, the tail as a list of listeners: the subscription's logic alone. */
function harness(maxBuffered: number) {
  const log: LoggedChange[] = [];
  const listeners = new Set<ChangeListener>();
  const tailer = { head: 0, listen: (l: ChangeListener) => (listeners.add(l), () => listeners.delete(l)) } as unknown as ChangeTailer;
  const feed = { after: async (p: Position | undefined, limit: number) => log.filter((c) => !p || comparePositions(c, p) > 0).slice(0, limit) } as unknown as ChangeFeedService;
  let seq = 0;
  const commit = (n: number) => {
    seq += 1;
    const batch = Array.from({ length: n }, (_, index): LoggedChange => ({ seq, index, at: '', actor: 'a', change: { op: 'ENTITY_CREATED', id: `company:${seq}-${index}`, kind: 'COMPANY', changed: [] } }));
    log.push(...batch);
    for (const c of batch) for (const l of [...listeners]) l(c);
    (tailer as { head: number }).head = seq;
  };
  return { tailer, feed, commit, limits: { maxBuffered, stallMs: 60_000 } };
}

async function take(sub: LiveSubscription, n: number): Promise<LoggedChange[]> {
  const out: LoggedChange[] = [];
  while (out.length < n) out.push((await sub.next()).value as LoggedChange);
  return out;
}

describe('LiveSubscription', () => {
  it('delivers a burst larger than its buffer in order, each change once, reading the rest from the log', async () => {
    const h = harness(50);
    const sub = new LiveSubscription({}, h.feed, h.tailer, undefined, h.limits, UNPACED);
    h.commit(1200);
    h.commit(3);
    const got = await take(sub, 1203);
    expect(got.map((c) => `${c.seq}.${c.index}`)).toEqual([...Array.from({ length: 1200 }, (_, i) => `1.${i}`), '2.0', '2.1', '2.2']);
    expect(sub.buffered).toBe(0);
    // and live again afterwards
    const next = sub.next();
    h.commit(1);
    expect((await next).value).toMatchObject({ seq: 3, index: 0 });
  });

  it('resumes after a position: replays, then streams what arrived meanwhile, nothing twice', async () => {
    const h = harness(50);
    h.commit(2);
    h.commit(2);
    const sub = new LiveSubscription({}, h.feed, h.tailer, { seq: 1, index: 0 }, h.limits, UNPACED);
    const first = await sub.next();
    h.commit(1);
    const rest = await take(sub, 3);
    expect([first.value, ...rest].map((c) => `${c.seq}.${c.index}`)).toEqual(['1.1', '2.0', '2.1', '3.0']);
  });

  it('holds its next event while the connection is behind, and hands it on once the client caught up', async () => {
    const h = harness(50);
    let release: () => void = () => undefined;
    const outlet = { behind: false, caughtUp: () => new Promise<void>((r) => (release = r)), stalled: () => undefined };
    const sub = new LiveSubscription({}, h.feed, h.tailer, undefined, h.limits, outlet);
    h.commit(1);
    expect((await sub.next()).value).toMatchObject({ seq: 1 });
    outlet.behind = true;
    h.commit(1);
    let taken = false;
    const next = sub.next().then((r) => ((taken = true), r));
    await new Promise((r) => setImmediate(r));
    expect(taken).toBe(false);
    outlet.behind = false;
    release();
    expect((await next).value).toMatchObject({ seq: 2 });
  });

  it('is cut off when its client pulls nothing for stallMs while events wait', async () => {
    const h = harness(50);
    let stalled = 0;
    const sub = new LiveSubscription({}, h.feed, h.tailer, undefined, { maxBuffered: 50, stallMs: 1 }, { ...UNPACED, stalled: () => stalled++ });
    h.commit(1);
    await new Promise((r) => setTimeout(r, 20));
    h.commit(1);
    expect(stalled).toBe(1);
    expect(await sub.next()).toEqual({ done: true, value: undefined });
  });

  it('is not cut off while its client waits for an event, however long ago it last took one', async () => {
    const h = harness(50);
    let stalled = 0;
    const sub = new LiveSubscription({}, h.feed, h.tailer, undefined, { maxBuffered: 50, stallMs: 1 }, { ...UNPACED, stalled: () => stalled++ });
    const next = sub.next();
    await new Promise((r) => setTimeout(r, 20));
    h.commit(3);
    expect((await next).value).toMatchObject({ seq: 1, index: 0 });
    expect(stalled).toBe(0);
  });
});
