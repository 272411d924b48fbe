import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../scalars';
import { documentSchema } from '../../write/document/document.validate';

/**
 * Filter inputs of the root connections. Enumerations are read from the import document schema
 * (schema/document.schema.json), so a value the importer accepts is always one a filter accepts.
 */
function schemaEnum(name: string, def: string, property: string): Record<string, string> {
  const defs = documentSchema.$defs as Record<string, { properties?: Record<string, { enum?: string[] }>; enum?: string[] }>;
  const values = (property ? defs[def]?.properties?.[property]?.enum : defs[def]?.enum) ?? [];
  if (!values.length) throw new Error(`document.schema.json has no enumeration ${def}.${property}`);
  const e = Object.fromEntries(values.map((v) => [v, v]));
  registerEnumType(e, { name });
  return e;
}

export const GovernmentLevel = schemaEnum('GovernmentLevel', 'propertiesGovernment', 'level');
export const OrganizationType = schemaEnum('OrganizationType', 'propertiesOrganization', 'orgType');
export const ProductType = schemaEnum('ProductType', 'propertiesProduct', 'productType');
export const PartnershipType = schemaEnum('PartnershipType', 'propertiesPartnership', 'partnershipType');
export const PartnershipStatus = schemaEnum('PartnershipStatus', 'propertiesPartnership', 'status');
export const InvestmentType = schemaEnum('InvestmentType', 'propertiesInvestment', 'investmentType');
export const InvestmentStatus = schemaEnum('InvestmentStatus', 'propertiesInvestment', 'status');
export const PolicyType = schemaEnum('PolicyType', 'propertiesPolicy', 'policyType');
export const PolicyStatus = schemaEnum('PolicyStatus', 'propertiesPolicy', 'status');
export const EventType = schemaEnum('EventType', 'propertiesEvent', 'eventType');
export const EventStatus = schemaEnum('EventStatus', 'propertiesEvent', 'status');
export const MetricKind = schemaEnum('MetricKind', 'metricKind', '');
export const MetricUnit = schemaEnum('MetricUnit', 'propertiesMetric', 'unit');
export const ObservationType = schemaEnum('ObservationType', 'propertiesMetric', 'observationType');
export const PlaceType = schemaEnum('PlaceType', 'propertiesPlace', 'placeType');

@InputType('NamedFilterBase', { description: 'shared fields of the filters (not used on its own)' })
class NamedFilter {
  @Field(() => String, { nullable: true, description: 'part of any name or alias, in any language, case-insensitive' })
  name?: string | null;

  @Field(() => [ID], { nullable: true, description: 'only these ids' })
  ids?: string[] | null;
}

const SECTOR_DESCRIPTION = 'a sector id: only those in it or about it (IN_SECTOR, ABOUT, AFFECTS, FUNDS, IN_MARKET)';

@InputType('ActorFilterBase', { description: 'shared fields of the filters (not used on its own)' })
class ActorFilter extends NamedFilter {
  @Field(() => ID, { nullable: true, description: SECTOR_DESCRIPTION })
  sector?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code, e.g. CN' })
  country?: string | null;
}

@InputType('DatedFilterBase', { description: 'shared fields of the filters (not used on its own)' })
class DatedFilter extends NamedFilter {
  @Field(() => DateScalar, { nullable: true, description: "on or after this day (the kind's date field)" })
  dateFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "on or before this day (the kind's date field)" })
  dateTo?: string | null;
}

@InputType('FactFilterBase', { description: 'shared fields of the filters (not used on its own)' })
class FactFilter extends DatedFilter {
  @Field(() => ID, { nullable: true, description: SECTOR_DESCRIPTION })
  sector?: string | null;

  @Field(() => ID, { nullable: true, description: 'an entity id: only those linked to it (as a party, investor, issuer, subject, place, ...)' })
  participant?: string | null;
}

@InputType()
export class CompanyFilter extends ActorFilter {}

@InputType()
export class GovernmentFilter extends ActorFilter {
  @Field(() => [GovernmentLevel], { nullable: true })
  level?: string[] | null;
}

@InputType()
export class OrganizationFilter extends ActorFilter {
  @Field(() => [OrganizationType], { nullable: true })
  orgType?: string[] | null;
}

@InputType()
export class PersonFilter extends ActorFilter {}

@InputType({ description: 'dateFrom/dateTo bound releaseDate' })
export class ProductFilter extends FactFilter {
  @Field(() => [ProductType], { nullable: true })
  productType?: string[] | null;
}

@InputType({ description: 'dateFrom/dateTo bound date (when reported signed)' })
export class PartnershipFilter extends FactFilter {
  @Field(() => [PartnershipType], { nullable: true })
  partnershipType?: string[] | null;

  @Field(() => [PartnershipStatus], { nullable: true })
  status?: string[] | null;
}

@InputType({ description: 'dateFrom/dateTo bound date' })
export class InvestmentFilter extends FactFilter {
  @Field(() => [InvestmentType], { nullable: true })
  investmentType?: string[] | null;

  @Field(() => [InvestmentStatus], { nullable: true })
  status?: string[] | null;
}

@InputType({ description: 'dateFrom/dateTo bound date' })
export class PolicyFilter extends FactFilter {
  @Field(() => [PolicyType], { nullable: true })
  policyType?: string[] | null;

  @Field(() => [PolicyStatus], { nullable: true })
  status?: string[] | null;
}

@InputType({ description: 'dateFrom/dateTo bound date' })
export class EventFilter extends FactFilter {
  @Field(() => [EventType], { nullable: true })
  eventType?: string[] | null;

  @Field(() => [EventStatus], { nullable: true })
  status?: string[] | null;
}

@InputType({ description: 'dateFrom/dateTo bound periodStart' })
export class MetricFilter extends FactFilter {
  @Field(() => [MetricKind], { nullable: true })
  metricKind?: string[] | null;

  @Field(() => [MetricUnit], { nullable: true })
  unit?: string[] | null;

  @Field(() => [ObservationType], { nullable: true })
  observationType?: string[] | null;
}

@InputType()
export class PlaceFilter extends NamedFilter {
  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code (countryCode), e.g. CN' })
  country?: string | null;

  @Field(() => [PlaceType], { nullable: true })
  placeType?: string[] | null;
}

@InputType()
export class SectorFilter extends NamedFilter {}

@InputType({ description: 'dateFrom/dateTo bound issued' })
export class SourceFilter extends DatedFilter {}
