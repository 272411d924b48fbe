import type { EntityView } from '../entity/entity.view';

/** Orderings by a count of the entity's relationships (connection.cypher.ts COUNT_ORDERS). */
export type CountOrderField = 'DEGREE' | 'PARTNERSHIPS' | 'INVESTMENTS' | 'EVENTS';
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
