import neo4j from 'neo4j-driver';

/**
 * Property values in a backup file. JSON cannot tell 1 (INTEGER) from 1.0 (FLOAT), nor a DATE
 * from a string, so each property whose Cypher type is not STRING, BOOLEAN or a list of strings is
 * written with its type (Cypher's valueType(), e.g. "INTEGER NOT NULL", "LIST<DATE NOT NULL> NOT
 * NULL") and restored as that type.
 */
export type Typed = [key: string, value: unknown, type: string];

export interface EncodedProps {
  /** the values as JSON: temporals as their ISO strings */
  p: Record<string, unknown>;
  /** the Cypher type of each property that needs one to come back right */
  t?: Record<string, string>;
}

const PLAIN = /^(STRING|BOOLEAN|LIST<NOTHING>|LIST<(STRING|BOOLEAN) NOT NULL>)( NOT NULL)?$/;
const SUPPORTED = /^(LIST<)?(NOTHING|STRING|BOOLEAN|INTEGER|FLOAT|DATE|ZONED DATETIME|LOCAL DATETIME)( NOT NULL)?(>)?( NOT NULL)?$/;

export function encodeProps(props: Typed[]): EncodedProps {
  const p: Record<string, unknown> = {};
  const t: Record<string, string> = {};
  for (const [key, value, type] of props) {
    if (!SUPPORTED.test(type)) throw new Error(`property "${key}" has the type ${type}, which backups do not support`);
    p[key] = Array.isArray(value) ? value.map(plainValue) : plainValue(value);
    if (!PLAIN.test(type)) t[key] = type;
  }
  return Object.keys(t).length ? { p, t } : { p };
}

const plainValue = (v: unknown): unknown => (v !== null && typeof v === 'object' ? String(v) : v);

/** The properties as the driver must send them: integers as Integer, temporals as their types. */
export function decodeProps({ p, t }: EncodedProps): Record<string, unknown> {
  if (!t) return p;
  const out: Record<string, unknown> = { ...p };
  for (const [key, type] of Object.entries(t)) {
    const base = /(INTEGER|FLOAT|DATE|ZONED DATETIME|LOCAL DATETIME|STRING|BOOLEAN)/.exec(type)?.[1];
    if (!base) throw new Error(`property "${key}" has an unknown type ${type}`);
    const v = p[key];
    out[key] = Array.isArray(v) ? v.map((x) => decodeValue(x, base, key)) : decodeValue(v, base, key);
  }
  return out;
}

const DATE = /^(-?\d{4,})-(\d{2})-(\d{2})$/;
const DATETIME = /^(-?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}(?::\d{2})?)?(?:\[([^\]]+)\])?$/;

function decodeValue(v: unknown, base: string, key: string): unknown {
  if (v === null) return null;
  switch (base) {
    case 'INTEGER':
      return neo4j.int(v as number);
    case 'FLOAT':
      return Number(v);
    case 'DATE': {
      const m = DATE.exec(String(v));
      if (!m) throw new Error(`property "${key}": "${String(v)}" is not a date`);
      return new neo4j.types.Date(Number(m[1]), Number(m[2]), Number(m[3]));
    }
    case 'ZONED DATETIME':
    case 'LOCAL DATETIME': {
      const m = DATETIME.exec(String(v));
      if (!m) throw new Error(`property "${key}": "${String(v)}" is not a datetime`);
      const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0));
      const ns = Number((m[7] ?? '').padEnd(9, '0'));
      if (base === 'LOCAL DATETIME') return new neo4j.types.LocalDateTime(y, mo, d, h, mi, s, ns);
      if (m[9]) return new neo4j.types.DateTime(y, mo, d, h, mi, s, ns, undefined, m[9]);
      return new neo4j.types.DateTime(y, mo, d, h, mi, s, ns, offsetSeconds(m[8] ?? 'Z'));
    }
    default:
      return v;
  }
}

function offsetSeconds(text: string): number {
  if (text === 'Z') return 0;
  const [h, m, s] = text.slice(1).split(':').map(Number);
  return (text[0] === '-' ? -1 : 1) * (h * 3600 + m * 60 + (s ?? 0));
}
