import pino, { Logger } from 'pino';

/** JSON logs on stdout (one line per event), so any log shipper can read them. */
export function createLogger(level: string, base: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service: 'kg-graphql', ...base }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
