import pino, { Logger } from 'pino';

/** JSON logs on stdout (one line per event), so any log shipper can read them. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'kg-graphql' }, timestamp: pino.stdTimeFunctions.isoTime });
}

export type { Logger };
