import { KIND_OBJECT_TYPES } from './types/kinds';
import { EntityResolver } from './resolvers/entity.resolver';
import { SystemResolver } from './resolvers/system.resolver';
import { MutationResolver } from './resolvers/mutation.resolver';
import { DraftResolver } from './resolvers/draft.resolver';
import { GraphNodeResolver, SubgraphResolver, TraceResolver } from './resolvers/trace.resolver';
import { CompanyRelationshipResolver, GovernmentRelationshipResolver, OrganizationRelationshipResolver, PersonRelationshipResolver } from './relations/company.relations';
import { EventRelationshipResolver } from './relations/event.relations';
import { InvestmentRelationshipResolver } from './relations/investment.relations';
import { MetricRelationshipResolver } from './relations/metric.relations';
import { PartnershipRelationshipResolver } from './relations/partnership.relations';
import { PlaceRelationshipResolver, SectorRelationshipResolver } from './relations/place.relations';
import { PolicyRelationshipResolver } from './relations/policy.relations';
import { ProductRelationshipResolver } from './relations/product.relations';
import { EntityRelatedResolver } from './resolvers/relationship.resolver';
import { rootConnectionResolvers } from './resolvers/connection.resolver';
import { SourceResolver } from './resolvers/source.resolver';
import { ChangeResolver } from './resolvers/change.resolver';
import { AnalyticsResolver } from './resolvers/analytics.resolver';

/** Every resolver class in the schema. Feature folders add theirs here. */
export const resolvers = [
  SystemResolver,
  EntityResolver,
  MutationResolver,
  // draftFromText and the review of drafts
  DraftResolver,
  // paths, connect, neighborhood, timeline and Subgraph.export
  TraceResolver,
  SubgraphResolver,
  GraphNodeResolver,
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
  SourceResolver,
  // the change feed (changes) and live updates (graphChanged)
  ChangeResolver,
  // ranking (whole-graph, from the background job)
  AnalyticsResolver,
] as const;

/** Object types reached only through interfaces must be listed so the schema includes them. */
export const orphanedTypes = [...KIND_OBJECT_TYPES];
