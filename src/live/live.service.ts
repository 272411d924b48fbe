import type { EntityKind } from '../model/kinds';
import type { LoggedChange } from '../write/change-log/change.model';
import type { ChangeFeedService } from './change-feed.service';
import { changeFilter } from './change-filter';
import type { ChangeTailer } from './change-tailer';
import { LiveSubscription, type SubscriptionLimits, UNPACED } from './live-subscription';
import { decodePosition } from './position';

/** WebSocket close codes of the live connection beyond graphql-ws's own (docs/security.md). */
export const CLOSE_CODES = {
  /** graphql-ws's: the token at connection_init was refused, or reads need one */
  unauthorized: 4401,
  /** the client read nothing for LIVE_SLOW_CONSUMER_MS while events waited: a slow consumer */
  slowConsumer: 4413,
  /** the server is shutting down (SIGTERM): reconnect elsewhere, resuming `after` the last position */
  goingAway: 1001,
  /** LIVE_MAX_CONNECTIONS reached */
  tryAgainLater: 1013,
} as const;

/** What a subscription needs from its WebSocket connection. */
export interface LiveConnection {
  /** its client has more unread than LIVE_MAX_UNREAD_BYTES: events wait until caughtUp() */
  readonly behind: boolean;
  caughtUp(): Promise<void>;
  /** closes the connection (all its subscriptions) as a slow consumer (4413) */
  cutOff(reason: string): void;
}

export interface GraphChangedArgs {
  ids?: string[] | null;
  kinds?: EntityKind[] | null;
  relationshipTypes?: string[] | null;
  after?: string | null;
}

/** `graphChanged`: checks its arguments, then streams (and first replays) the changes that match. */
export class LiveService {
  constructor(
    private readonly feed: ChangeFeedService,
    private readonly tailer: ChangeTailer,
    private readonly limits: SubscriptionLimits,
  ) {}

  async subscribe(args: GraphChangedArgs, connection: LiveConnection | undefined): Promise<AsyncIterableIterator<LoggedChange>> {
    const filter = changeFilter(args);
    const after = decodePosition(args.after);
    await this.feed.checkResumable(after);
    const outlet = connection
      ? { get behind() { return connection.behind; }, caughtUp: () => connection.caughtUp(), stalled: () => connection.cutOff(`its socket took no event for ${this.limits.stallMs} ms`) }
      : UNPACED;
    return new LiveSubscription(filter, this.feed, this.tailer, after, this.limits, outlet);
  }
}
