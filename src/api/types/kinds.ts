/**
 * The GraphQL classes of each kind, keyed by the kind's label (= type name = class name): adding
 * a row to the model table without its classes here fails to compile.
 */
import { ENTITY_KINDS, KIND_LABEL, type EntityKind, type KindLabel } from '../../model/kinds';
import { Company, Government, Organization, Person } from './company.type';
import * as filters from './connection.filter';
import { Event } from './event.type';
import { Investment } from './investment.type';
import { Metric } from './metric.type';
import { Partnership } from './partnership.type';
import { Place, Sector } from './place.type';
import { Policy } from './policy.type';
import { Product } from './product.type';
import { Source } from './source.type';
import { EventConnection } from './trace.type';

export type GraphQLClass = abstract new (...args: never[]) => object;

/** The object type of each kind. */
const OBJECT_TYPES: Readonly<Record<KindLabel, GraphQLClass>> = {
  Company, Government, Organization, Person, Product, Partnership, Investment, Policy, Event, Metric, Place, Sector, Source,
};

/** The filter input of each kind's root connection. */
const FILTERS: Readonly<Record<KindLabel, GraphQLClass>> = {
  Company: filters.CompanyFilter,
  Government: filters.GovernmentFilter,
  Organization: filters.OrganizationFilter,
  Person: filters.PersonFilter,
  Product: filters.ProductFilter,
  Partnership: filters.PartnershipFilter,
  Investment: filters.InvestmentFilter,
  Policy: filters.PolicyFilter,
  Event: filters.EventFilter,
  Metric: filters.MetricFilter,
  Place: filters.PlaceFilter,
  Sector: filters.SectorFilter,
  Source: filters.SourceFilter,
};

/** Connection types reused rather than generated (events share `EventConnection` with `timeline`). */
const SHARED_CONNECTIONS: Partial<Readonly<Record<KindLabel, GraphQLClass>>> = { Event: EventConnection };

export interface KindClasses {
  node: GraphQLClass;
  filter: GraphQLClass;
  connection?: GraphQLClass;
}

export function kindClasses(kind: EntityKind): KindClasses {
  const label = KIND_LABEL[kind];
  return { node: OBJECT_TYPES[label], filter: FILTERS[label], connection: SHARED_CONNECTIONS[label] };
}

/** Every kind's object type, in the model's order. */
export const KIND_OBJECT_TYPES: readonly GraphQLClass[] = ENTITY_KINDS.map((k) => OBJECT_TYPES[KIND_LABEL[k]]);
