import type { LoggedChange } from '../write/change-log/change.model';
import type { ChangeFeedService } from './change-feed.service';
import { type ChangeFilter, matches } from './change-filter';
import type { ChangeTailer } from './change-tailer';
import { comparePositions, type Position } from './position';

/** Changes read from the log per replay round trip. */
const REPLAY_PAGE = 500;
/** Wait before reading the log again after a failed read. */
const REPLAY_RETRY_MS = 500;

export interface SubscriptionLimits {
  /** events held for a subscription; beyond, it reads on from the log as its client consumes */
  maxBuffered: number;
  /** a client that takes no event for this long while events wait is cut off */
  stallMs: number;
}

/** What a subscription needs from the connection it sends on (src/live/read-window.ts measures it). */
export interface SubscriptionOutlet {
  /** the client has more unread than allowed: events wait until caughtUp() */
  readonly behind: boolean;
  caughtUp(): Promise<void>;
  /** the client took no event for stallMs while events waited: cut it off */
  stalled(): void;
}

/** A connection that is never behind (a subscription run outside graphql-ws). */
export const UNPACED: SubscriptionOutlet = { behind: false, caughtUp: () => Promise.resolve(), stalled: () => undefined };

/**
 * One `graphChanged` subscription as an async iterator. Resuming `after` a position, it first
 * replays the log from Neo4j page by page as the client consumes it, then streams what the tailer
 * hands over. Every change is compared with the last position handed on, so an event seen by both
 * the replay and the tail goes out once, and none is skipped: live events that arrive during the
 * replay wait (bounded) and are drained after it, or, when too many arrive, the replay simply runs
 * on until the log holds nothing newer. Memory is bounded the same way: when more than
 * `maxBuffered` events wait (a bulk import's burst), the subscription stops holding them and reads
 * on from the log as its client consumes (a million-row import never sits in memory). While the
 * connection is behind (its client has not read what was sent), the next event waits. A client
 * that pulls nothing for `stallMs` while events wait (its socket takes no more) is cut off.
 */
export class LiveSubscription implements AsyncIterableIterator<LoggedChange> {
  private readonly queue: LoggedChange[] = [];
  /** live events that arrived while replaying */
  private pending: LoggedChange[] = [];
  private pendingOverflowed = false;
  private replaying: boolean;
  private last: Position | undefined;
  /** wakes a next() waiting for a live event */
  private wake: (() => void) | undefined;
  private done = false;
  /** a next() is running: the client (graphql-ws) is waiting for an event */
  private pulling = false;
  /** when the last next() returned */
  private lastTaken = Date.now();
  private readonly unlisten: () => void;

  constructor(
    private readonly filter: ChangeFilter,
    private readonly feed: ChangeFeedService,
    tailer: ChangeTailer,
    after: Position | undefined,
    private readonly limits: SubscriptionLimits,
    private readonly outlet: SubscriptionOutlet,
  ) {
    this.replaying = after !== undefined;
    // without `after`, the stream starts after what this process's tail has handed on already
    this.last = after ?? { seq: tailer.head, index: Number.MAX_SAFE_INTEGER };
    this.unlisten = tailer.listen((c) => this.onLive(c));
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  async next(): Promise<IteratorResult<LoggedChange>> {
    this.pulling = true;
    try {
      return await this.take();
    } finally {
      this.pulling = false;
      this.lastTaken = Date.now();
    }
  }

  private async take(): Promise<IteratorResult<LoggedChange>> {
    for (;;) {
      if (this.done) return { done: true, value: undefined };
      if (this.queue.length) {
        if (this.outlet.behind) {
          await this.outlet.caughtUp();
          continue;
        }
        return { done: false, value: this.queue.shift() as LoggedChange };
      }
      if (!this.replaying) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      try {
        await this.replayPage();
      } catch {
        // the database is down or slow: like the tail, try again from the same position, losing nothing
        await new Promise((r) => setTimeout(r, REPLAY_RETRY_MS));
      }
    }
  }

  async return(): Promise<IteratorResult<LoggedChange>> {
    this.close();
    return { done: true, value: undefined };
  }

  async throw(err: unknown): Promise<IteratorResult<LoggedChange>> {
    this.close();
    throw err;
  }

  get buffered(): number {
    return this.queue.length + this.pending.length;
  }

  close(): void {
    if (this.done) return;
    this.done = true;
    this.unlisten();
    this.queue.length = 0;
    this.pending = [];
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async replayPage(): Promise<void> {
    // a page never holds more than the buffer may
    const size = Math.min(REPLAY_PAGE, this.limits.maxBuffered);
    const page = await this.feed.after(this.last, size);
    for (const c of page) this.accept(c);
    if (page.length < size) {
      if (this.pendingOverflowed) {
        // too many arrived to hold: the log has them, read on
        this.pendingOverflowed = false;
        this.pending = [];
        return;
      }
      this.replaying = false;
      const pending = this.pending;
      this.pending = [];
      for (const c of pending) this.accept(c);
    }
  }

  private onLive(c: LoggedChange): void {
    if (this.done) return;
    // graphql-ws pulls the next event once the last one's send completed: no pull for stallMs
    // while events wait means the socket takes no more (the client stopped reading long ago)
    if (!this.pulling && this.queue.length && Date.now() - this.lastTaken > this.limits.stallMs) {
      this.close();
      this.outlet.stalled();
      return;
    }
    if (this.replaying) {
      if (this.pending.length < this.limits.maxBuffered) this.pending.push(c);
      else this.pendingOverflowed = true;
      return;
    }
    if (this.queue.length >= this.limits.maxBuffered) {
      // hold no more: what follows is read from the log once the queue is consumed
      this.replaying = true;
      this.pendingOverflowed = true;
      return;
    }
    this.accept(c);
    if (this.queue.length) this.wakeUp();
  }

  /** Hands `c` on if it comes after the last position handed on and matches the filter. */
  private accept(c: LoggedChange): void {
    if (this.last && comparePositions(c, this.last) <= 0) return;
    this.last = { seq: c.seq, index: c.index };
    if (matches(this.filter, c.change)) this.queue.push(c);
  }
}
