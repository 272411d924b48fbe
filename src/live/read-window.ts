export interface ReadWindowOptions {
  /** bytes sent and not yet confirmed read beyond which the connection is behind (LIVE_MAX_UNREAD_BYTES) */
  maxUnreadBytes: number;
  /** how long it may stay behind while events wait before it is a slow consumer (LIVE_SLOW_CONSUMER_MS) */
  stallMs: number;
  /** sends a WebSocket ping with this payload; the client's pong echoes it */
  ping(payload: string): void;
  /** the connection stayed behind for stallMs while events waited */
  onStall(unreadBytes: number): void;
}

/**
 * How much of what was sent on one WebSocket its client has read, measured with pings.
 *
 * A send that completes only says the bytes reached the kernel: a client that stops reading fills
 * its receive buffer and our send buffer (several MB on Linux) before any send waits, so neither
 * `bufferedAmount` nor send completion notices it for a long time. So every quarter of
 * `maxUnreadBytes` sent, a ping goes out carrying the count of bytes sent so far; the client's
 * WebSocket answers with a pong echoing it (RFC 6455; browsers and `ws` do so by themselves) only
 * after reading everything before it. Bytes sent and not confirmed so are unread. Past
 * `maxUnreadBytes` the connection is behind: its subscriptions hold their next event (the events
 * wait, bounded, in the subscription or in the change log) until pongs bring it back, and one that
 * stays behind for `stallMs` while events wait is cut off (onStall). What one client makes the
 * kernel hold is so bounded by `maxUnreadBytes` plus one message.
 */
export class ReadWindow {
  private sent = 0;
  private confirmed = 0;
  /** `sent` when the last ping went out */
  private pinged = 0;
  private waiters: (() => void)[] = [];
  private stallTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly opts: ReadWindowOptions) {}

  get unreadBytes(): number {
    return this.sent - this.confirmed;
  }

  get behind(): boolean {
    return !this.closed && this.unreadBytes > this.opts.maxUnreadBytes;
  }

  /** Counts a message handed to the socket. */
  countSent(bytes: number): void {
    this.sent += bytes;
    if (!this.closed && this.sent - this.pinged >= Math.max(1, Math.floor(this.opts.maxUnreadBytes / 4))) {
      this.pinged = this.sent;
      this.opts.ping(String(this.sent));
    }
  }

  /** A pong: everything sent before its ping has been read. Other pongs (keep-alive's, empty) say nothing. */
  confirm(payload: Buffer | string): void {
    const upTo = Number(payload.toString());
    if (!Number.isSafeInteger(upTo) || upTo <= this.confirmed || upTo > this.sent) return;
    this.confirmed = upTo;
    if (!this.behind) this.release();
  }

  /** Settles once the connection is no longer behind, or closed; while it waits, the stall clock runs. */
  caughtUp(): Promise<void> {
    if (!this.behind) return Promise.resolve();
    this.stallTimer ??= setTimeout(() => {
      this.stallTimer = undefined;
      if (this.behind) this.opts.onStall(this.unreadBytes);
    }, this.opts.stallMs);
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    this.release();
  }

  private release(): void {
    clearTimeout(this.stallTimer);
    this.stallTimer = undefined;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
