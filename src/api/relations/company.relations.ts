import { Entity } from '../types/entity.type';
import { Place } from '../types/place.type';
import { Policy } from '../types/policy.type';
import { Product } from '../types/product.type';
import { Investment } from '../types/investment.type';
import { Metric } from '../types/metric.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { RelationFieldType, relationshipResolver } from '../resolvers/relationship.resolver';
import { EventParticipation, InvestmentParticipation, PartnershipParticipation } from '../types/relationship.type';
import { Company, Government, Organization, Person } from '../types/company.type';

/** What any actor (company, government, organization, person) takes part in. */
const ACTOR = {
  partnerships: { description: 'partnerships it is party to, with its role (PARTY_TO)', returns: () => PartnershipParticipation },
  partners: { description: 'the other parties of its partnerships', returns: () => Entity },
  investmentsMade: { description: 'investments it made or plans, with its role (INVESTOR_IN)', returns: () => InvestmentParticipation },
  events: { description: 'events it is involved in, with its role (INVOLVED_IN)', returns: () => EventParticipation },
  metricsReported: { description: 'metric observations it reported, e.g. a research firm (REPORTED_BY, inbound)', returns: () => Metric },
  metrics: C.metrics,
  sectors: C.sectors,
  policiesAffecting: C.policiesAffecting,
} satisfies Record<string, RelationFieldType>;

/** What an organization (company, government, other organization) has besides. */
const ORGANIZATION = {
  products: { description: 'products it makes (MAKES)', returns: () => Product },
  policiesIssued: { description: 'policies it issued (ISSUED)', returns: () => Policy },
  investmentsReceived: { description: 'funding it raised (RAISED)', returns: () => Investment },
  headquarters: { description: 'where it is headquartered (HEADQUARTERED_IN)', returns: () => Place },
} satisfies Record<string, RelationFieldType>;

export const CompanyRelationshipResolver = relationshipResolver(Company, 'Company', {
  ...ACTOR,
  ...ORGANIZATION,
  parent: { description: 'the company it belongs to (SUBSIDIARY_OF)', returns: () => Company },
  subsidiaries: { description: 'companies that belong to it (SUBSIDIARY_OF, inbound)', returns: () => Company },
});

export const GovernmentRelationshipResolver = relationshipResolver(Government, 'Government', {
  ...ACTOR,
  ...ORGANIZATION,
  governs: { description: 'places it governs (GOVERNS)', returns: () => Place },
});

export const OrganizationRelationshipResolver = relationshipResolver(Organization, 'Organization', { ...ACTOR, ...ORGANIZATION });

export const PersonRelationshipResolver = relationshipResolver(Person, 'Person', ACTOR);
