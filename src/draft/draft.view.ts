/**
 * A stored draft as the API shows it: the contract's `document` (what is still proposed or
 * accepted), and one row per item with the sentence it came from and where that sentence is in
 * the text, so a review page can mark it.
 */
import type { EntityKind } from '../model/kinds';
import type { ImportDocument, ProvenanceInput } from '../write/document/document.types';
import { reviewDocument } from './draft.items';
import type { DraftItem, DraftItemStatus, DraftMention, DraftStatus, StoredDraft } from './draft.model';

export interface DraftItemView {
  id: string;
  status: DraftItemStatus;
  entityId?: string;
  kind?: EntityKind;
  name?: string;
  names?: { lang: string; value: string }[];
  relationshipType?: string;
  from?: string;
  to?: string;
  role?: string;
  section?: string;
  sentence?: string;
  /** where the sentence starts in the draft's text (UTF-16 code units), or null if it is not there verbatim */
  sentenceStart: number | null;
  basis?: string;
  confidence?: number;
  mergedInto?: string;
  data: unknown;
}

export interface DraftView {
  id: string;
  document: ImportDocument;
  text: string;
  title?: string;
  issued?: string;
  status: DraftStatus;
  version: number;
  reason?: string;
  items: DraftItemView[];
  unresolved: DraftMention[];
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  committedAt?: string;
  committedBy?: string;
}

/** The extractor's provenance carries a confidence beside the import document's fields. */
type ExtractedProvenance = ProvenanceInput & { confidence?: number };

function provenanceOf(item: DraftItem): ExtractedProvenance | undefined {
  return (item.entity?.provenance?.[0] ?? item.relationship?.provenance) as ExtractedProvenance | undefined;
}

export function itemView(item: DraftItem, text: string): DraftItemView {
  const p = provenanceOf(item);
  const start = p?.sentence ? text.indexOf(p.sentence) : -1;
  const common = {
    id: item.id,
    status: item.status,
    section: p?.section,
    sentence: p?.sentence,
    sentenceStart: start >= 0 ? start : null,
    basis: p?.basis,
    confidence: typeof p?.confidence === 'number' ? p.confidence : undefined,
    mergedInto: item.mergedInto,
  };
  if (item.entity) {
    const e = item.entity;
    return { ...common, entityId: e.id, kind: e.kind, name: e.name, names: e.names, data: e };
  }
  const r = item.relationship!;
  return { ...common, relationshipType: r.type, from: r.from, to: r.to, role: r.properties?.role, data: r };
}

export function draftView(d: StoredDraft): DraftView {
  return {
    id: d.id,
    document: reviewDocument(d.content),
    text: d.text,
    title: d.title,
    issued: d.issued,
    status: d.status,
    version: d.version,
    reason: d.content.reason,
    items: d.content.items.map((i) => itemView(i, d.text)),
    unresolved: d.content.unresolved,
    createdAt: d.createdAt,
    createdBy: d.createdBy,
    updatedAt: d.updatedAt,
    updatedBy: d.updatedBy,
    committedAt: d.commit?.at,
    committedBy: d.commit?.by,
  };
}
