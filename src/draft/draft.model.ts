/**
 * A draft under review: the extractor's proposal for one newsletter issue, split into items the
 * editor accepts, rejects, edits or merges into existing entities, then commits. Stored as one
 * `:Draft` node (src/draft/draft.repository.ts) that no read of the graph can see.
 */
import type { EntityInput, ImportDocument, RelationshipInput, SourceInput } from '../write/document/document.types';

export const DRAFT_STATUSES = ['OPEN', 'COMMITTED'] as const;
export type DraftStatus = (typeof DRAFT_STATUSES)[number];

/** PROPOSED until the editor decides; MERGED entities are replaced by an existing entity's id. */
export const DRAFT_ITEM_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED', 'MERGED'] as const;
export type DraftItemStatus = (typeof DRAFT_ITEM_STATUSES)[number];

export interface DraftItem {
  /** stable within the draft: `e<n>` for entities, `r<n>` for relationships */
  id: string;
  status: DraftItemStatus;
  entity?: EntityInput;
  relationship?: RelationshipInput;
  /** the existing entity this proposed entity was merged into */
  mergedInto?: string;
}

export interface DraftMention {
  text: string;
  sentence: string;
  section?: string;
  reason: string;
}

/** What the review works on (stored as JSON on the draft node). */
export interface DraftContent {
  source: SourceInput;
  /** ids of entities the graph already has that the draft refers to */
  external: string[];
  items: DraftItem[];
  unresolved: DraftMention[];
  /** why the draft is empty, when the extractor found nothing to propose */
  reason?: string;
}

export interface DraftCommit {
  at: string;
  by: string;
  summary: unknown;
}

export interface StoredDraft {
  id: string;
  text: string;
  title?: string;
  issued?: string;
  status: DraftStatus;
  /** bumped by every change: a review step on a stale copy is refused (CONFLICT) */
  version: number;
  content: DraftContent;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  commit?: DraftCommit;
}

export type { ImportDocument };
