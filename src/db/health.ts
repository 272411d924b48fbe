import type { Logger } from 'pino';
import type { Database } from './database';

/**
 * Pings the database on an interval and flips `db.available`, so that during an outage readiness
 * turns 503 within seconds and requests fail fast instead of each waiting on the connection pool.
 */
export class HealthMonitor {
  private timer?: NodeJS.Timeout;
  private running = false;
  migrationsApplied = false;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly intervalMs = 1000,
  ) {}

  get ready(): boolean {
    return this.migrationsApplied && this.db.available;
  }

  start(): void {
    this.timer = setInterval(() => void this.check(), this.intervalMs);
    this.timer.unref();
  }

  async check(): Promise<boolean> {
    if (this.running) return this.db.available;
    this.running = true;
    try {
      const ok = await this.db.ping();
      if (ok !== this.db.available) {
        this.logger[ok ? 'info' : 'error']({ database: ok ? 'up' : 'down' }, ok ? 'database is back' : 'database is unavailable');
      }
      this.db.available = ok;
      return ok;
    } finally {
      this.running = false;
    }
  }

  /** The local Neo4j's JVM is known dead: readiness off and requests refused now, not at the next ping. */
  markDown(): void {
    if (this.db.available) this.logger.error({ database: 'down' }, 'database is unavailable');
    this.db.available = false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
