import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { documentSchema, type EntityInput, type ImportDocument, type PropertyValue, type ProvenanceInput, type RelationshipInput } from './document/document.validate';
import { DATE_KEYS, KIND_LABEL, SOURCE_KIND, type EntityKind } from '../model/kinds';
import { isRelationshipType, type RelationshipTypeName } from '../model/relationships';

/**
 * The rows GraphWriter writes, built from validated import-document items (a whole document, or
 * the one entity or relationship of a mutation). Two ways to write the same row:
 * - `merge` (an import): names are added to the ones stored, properties not given are kept, an
 *   existing provenance note is kept;
 * - `replace` (a mutation): the entity or relationship becomes what was sent; properties not
 *   given are removed (a null in `props`), names and the provenance note are replaced.
 * Either way the content hash is the same function of the content, so writing stored content
 * again, by import or by mutation, changes nothing.
 */
export type WriteMode = 'merge' | 'replace';

export interface EntityRow {
  id: string;
  name: string;
  description: string | null;
  names: string[];
  nameLangs: string[];
  /** kind-specific properties as Neo4j stores them; in replace mode null for the ones to remove */
  props: Record<string, unknown>;
  hash: string;
  /** an existing entity found by name (an alias): it keeps its own display name and description */
  merged: boolean;
  replace: boolean;
}

export interface RelationshipRow {
  from: string;
  to: string;
  props: Record<string, unknown>;
  hash: string;
}

/** One REPORTED_IN edge from the entity `id` to a section of the source `source`. */
export interface ProvenanceRow {
  id: string;
  source: string;
  section: string;
  sentence: string;
  basis: string;
  note: string | null;
  replace: boolean;
}

/** Where rows are written: ids remapped to existing entities (alias merge), the document's source. */
export interface RowContext {
  idMap?: ReadonlyMap<string, string>;
  /** the source a provenance item names when it names none (an import document's own source) */
  source?: string;
}

const DATE_KEY_SET = new Set<string>(DATE_KEYS);
const PROVENANCE_EDGE_KEYS = ['sourceId', 'section', 'sentence', 'basis', 'note'];

/** The content hash stored as `contentHash`: equal content, equal hash, nothing rewritten. */
export const contentHash = (v: unknown): string => createHash('sha1').update(JSON.stringify(v)).digest('hex');

/** Property values as Neo4j stores them: ISO dates (`YYYY-MM-DD`) become DATE values. */
export function toNeo4jProps(props: Record<string, PropertyValue | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined) continue;
    if (DATE_KEY_SET.has(k) && typeof v === 'string') {
      const [y, m, d] = v.split('-').map(Number);
      out[k] = new neo4j.types.Date(y, m, d);
    } else out[k] = v;
  }
  return out;
}

type SchemaDefs = Record<string, { properties?: Record<string, unknown> }>;
const schemaKeys = (def: string): string[] => Object.keys((documentSchema.$defs as SchemaDefs)[def]?.properties ?? {});

/** The kind-specific property names of schema/document.schema.json, e.g. COMPANY → country, ticker, website. */
function kindPropertyNames(kind: EntityKind): string[] {
  return schemaKeys(`properties${KIND_LABEL[kind]}`);
}

const nullsFor = (keys: string[]): Record<string, null> => Object.fromEntries(keys.map((k) => [k, null]));
const mapped = (ctx: RowContext, id: string): string => ctx.idMap?.get(id) ?? id;

export function entityRow(e: EntityInput, mode: WriteMode, ctx: RowContext = {}): EntityRow {
  const core = { id: mapped(ctx, e.id), name: e.name, description: e.description ?? null, names: e.names.map((n) => n.value), nameLangs: e.names.map((n) => n.lang) };
  const given = toNeo4jProps(e.properties ?? {});
  const props = mode === 'replace' ? { ...nullsFor(kindPropertyNames(e.kind)), ...given } : given;
  return { ...core, props, hash: contentHash([core, e.properties ?? {}]), merged: ctx.idMap?.has(e.id) ?? false, replace: mode === 'replace' };
}

/** The REPORTED_IN rows of an entity's provenance items. */
export function provenanceRows(e: EntityInput, mode: WriteMode, ctx: RowContext = {}): ProvenanceRow[] {
  return (e.provenance ?? []).map((p) => ({
    id: mapped(ctx, e.id),
    source: sourceOf(p, ctx),
    section: p.section,
    sentence: p.sentence,
    basis: p.basis,
    note: p.note ?? null,
    replace: mode === 'replace',
  }));
}

/**
 * A relationship's properties, with its provenance as edge properties. An import has always left
 * the provenance note out of the edge (and out of its hash); that stays, so re-importing stored
 * data changes nothing. A mutation writes the note.
 */
export function relationshipRow(r: RelationshipInput, mode: WriteMode, ctx: RowContext = {}): RelationshipRow {
  const p = r.provenance;
  const provenance = p ? { sourceId: sourceOf(p, ctx), section: p.section, sentence: p.sentence, basis: p.basis, ...(mode === 'replace' && p.note != null ? { note: p.note } : {}) } : {};
  const given: Record<string, unknown> = { ...(r.properties ?? {}), ...provenance };
  const props = mode === 'replace' ? { ...nullsFor([...schemaKeys('relationshipProperties'), ...PROVENANCE_EDGE_KEYS]), ...given } : given;
  return { from: mapped(ctx, r.from), to: mapped(ctx, r.to), props, hash: contentHash(given) };
}

function sourceOf(p: ProvenanceInput, ctx: RowContext): string {
  const source = p.source ?? ctx.source;
  if (!source) throw new Error('a provenance item without a source outside an import document');
  return source;
}

/** Everything an import document writes, grouped by kind and type in document order (its source first). */
export interface DocumentRows {
  entities: [EntityKind, EntityRow[]][];
  relationships: [RelationshipTypeName, RelationshipRow[]][];
  provenance: ProvenanceRow[];
}

export function documentRows(doc: ImportDocument, idMap: ReadonlyMap<string, string>): DocumentRows {
  const ctx: RowContext = { idMap, source: doc.source.id };
  const source: EntityInput = { ...doc.source, kind: SOURCE_KIND, properties: sourceProperties(doc) };
  const entities = [source, ...doc.entities];
  return {
    entities: [...groupBy(entities, (e) => e.kind as EntityKind)].map(([kind, group]) => [kind, group.map((e) => entityRow(e, 'merge', ctx))]),
    relationships: [...groupBy(doc.relationships.filter((r) => isRelationshipType(r.type)), (r) => r.type as RelationshipTypeName)].map(([type, group]) => [
      type,
      group.map((r) => relationshipRow(r, 'merge', ctx)),
    ]),
    provenance: doc.entities.flatMap((e) => provenanceRows(e, 'merge', ctx)),
  };
}

/** A source's properties as stored: its sections flattened into parallel lists. */
function sourceProperties(doc: ImportDocument): Record<string, PropertyValue> {
  const p = doc.source.properties;
  const props: Record<string, PropertyValue | undefined> = {
    publisher: p.publisher,
    issued: p.issued,
    datePrecision: p.datePrecision,
    lang: p.lang,
    title: p.title,
    url: p.url,
    sectionIds: p.sections.map((s) => s.id),
    sectionTitles: p.sections.map((s) => s.title),
    trackedMetricKinds: [...new Set(p.sections.flatMap((s) => s.metricKinds ?? []))],
  };
  return Object.fromEntries(Object.entries(props).filter(([, v]) => v !== undefined)) as Record<string, PropertyValue>;
}

export function groupBy<T, K extends string>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const group = m.get(k);
    if (group) group.push(it);
    else m.set(k, [it]);
  }
  return m;
}
