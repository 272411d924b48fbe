import type { JsonValue } from '../../graph/subgraph';
import { ENTITY_FIELD_KEYS, HIDDEN_KEYS, type EntityKind } from '../../model/kinds';

/** What every entity record holds: plain data, mapped from a node at the repository edge. */
export interface EntityFields {
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

/**
 * An entity with every stored property: what the request's shared loaders hold, so any resolver
 * may read any field of it. A record fetched for one selection only (entity.view.ts) carries
 * `prefetched`, which this type refuses, so such a record cannot be primed into a shared loader.
 */
export interface EntityRecord extends EntityFields {
  prefetched?: never;
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

/** Stored properties kept out of the top level of a record, where the record's own fields live. */
const RESERVED_TOP_LEVEL = 'prefetched';

/** Maps a node's (already plain) properties to an EntityRecord (built in one pass: it runs for every row). */
export function toEntityRecord(p: Record<string, JsonValue>): EntityRecord {
  return toEntityFields(p) as EntityRecord;
}

/** The same for a node read with only some of its properties (see entity.view.ts). */
export function toEntityFields(p: Record<string, JsonValue>): EntityFields {
  const values = (p.names as string[] | null) ?? [];
  const langs = (p.nameLangs as string[] | null) ?? [];
  const properties: Record<string, JsonValue> = {};
  const record = {} as EntityFields;
  for (const k in p) {
    if (INTERNAL.has(k)) continue;
    properties[k] = p[k];
    if (k !== RESERVED_TOP_LEVEL) record[k] = p[k];
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
