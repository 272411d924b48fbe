import { Company, Government, Organization, Person } from '../company/company.type';
import { EntityResolver } from '../entity/entity.resolver';
import { Event } from '../event/event.type';
import { Investment } from '../investment/investment.type';
import { Metric } from '../metric/metric.type';
import { Partnership } from '../partnership/partnership.type';
import { Place, Sector } from '../place/place.type';
import { Policy } from '../policy/policy.type';
import { Product } from '../product/product.type';
import { Source } from '../source/source.type';
import { SystemResolver } from '../system/system.resolver';
import { MutationResolver } from '../mutation/mutation.resolver';
import { SubgraphResolver, TraceResolver } from '../trace/trace.resolver';
import { CompanyRelationshipResolver, GovernmentRelationshipResolver, OrganizationRelationshipResolver, PersonRelationshipResolver } from '../company/company.relations';
import { EventRelationshipResolver } from '../event/event.relations';
import { InvestmentRelationshipResolver } from '../investment/investment.relations';
import { MetricRelationshipResolver } from '../metric/metric.relations';
import { PartnershipRelationshipResolver } from '../partnership/partnership.relations';
import { PlaceRelationshipResolver, SectorRelationshipResolver } from '../place/place.relations';
import { PolicyRelationshipResolver } from '../policy/policy.relations';
import { ProductRelationshipResolver } from '../product/product.relations';
import { EntityRelatedResolver } from '../relationship/relationship.resolver';
import { EventConnectionNodesResolver, rootConnectionResolvers } from '../entity/connection.resolver';
import { SourceResolver } from '../source/source.resolver';

/** Every resolver class in the schema. Feature folders add theirs here. */
export const resolvers = [
  SystemResolver,
  EntityResolver,
  MutationResolver,
  // paths, connect, neighborhood, timeline and Subgraph.export
  TraceResolver,
  SubgraphResolver,
  // typed relationship fields of each kind, and Entity.related for the rest
  EntityRelatedResolver,
  CompanyRelationshipResolver,
  GovernmentRelationshipResolver,
  OrganizationRelationshipResolver,
  PersonRelationshipResolver,
  ProductRelationshipResolver,
  PartnershipRelationshipResolver,
  InvestmentRelationshipResolver,
  PolicyRelationshipResolver,
  EventRelationshipResolver,
  MetricRelationshipResolver,
  PlaceRelationshipResolver,
  SectorRelationshipResolver,
  // root Relay connections per kind (companies, events, ...)
  ...rootConnectionResolvers,
  EventConnectionNodesResolver,
  SourceResolver,
] as const;

/** Object types reached only through interfaces must be listed so the schema includes them. */
export const orphanedTypes = [Company, Government, Organization, Person, Product, Partnership, Investment, Policy, Event, Metric, Place, Sector, Source];
