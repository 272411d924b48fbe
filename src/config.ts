import { availableParallelism } from 'node:os';
import { z } from 'zod';

/**
 * The service's configuration, read from the environment once at start and validated, so a bad
 * value stops the process with a message naming the variable instead of failing later.
 */
const boolFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const port = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 0 && Number(v) <= 65535, 'must be a port number (0-65535)')
    .transform(Number);

const positiveInt = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\d+$/.test(v) && Number(v) > 0, 'must be a positive whole number')
    .transform(Number);

const nonNegativeInt = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^\d+$/.test(v), 'must be a whole number (0 or more)')
    .transform(Number);

const DURATION_UNITS_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** A duration such as `30d`, `12h`, `15m` or `90s`, in milliseconds. */
const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => /^[1-9]\d{0,6}[smhd]$/.test(v), 'must be a duration like 30d, 12h, 15m or 90s')
    .transform((v) => Number(v.slice(0, -1)) * DURATION_UNITS_MS[v.slice(-1) as keyof typeof DURATION_UNITS_MS]);

export const ROLES = ['reader', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKeyEntry {
  name: string;
  role: Role;
  /** sha256 of the key, hex: the key itself is never configured or stored */
  sha256: string;
}

const API_KEY_ENTRY = /^([A-Za-z0-9_.-]+):(reader|editor|admin):([0-9a-fA-F]{64})$/;

const apiKeys = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean))
  .refine((entries) => entries.every((e) => API_KEY_ENTRY.test(e)), 'each entry must be name:role:sha256hex (role reader, editor or admin; 64 hex digits)')
  .transform((entries): ApiKeyEntry[] =>
    entries.map((e) => {
      const [, name, role, sha256] = API_KEY_ENTRY.exec(e) as RegExpExecArray;
      return { name, role: role as Role, sha256: sha256.toLowerCase() };
    }),
  );

const neo4jUri = z
  .string()
  .optional()
  .refine(
    (v) => v === undefined || v === '' || /^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s/:]+(:\d+)?\/?$/.test(v),
    'must look like bolt://host:7687 or neo4j://host:7687 (schemes: bolt, bolt+s, bolt+ssc, neo4j, neo4j+s, neo4j+ssc)',
  )
  .transform((v) => (v ? v : undefined));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port('4000'),
  HOST: z.string().default('127.0.0.1'),
  NEO4J_URI: neo4jUri,
  NEO4J_USERNAME: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z0-9.-]+$/, 'must be a database name').default('neo4j'),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j-5.26'),
  NEO4J_LOCAL_PORT: port('7687'),
  NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must be a JVM size like 768m or 1g').default('768m'),
  NEO4J_TX_TIMEOUT_MS: positiveInt('15000'),
  // the local Neo4j's restarts after its JVM dies (docs/operations.md)
  NEO4J_RESTART_MAX: positiveInt('5'),
  NEO4J_RESTART_BACKOFF_MS: positiveInt('1000'),
  NEO4J_START_TIMEOUT_MS: positiveInt('120000'),
  NEO4J_CONNECTION_TIMEOUT_MS: positiveInt('5000'),
  NEO4J_ACQUISITION_TIMEOUT_MS: positiveInt('5000'),
  SEED_ON_EMPTY: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CORS_ORIGINS: csv,
  REQUIRE_AUTH_FOR_READS: boolFlag,
  ENABLE_INTROSPECTION: boolFlag,
  // `name:role:sha256hex,...`: only hashes of the keys are configured (docs/security.md)
  API_KEYS: apiKeys,
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit secret)').optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  SHUTDOWN_GRACE_MS: positiveInt('10000'),
  // Operation limits, checked before any database work (docs/security.md lists them with defaults)
  LIMIT_MAX_DEPTH: positiveInt('12'),
  LIMIT_MAX_ALIASES: positiveInt('15'),
  LIMIT_MAX_DIRECTIVES: positiveInt('50'),
  LIMIT_MAX_TOKENS: positiveInt('2000'),
  LIMIT_MAX_COST: positiveInt('50000'),
  LIMIT_MAX_PAGE_SIZE: positiveInt('2000'),
  BODY_LIMIT: z
    .string()
    .default('512kb')
    .refine((v) => /^\d+(b|kb|mb)$/.test(v), 'must be a size like 512kb or 1mb'),
  IMPORT_MAX_ITEMS: positiveInt('5000'),
  // API processes (node:cluster) sharing one Neo4j; 1 = a single process, no cluster
  WEB_CONCURRENCY: z
    .string()
    .default(String(availableParallelism()))
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 64, 'must be a whole number of processes from 1 to 64')
    .transform(Number),
  // compiled: queries run as code compiled once per document (graphql-jit); standard: graphql-js execute
  GRAPHQL_EXECUTION: z.enum(['compiled', 'standard']).default('compiled'),
  // The change log and live updates (docs/operations.md, docs/security.md)
  CHANGE_LOG_RETENTION: duration('30d'),
  CHANGE_LOG_MAX_CHANGES: nonNegativeInt('0'),
  CHANGE_LOG_PRUNE_INTERVAL_MS: positiveInt('60000'),
  LIVE_POLL_INTERVAL_MS: positiveInt('250'),
  LIVE_MAX_CONNECTIONS: positiveInt('5000'),
  LIVE_MAX_SUBSCRIPTIONS: positiveInt('20'),
  LIVE_MAX_BUFFERED_EVENTS: positiveInt('1000'),
  // a client that stops reading is cut off (4413) after LIVE_SLOW_CONSUMER_MS once LIVE_MAX_UNREAD_BYTES
  // wait for it; the keep-alive's drop (no pong, no close code) must come later, so it is longer
  LIVE_MAX_UNREAD_BYTES: positiveInt('262144'),
  LIVE_SLOW_CONSUMER_MS: positiveInt('10000'),
  LIVE_KEEPALIVE_MS: nonNegativeInt('30000'),
  // the background ranking job: check for changes every RANKING_REFRESH_MS (the entity and
  // relationship counts and the change log's head); RANKING_MAX_AGE_MS: recompute once the result is
  // this old only while the change log has no head to compare (a graph emptied outside the service)
  RANKING_REFRESH_MS: positiveInt('30000'),
  RANKING_MAX_AGE_MS: positiveInt('600000'),
  // off: no PAGERANK job (its thread holds the whole graph while it runs: ~1.4 GB at a million
  // entities); ranking(by: PAGERANK) then answers BAD_USER_INPUT, DEGREE is unaffected
  RANKING_PAGERANK: z.enum(['on', 'off']).default('on'),
  // the transaction timeout of imports (importDocument, npm run import, first start's seed)
  IMPORT_TX_TIMEOUT_MS: positiveInt('120000'),
  // relationships one paths/connect request may read before it answers QUERY_TOO_COMPLEX
  TRACE_EXPANSION_BUDGET: positiveInt('50000'),
  // the planning budget: statement shapes remembered as planned, and the units (subqueries) of new
  // ones Neo4j may be sent per minute, per process and per client (docs/security.md; 0 = none)
  PLAN_KNOWN_SHAPES: positiveInt('500'),
  PLAN_BUDGET_PER_MINUTE: nonNegativeInt('300'),
  PLAN_BUDGET_PER_CLIENT_PER_MINUTE: nonNegativeInt('100'),
});

export type Config = z.output<typeof envSchema>;

export class ConfigError extends Error {}

/** Parses the given environment; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
