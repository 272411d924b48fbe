/**
 * The shape of an import document (one newsletter issue: its source, entities, facts and
 * relationships), as described by schema/document.schema.json and schema/SEED.md.
 * The constants below mirror the schema's enumerations; kinds and relationship types come from the
 * model table (src/model/). A unit test keeps both in step with the schema.
 */
import type { EntityKind, SOURCE_KIND } from '../../model/kinds';
import type { RelationshipType } from '../../model/relationships';

export const METRIC_KINDS = [
  'MARKET_SHARE',
  'MARKET_SIZE',
  'GROWTH_RATE',
  'COMPANY_COUNT',
  'PERFORMANCE_CHANGE',
  'HUMAN_INTERVENTION_CHANGE',
  'CONVERSION_CHANGE',
  'PARAMETER_COUNT',
  'MARKET_CAP',
  'REVENUE',
  'OPERATING_INCOME',
  'NET_INCOME',
  'EPS',
  'PER',
  'PBR',
  'PSR',
  'SHARE_PRICE_RETURN',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

export const BASES = ['REPORTED', 'COMMON_KNOWLEDGE', 'EXTRACTED'] as const;
export type Basis = (typeof BASES)[number];

export const DATE_PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

/** A property value: a scalar or a list of strings (Neo4j property types). */
export type PropertyValue = string | number | boolean | string[];

export interface LocalizedNameInput {
  /** BCP 47 language tag: `ko`, `zh`, `en`, ... */
  lang: string;
  value: string;
}

/** Where a fact was read: becomes a REPORTED_IN edge (entities) or edge properties (relationships). */
export interface ProvenanceInput {
  /** The source's id; defaults to the document's `source.id`. */
  source?: string;
  /** A section id of that source (`source.properties.sections[].id`). */
  section: string;
  /** The sentence or phrase of the source, copied verbatim. */
  sentence: string;
  /**
   * REPORTED: the source states it; COMMON_KNOWLEDGE: widely known, added for context; EXTRACTED:
   * drafted from the text by the extractor (src/ingest), not yet curated.
   */
  basis: Basis;
  /** How sure the extractor was, 0 to 1 (EXTRACTED items); kept in drafts, not stored in the graph. */
  confidence?: number;
  /** What was added beyond the sentence, e.g. a widely known exact date. */
  note?: string;
}

export interface SectionInput {
  id: string;
  title: string;
  /** Metric kinds the section tracks without giving figures (e.g. a valuation table). */
  metricKinds?: MetricKind[];
}

export interface SourceProperties {
  publisher?: string;
  /** `YYYY-MM-DD`: the issue date, or the Monday of the week when only the week is known. */
  issued: string;
  datePrecision?: DatePrecision;
  lang: string;
  title: string;
  url?: string;
  sections: SectionInput[];
}

export interface SourceInput {
  id: string;
  kind?: typeof SOURCE_KIND;
  name: string;
  names: LocalizedNameInput[];
  description?: string;
  properties: SourceProperties;
}

export interface EntityInput {
  id: string;
  kind: EntityKind;
  /** Display name, English where known. */
  name: string;
  /** Every name and alias with its language; includes `name`. */
  names: LocalizedNameInput[];
  description?: string;
  /** Kind-specific properties (schema/MODEL.md, "Kinds"). */
  properties?: Record<string, PropertyValue>;
  /** At least one item for every kind but SOURCE. */
  provenance?: ProvenanceInput[];
}

export interface RelationshipPropertiesInput {
  /** Required on PARTY_TO, INVESTOR_IN (LEAD, PARTICIPANT, SPENDER) and INVOLVED_IN. */
  role?: string;
  description?: string;
}

export interface RelationshipInput {
  type: RelationshipType;
  from: string;
  to: string;
  properties?: RelationshipPropertiesInput;
  provenance?: ProvenanceInput;
}

export interface ImportDocument {
  $schema?: string;
  source: SourceInput;
  /** Ids defined outside this document (an earlier import) that it refers to. */
  external?: string[];
  entities: EntityInput[];
  relationships: RelationshipInput[];
}

export interface ValidationError {
  /** The file (or label) the document came from. */
  file: string;
  /** JSON pointer into the document, e.g. `/entities/3/names/0/lang` (`` for the whole document). */
  path: string;
  /** What is wrong and what was expected. */
  message: string;
}

export type ValidationResult =
  | {
      ok: true;
      document: ImportDocument;
      /** The document's `external` ids that it refers to: the importer checks them in the database. */
      externalIds: string[];
    }
  | { ok: false; errors: ValidationError[] };
