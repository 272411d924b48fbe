import { ReadWindow } from '../../src/live/read-window';

/** The window alone: bytes counted as sent, pings carrying the count, pongs echoing it back. */
function harness(maxUnreadBytes: number, stallMs = 60_000) {
  const pings: string[] = [];
  const stalls: number[] = [];
  const window = new ReadWindow({ maxUnreadBytes, stallMs, ping: (p) => pings.push(p), onStall: (n) => stalls.push(n) });
  return { window, pings, stalls };
}

describe('ReadWindow', () => {
  it('pings every quarter of the window with the bytes sent so far; a pong echoing one confirms them', () => {
    const { window, pings } = harness(400);
    window.countSent(60);
    expect(pings).toEqual([]);
    window.countSent(60);
    expect(pings).toEqual(['120']);
    window.countSent(100);
    expect(pings).toEqual(['120', '220']);
    expect(window.unreadBytes).toBe(220);
    window.confirm(Buffer.from('120'));
    expect(window.unreadBytes).toBe(100);
    // keep-alive's empty pongs, stale and forged ones say nothing
    for (const p of ['', '100', '999', 'x']) window.confirm(Buffer.from(p));
    expect(window.unreadBytes).toBe(100);
  });

  it('is behind past the window until pongs bring it back; caughtUp settles then', async () => {
    const { window, pings } = harness(400);
    for (let i = 0; i < 6; i++) window.countSent(100);
    expect(window.behind).toBe(true);
    let settled = false;
    const waiting = window.caughtUp().then(() => (settled = true));
    window.confirm(pings[0]);
    await Promise.resolve();
    // 500 of 600 bytes still unread
    expect(settled).toBe(false);
    window.confirm(pings[pings.length - 1]);
    await waiting;
    expect(window.behind).toBe(false);
  });

  it('reports a stall when it stays behind for stallMs while an event waits, and not after it caught up', async () => {
    const { window, stalls } = harness(100, 5);
    for (let i = 0; i < 3; i++) window.countSent(100);
    void window.caughtUp();
    await new Promise((r) => setTimeout(r, 30));
    expect(stalls).toEqual([300]);

    const other = harness(100, 20);
    for (let i = 0; i < 3; i++) other.window.countSent(100);
    const waiting = other.window.caughtUp();
    other.window.confirm(other.pings[other.pings.length - 1]);
    await waiting;
    await new Promise((r) => setTimeout(r, 40));
    expect(other.stalls).toEqual([]);
  });

  it('releases its waiters when the connection closes', async () => {
    const { window } = harness(10);
    window.countSent(100);
    const waiting = window.caughtUp();
    window.close();
    await waiting;
    expect(window.behind).toBe(false);
  });
});
