import { dateFieldOf, KINDS, type EntityKind } from '../../model/kinds';

/**
 * What a root connection's `aggregate` may group and sum, derived from the model table
 * (src/model/kinds.ts): its country, enumerated properties, the properties its measures are
 * grouped by, its sectors, and the year, quarter or month of its date. The GraphQL enums
 * (`<Kind>GroupField`, `<Kind>Measure`) are generated from these lists, so only these names ever
 * reach the Cypher builder.
 */
export type GroupSource =
  | { by: 'property'; property: string }
  | { by: 'sector' }
  | { by: 'year' | 'quarter' | 'month'; property: string };

export interface GroupField {
  /** the GraphQL enum value: COUNTRY, STATUS, PARTNERSHIP_TYPE, SECTOR, YEAR, ... */
  name: string;
  source: GroupSource;
}

export interface Measure {
  /** the GraphQL enum value: AMOUNT, VALUE */
  name: string;
  /** the numeric property */
  field: string;
  /** properties every figure is grouped by (amounts per currency) */
  per: readonly string[];
  /** every entity of the kind has the field and its `per` properties: stats read the covering index */
  indexed: boolean;
}

/** `partnershipType` → `PARTNERSHIP_TYPE` */
export function constantCase(property: string): string {
  return property.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export function groupFields(kind: EntityKind): GroupField[] {
  const row = KINDS[kind];
  const out: GroupField[] = [];
  if (row.countryField) out.push({ name: 'COUNTRY', source: { by: 'property', property: row.countryField } });
  const properties = [...row.enumFields, ...(row.measures ?? []).flatMap((m) => m.per)];
  for (const property of [...new Set(properties)]) out.push({ name: constantCase(property), source: { by: 'property', property } });
  if (row.sectorFilter) out.push({ name: 'SECTOR', source: { by: 'sector' } });
  const date = dateFieldOf(kind);
  if (date) for (const by of ['year', 'quarter', 'month'] as const) out.push({ name: by.toUpperCase(), source: { by, property: date } });
  return out;
}

export function measures(kind: EntityKind): Measure[] {
  return (KINDS[kind].measures ?? []).map((m) => ({ name: constantCase(m.field), field: m.field, per: m.per, indexed: m.required === true }));
}

/** One group's count; `key` null for entities without a value (or with no sector). */
export interface GroupCountRow {
  key: string | null;
  count: number;
}

/** Figures of a measure within one group of its `per` properties. */
export interface MeasureStatsRow {
  group: { field: string; value: string | null }[];
  count: number;
  sum: number;
  min: number;
  max: number;
  avg: number;
}
