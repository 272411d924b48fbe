import { Entity } from '../types/entity.type';
import { Place } from '../types/place.type';
import { Policy } from '../types/policy.type';
import { Product } from '../types/product.type';
import { Investment } from '../types/investment.type';
import { Metric } from '../types/metric.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { RelationshipField, relationshipResolver } from '../resolvers/relationship.resolver';
import { EventParticipation, InvestmentParticipation, PartnershipParticipation } from '../types/relationship.type';
import { Company, Government, Organization, Person } from '../types/company.type';

/** What any actor (company, government, organization, person) takes part in. */
const ACTOR: RelationshipField[] = [
  { name: 'partnerships', description: 'partnerships it is party to, with its role (PARTY_TO)', returns: () => PartnershipParticipation, path: hop('PARTY_TO', 'OUT', 'PARTNERSHIP'), withRole: true },
  {
    name: 'partners',
    description: 'the other parties of its partnerships',
    returns: () => Entity,
    path: [...hop('PARTY_TO', 'OUT', 'PARTNERSHIP'), ...hop('PARTY_TO', 'IN')],
    excludeSelf: true,
  },
  { name: 'investmentsMade', description: 'investments it made or plans, with its role (INVESTOR_IN)', returns: () => InvestmentParticipation, path: hop('INVESTOR_IN', 'OUT', 'INVESTMENT'), withRole: true },
  { name: 'events', description: 'events it is involved in, with its role (INVOLVED_IN)', returns: () => EventParticipation, path: hop('INVOLVED_IN', 'OUT', 'EVENT'), withRole: true },
  { name: 'metricsReported', description: 'metric observations it reported, e.g. a research firm (REPORTED_BY, inbound)', returns: () => Metric, path: hop('REPORTED_BY', 'IN') },
  C.metrics,
  C.sectors,
  C.policiesAffecting,
];

/** What an organization (company, government, other organization) has besides. */
const ORGANIZATION: RelationshipField[] = [
  { name: 'products', description: 'products it makes (MAKES)', returns: () => Product, path: hop('MAKES', 'OUT') },
  { name: 'policiesIssued', description: 'policies it issued (ISSUED)', returns: () => Policy, path: hop('ISSUED', 'OUT') },
  { name: 'investmentsReceived', description: 'funding it raised (RAISED)', returns: () => Investment, path: hop('RAISED', 'OUT') },
  { name: 'headquarters', description: 'where it is headquartered (HEADQUARTERED_IN)', returns: () => Place, path: hop('HEADQUARTERED_IN', 'OUT'), one: true },
];

export const CompanyRelationshipResolver = relationshipResolver(Company, 'Company', [
  ...ACTOR,
  ...ORGANIZATION,
  { name: 'parent', description: 'the company it belongs to (SUBSIDIARY_OF)', returns: () => Company, path: hop('SUBSIDIARY_OF', 'OUT'), one: true },
  { name: 'subsidiaries', description: 'companies that belong to it (SUBSIDIARY_OF, inbound)', returns: () => Company, path: hop('SUBSIDIARY_OF', 'IN') },
]);

export const GovernmentRelationshipResolver = relationshipResolver(Government, 'Government', [
  ...ACTOR,
  ...ORGANIZATION,
  { name: 'governs', description: 'places it governs (GOVERNS)', returns: () => Place, path: hop('GOVERNS', 'OUT') },
]);

export const OrganizationRelationshipResolver = relationshipResolver(Organization, 'Organization', [...ACTOR, ...ORGANIZATION]);

export const PersonRelationshipResolver = relationshipResolver(Person, 'Person', ACTOR);
