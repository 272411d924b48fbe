/**
 * The extractor's interface: a newsletter issue's text in, a draft import document out.
 *
 * `draftDocument(request, gazetteer)` (src/ingest/draft.ts) is pure, synchronous and deterministic:
 * it reads no database. What the graph already knows comes in as a `Gazetteer`, which
 * `loadGazetteer(db)` (src/ingest/gazetteer.repository.ts) builds from the database.
 */
import type { EntityKind } from '../model/kinds';
import type { ImportDocument } from '../write/document/document.types';

export interface DraftRequest {
  /** The text (markdown-ish, as the newsletter is sent: `#` sections, `**lead:**` lines, `-` bullets). */
  text: string;
  /** The title; defaults to the first heading. */
  title?: string;
  /** `YYYY-MM-DD`: the issue date. Without it dates are left out of "this week" facts. */
  issued?: string;
}

/** A name the graph knows, in one language. */
export interface GazetteerName {
  lang: string;
  value: string;
}

/** An entity the graph already has (any kind but SOURCE). */
export interface GazetteerEntity {
  id: string;
  kind: EntityKind;
  name: string;
  names: GazetteerName[];
}

/** A participant of an existing fact: who, over which relationship, in which role. */
export interface GazetteerParty {
  id: string;
  /** the relationship type joining them (PARTY_TO, INVESTOR_IN, RAISED, ISSUED, INVOLVED_IN, SUBJECT_OF, ...) */
  type: string;
  role?: string;
}

/** An existing fact, with what is needed to recognise it when a later issue restates it. */
export interface GazetteerFact {
  id: string;
  kind: EntityKind;
  name: string;
  /** partnershipType / investmentType / policyType / eventType / metricKind */
  subtype?: string;
  parties: GazetteerParty[];
  /** key figures and dates: amount, currency, quantity, value, unit, changePct, periodYears, date, ... */
  figures: Record<string, string | number | boolean>;
}

export interface Gazetteer {
  entities: GazetteerEntity[];
  facts: GazetteerFact[];
}

/** A mention the extractor saw but could not turn into an entity or fact, for the reviewer. */
export interface UnresolvedMention {
  text: string;
  /** the sentence it stands in, verbatim */
  sentence: string;
  section?: string;
  reason: string;
}

/** An existing fact the issue states again: the draft adds a source to it instead of a duplicate. */
export interface RestatedFact {
  id: string;
  sentence: string;
  section: string;
}

export interface DraftResult {
  /** An import document (schema/SEED.md); provenance basis `EXTRACTED` with a confidence. */
  document: ImportDocument;
  unresolved: UnresolvedMention[];
  /** Existing facts the issue restates (they appear in `document.entities` with their existing id). */
  restated: RestatedFact[];
  /** Set when the draft is empty: why. */
  reason?: string;
}

export const EMPTY_GAZETTEER: Gazetteer = { entities: [], facts: [] };
