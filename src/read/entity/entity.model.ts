import type { JsonValue } from '../../graph/subgraph';
import { ENTITY_FIELD_KEYS, HIDDEN_KEYS, type EntityKind } from '../../model/kinds';

/** An entity as the service sees it: plain data, mapped from a node at the repository edge. */
export interface EntityRecord {
  id: string;
  kind: EntityKind;
  name: string;
  names: { lang: string; value: string }[];
  description: string | null;
  /** every other stored property (kind-specific fields), JSON-safe */
  properties: Record<string, JsonValue>;
  /** the kind-specific fields again at the top level, so GraphQL types can read them directly */
  [field: string]: unknown;
}

export interface SourceRefRecord {
  sourceId: string;
  section: string | null;
  sentence: string | null;
  basis: string | null;
  note: string | null;
}

/** Stored properties that are bookkeeping, not the entity's own fields. */
const INTERNAL = new Set<string>([...ENTITY_FIELD_KEYS, ...HIDDEN_KEYS]);

/** Maps a node's (already plain) properties to an EntityRecord (built in one pass: it runs for every row). */
export function toEntityRecord(p: Record<string, JsonValue>): EntityRecord {
  const values = (p.names as string[] | null) ?? [];
  const langs = (p.nameLangs as string[] | null) ?? [];
  const properties: Record<string, JsonValue> = {};
  const record = {} as EntityRecord;
  for (const k in p) {
    if (INTERNAL.has(k)) continue;
    properties[k] = p[k];
    record[k] = p[k];
  }
  record.id = p.id as string;
  record.kind = p.kind as EntityKind;
  record.name = p.name as string;
  record.names = values.map((value, i) => ({ lang: langs[i] ?? 'und', value }));
  record.description = (p.description as string | null) ?? null;
  record.properties = properties;
  return record;
}

/** Escapes Lucene's query syntax so user text is searched as words, never as operators. */
export function luceneTerms(text: string): string {
  return text
    .trim()
    .replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&')
    .replace(/\b(AND|OR|NOT|TO)\b/g, (w) => w.toLowerCase());
}
