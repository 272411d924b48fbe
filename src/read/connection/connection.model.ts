import type { EntityView } from '../entity/entity.view';

import type { CountOrderField } from '../../model/relationships';

/** Orderings by a count of the entity's relationships (COUNT_ORDERS in src/model/relationships.ts). */
export type { CountOrderField };
export type OrderField = 'NAME' | 'DATE' | 'CREATED_AT' | CountOrderField;
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
