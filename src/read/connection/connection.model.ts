import type { EntityKindName } from '../../graph/subgraph';
import type { EntityView } from '../entity/entity.view';

/** What a root connection (`companies`, `events`, ...) can filter and sort on, per kind. */
export interface KindConnectionSpec {
  /** the property DATE sorts on and dateFrom/dateTo bound, when the kind has one */
  dateField?: string;
  /** the property the `country` filter matches */
  countryField?: string;
  /** properties filtered by equality with a list of enum values (the filter field has the same name) */
  enumFields: readonly string[];
  /** whether `sector` and `participant` filters apply */
  sector: boolean;
  participant: boolean;
}

export const KIND_CONNECTIONS: Readonly<Record<EntityKindName, KindConnectionSpec>> = {
  COMPANY: { countryField: 'country', enumFields: [], sector: true, participant: false },
  GOVERNMENT: { countryField: 'country', enumFields: ['level'], sector: true, participant: false },
  ORGANIZATION: { countryField: 'country', enumFields: ['orgType'], sector: true, participant: false },
  PERSON: { countryField: 'country', enumFields: [], sector: true, participant: false },
  PRODUCT: { dateField: 'releaseDate', enumFields: ['productType'], sector: true, participant: true },
  PARTNERSHIP: { dateField: 'date', enumFields: ['partnershipType', 'status'], sector: true, participant: true },
  INVESTMENT: { dateField: 'date', enumFields: ['investmentType', 'status'], sector: true, participant: true },
  POLICY: { dateField: 'date', enumFields: ['policyType', 'status'], sector: true, participant: true },
  EVENT: { dateField: 'date', enumFields: ['eventType', 'status'], sector: true, participant: true },
  METRIC: { dateField: 'periodStart', enumFields: ['metricKind', 'unit', 'observationType'], sector: true, participant: true },
  PLACE: { countryField: 'countryCode', enumFields: ['placeType'], sector: false, participant: false },
  SECTOR: { enumFields: [], sector: false, participant: false },
  SOURCE: { dateField: 'issued', enumFields: [], sector: false, participant: false },
};

export type OrderField = 'NAME' | 'DATE' | 'CREATED_AT';
export type OrderDirection = 'ASC' | 'DESC';

export interface ConnectionOrder {
  field: OrderField;
  direction: OrderDirection;
}

/** A filter after validation: only the parts present, values ready to be parameters. */
export interface ConnectionFilter {
  name?: string;
  ids?: string[];
  country?: string;
  sector?: string;
  participant?: string;
  dateFrom?: string;
  dateTo?: string;
  equals: { field: string; values: string[] }[];
}

export interface ConnectionRow {
  entity: EntityView;
  /** the row's sort key as its cursor carries it (dates and datetimes ISO 8601) */
  sortKey: string;
}
