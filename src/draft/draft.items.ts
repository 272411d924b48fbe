/**
 * The review's rules, as pure functions over a draft's content: which items there are, what an
 * accept / reject / edit / merge does to them, and which import document a commit writes. No
 * database here: the service loads the draft, applies one of these and stores the result.
 */
import { BadUserInputError } from '../common/errors';
import { idPrefix, isEntityKind, kindOfId, type EntityKind } from '../model/kinds';
import type { EntityInput, ImportDocument, PropertyValue, RelationshipInput } from '../write/document/document.types';
import { validateDocument } from '../write/document/document.validate';
import type { DraftContent, DraftItem, DraftItemStatus, DraftMention } from './draft.model';

/** What the extractor hands over (src/ingest/draft.model.ts DraftResult, structurally). */
export interface ExtractedDraft {
  document: ImportDocument;
  unresolved: DraftMention[];
  reason?: string;
}

/** One item per drafted entity and relationship, all PROPOSED; the source is the draft's own. */
export function contentFromExtraction(result: ExtractedDraft): DraftContent {
  const doc = result.document;
  return {
    source: doc.source,
    external: [...(doc.external ?? [])],
    items: [
      ...doc.entities.map((entity, i): DraftItem => ({ id: `e${i}`, status: 'PROPOSED', entity })),
      ...doc.relationships.map((relationship, i): DraftItem => ({ id: `r${i}`, status: 'PROPOSED', relationship })),
    ],
    unresolved: result.unresolved.map((m) => ({ text: m.text, sentence: m.sentence, ...(m.section ? { section: m.section } : {}), reason: m.reason })),
    ...(result.reason ? { reason: result.reason } : {}),
  };
}

/**
 * The import document of the items `include` keeps. Endpoints that are neither drafted here nor
 * the source are listed under `external` (the extractor's linked entities and merge targets).
 */
export function documentOf(content: DraftContent, include: (item: DraftItem) => boolean): ImportDocument {
  const kept = content.items.filter(include);
  const entities = kept.flatMap((i) => (i.entity ? [i.entity] : []));
  const relationships = kept.flatMap((i) => (i.relationship ? [i.relationship] : []));
  const defined = new Set([content.source.id, ...entities.map((e) => e.id)]);
  const referenced = new Set(relationships.flatMap((r) => [r.from, r.to]));
  const known = new Set([...content.external, ...content.items.flatMap((i) => (i.mergedInto ? [i.mergedInto] : []))]);
  const external = [...known].filter((id) => referenced.has(id) && !defined.has(id)).sort();
  return { source: content.source, ...(external.length ? { external } : {}), entities, relationships };
}

/** The draft as the contract's `Draft.document`: every item the editor has not rejected or merged away. */
export const reviewDocument = (content: DraftContent): ImportDocument => documentOf(content, (i) => i.status === 'PROPOSED' || i.status === 'ACCEPTED');

/**
 * What a commit imports: the accepted items only. A relationship whose end is a drafted entity
 * that is not accepted cannot be imported alone: that is the editor's call, so it is refused.
 */
export function commitDocument(content: DraftContent): ImportDocument {
  const accepted = content.items.filter((i) => i.status === 'ACCEPTED');
  if (!accepted.length) throw new BadUserInputError('The draft has no accepted item: accept the items to import first', 'id');
  const pending = new Map(content.items.filter((i) => i.entity && i.status !== 'ACCEPTED' && i.status !== 'MERGED').map((i) => [i.entity!.id, i]));
  const dangling = accepted.flatMap((i) => {
    const r = i.relationship;
    if (!r) return [];
    const missing = [r.from, r.to].map((id) => pending.get(id)).filter((x): x is DraftItem => !!x);
    return missing.map((m) => `${i.id} (${r.from} ${r.type} ${r.to}) needs ${m.id} (${m.entity!.id}), which is ${m.status.toLowerCase()}`);
  });
  if (dangling.length) {
    throw new BadUserInputError(`Accepted relationships refer to entities that are not accepted: ${dangling.slice(0, 5).join('; ')}. Accept those entities or reject the relationships`, 'id');
  }
  return documentOf(content, (i) => i.status === 'ACCEPTED');
}

function findItem(content: DraftContent, itemId: string, field: string): DraftItem {
  const item = content.items.find((i) => i.id === itemId);
  if (!item) throw new BadUserInputError(`The draft has no item "${itemId}"`, field);
  return item;
}

/** Accept or reject items; a merged item stays merged (its references already point elsewhere). */
export function decideItems(content: DraftContent, itemIds: readonly string[], status: Extract<DraftItemStatus, 'ACCEPTED' | 'REJECTED'>): DraftContent {
  if (!itemIds.length) throw new BadUserInputError('itemIds is empty: name at least one item', 'itemIds');
  const chosen = new Set(itemIds);
  itemIds.forEach((id, n) => {
    const item = findItem(content, id, `itemIds.${n}`);
    if (item.status === 'MERGED') throw new BadUserInputError(`Item "${id}" was merged into ${item.mergedInto}; it is not imported itself`, `itemIds.${n}`);
  });
  return { ...content, items: content.items.map((i) => (chosen.has(i.id) ? { ...i, status } : i)) };
}

/** An edit of one item: entities take kind, names, description and figures; relationships a role. */
export interface ItemEdit {
  kind?: EntityKind | null;
  name?: string | null;
  names?: { lang: string; value: string }[] | null;
  description?: string | null;
  /** keys to set; a null value removes the key */
  properties?: Record<string, unknown> | null;
  role?: string | null;
}

const ENTITY_FIELDS = ['kind', 'name', 'names', 'description', 'properties'] as const;

/** The language a name is written in, for a renamed entity whose old name is not in its list. */
function scriptLang(value: string): string {
  if (/[\uac00-\ud7a3]/.test(value)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(value)) return 'zh';
  return 'en';
}

/** Applies an edit; the edited item is validated with the import document's rules before it is kept. */
export function editItem(content: DraftContent, itemId: string, edit: ItemEdit): DraftContent {
  const item = findItem(content, itemId, 'itemId');
  if (item.status === 'MERGED') throw new BadUserInputError(`Item "${itemId}" was merged into ${item.mergedInto}; edit the existing entity instead`, 'itemId');
  if (item.relationship) {
    const wrong = ENTITY_FIELDS.find((f) => edit[f] != null);
    if (wrong) throw new BadUserInputError(`edit.${wrong}: item "${itemId}" is a relationship; only its role can be edited`, `edit.${wrong}`);
    if (edit.role == null) throw new BadUserInputError('edit is empty: give the relationship a role', 'edit.role');
    const relationship: RelationshipInput = { ...item.relationship, properties: { ...item.relationship.properties, role: edit.role } };
    checkItems(content, [], [relationship], { '/relationships/0/properties/role': 'edit.role' });
    return replaceItem(content, { ...item, relationship });
  }
  const entity = item.entity!;
  if (edit.role != null) throw new BadUserInputError(`edit.role: item "${itemId}" is an entity; roles belong to its relationships`, 'edit.role');
  if (ENTITY_FIELDS.every((f) => edit[f] === undefined)) throw new BadUserInputError('edit is empty: give a kind, name, names, description or properties', 'edit');
  const kind = edit.kind ?? (entity.kind as EntityKind);
  if (!isEntityKind(kind) || kind === 'SOURCE') throw new BadUserInputError(`edit.kind: ${String(kind)} cannot be drafted`, 'edit.kind');
  const id = kind === entity.kind ? entity.id : `${idPrefix(kind)}:${entity.id.slice(entity.id.indexOf(':') + 1)}`;
  if (id !== entity.id && content.items.some((i) => i.entity?.id === id)) {
    throw new BadUserInputError(`edit.kind: the draft already has an entity "${id}"; merge or reject one of them`, 'edit.kind');
  }
  let names = edit.names ?? entity.names;
  const name = edit.name ?? entity.name;
  if (edit.name != null && !edit.names && !names.some((n) => n.value === name)) {
    const old = names.findIndex((n) => n.value === entity.name);
    names = old >= 0 ? names.map((n, i) => (i === old ? { ...n, value: name } : n)) : [...names, { lang: scriptLang(name), value: name }];
  }
  const properties: Record<string, PropertyValue> = { ...entity.properties };
  for (const [k, v] of Object.entries(edit.properties ?? {})) {
    if (v === null) delete properties[k];
    else properties[k] = v as PropertyValue;
  }
  const description = edit.description === undefined ? entity.description : (edit.description ?? undefined);
  const edited: EntityInput = { ...entity, id, kind, name, names, ...(description ? { description } : { description: undefined }), properties };
  if (!edited.description) delete edited.description;
  const renamed = (x: string) => (x === entity.id ? id : x);
  const items = content.items.map((i) =>
    i.id === item.id ? { ...i, entity: edited } : i.relationship ? { ...i, relationship: { ...i.relationship, from: renamed(i.relationship.from), to: renamed(i.relationship.to) } } : i,
  );
  const touching = items.flatMap((i) => (i.relationship && (i.relationship.from === id || i.relationship.to === id) ? [i.relationship] : []));
  checkItems(content, [edited], touching, { '/entities/0/kind': 'edit.kind', '/entities/0/id': 'edit.kind', '/entities/0/name': 'edit.name', '/entities/0/names': 'edit.names', '/entities/0/description': 'edit.description', '/entities/0/properties': 'edit.properties', '/relationships': 'edit.kind' });
  return { ...content, items };
}

/**
 * A proposed entity is the existing `into` (same kind): the item is not imported, and every
 * drafted relationship that named it now names `into`, which goes under `external`.
 */
export function mergeItem(content: DraftContent, itemId: string, into: string, intoKind: EntityKind): DraftContent {
  const item = findItem(content, itemId, 'itemId');
  if (!item.entity) throw new BadUserInputError(`Item "${itemId}" is a relationship; only entities can be merged`, 'itemId');
  if (item.entity.kind !== intoKind) throw new BadUserInputError(`into: "${into}" is a ${intoKind}, the proposed entity a ${item.entity.kind}; merge only into an entity of the same kind`, 'into');
  const from = item.mergedInto ?? item.entity.id;
  const renamed = (x: string) => (x === from ? into : x);
  return {
    ...content,
    external: content.external.includes(into) ? content.external : [...content.external, into],
    items: content.items.map((i) =>
      i.id === item.id
        ? { ...i, status: 'MERGED', mergedInto: into }
        : i.relationship
          ? { ...i, relationship: { ...i.relationship, from: renamed(i.relationship.from), to: renamed(i.relationship.to) } }
          : i,
    ),
  };
}

function replaceItem(content: DraftContent, item: DraftItem): DraftContent {
  return { ...content, items: content.items.map((i) => (i.id === item.id ? item : i)) };
}

/**
 * Validates edited items with the import document's schema and rules, in a document of their own:
 * other endpoints count as external (their kinds come from their id prefixes). The first error is
 * reported on the edit field it concerns (`fields` maps document paths to argument paths).
 */
function checkItems(content: DraftContent, entities: EntityInput[], relationships: RelationshipInput[], fields: Record<string, string>): void {
  const defined = new Set([content.source.id, ...entities.map((e) => e.id)]);
  const external = [...new Set(relationships.flatMap((r) => [r.from, r.to]))].filter((x) => !defined.has(x) && kindOfId(x));
  const result = validateDocument({ source: content.source, external, entities, relationships }, 'edit');
  if (result.ok) return;
  const [first] = result.errors;
  const match = Object.keys(fields)
    .filter((p) => first.path === p || first.path.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];
  // inside properties and names the key or index is part of the path (edit.properties.amount)
  const nested = match && (fields[match] === 'edit.properties' || fields[match] === 'edit.names');
  const field = match ? fields[match] + (nested ? first.path.slice(match.length).replace(/\//g, '.') : '') : 'edit';
  throw new BadUserInputError(`${field}: ${first.message}`, field);
}

/**
 * Names the draft item behind a path of the commit document (`/entities/2/properties/amount` →
 * `e5.properties.amount`): the commit document holds the accepted items in draft order.
 */
export function itemPath(content: DraftContent, path: string): string | undefined {
  const m = /^\/(entities|relationships)\/(\d+)(\/.*)?$/.exec(path);
  if (!m) return undefined;
  const accepted = content.items.filter((i) => i.status === 'ACCEPTED' && (m[1] === 'entities' ? i.entity : i.relationship));
  const item = accepted[Number(m[2])];
  return item ? `${item.id}${(m[3] ?? '').replace(/\//g, '.')}` : undefined;
}
