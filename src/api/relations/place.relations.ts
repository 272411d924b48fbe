import { Government } from '../types/company.type';
import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';
import { Investment } from '../types/investment.type';
import { Metric } from '../types/metric.type';
import { Partnership } from '../types/partnership.type';
import { Policy } from '../types/policy.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Place, Sector } from '../types/place.type';

export const PlaceRelationshipResolver = relationshipResolver(Place, 'Place', {
  parent: { description: 'the place it lies in (LOCATED_IN)', returns: () => Place },
  children: { description: 'places that lie in it (LOCATED_IN, inbound)', returns: () => Place },
  headquartersOf: { description: 'organizations headquartered here (HEADQUARTERED_IN, inbound)', returns: () => Entity },
  events: { description: 'events that happen here (OCCURRED_IN, inbound)', returns: () => Event },
  partnerships: { description: 'partnerships carried out here (OCCURRED_IN, inbound)', returns: () => Partnership },
  policies: { description: 'policies that apply here (APPLIES_IN, inbound)', returns: () => Policy },
  governments: { description: 'governments of this place (GOVERNS, inbound)', returns: () => Government },
  metrics: { description: 'metric observations for this region (IN_REGION, inbound) or about it (SUBJECT_OF)', returns: () => Metric },
});

export const SectorRelationshipResolver = relationshipResolver(Sector, 'Sector', {
  entities: { description: 'companies, products and others in this sector (IN_SECTOR, inbound)', returns: () => Entity },
  events: { description: 'events about this sector (ABOUT, inbound)', returns: () => Event },
  partnerships: { description: 'partnerships about this sector (ABOUT, inbound)', returns: () => Partnership },
  investments: { description: 'investments that fund this sector (FUNDS, inbound)', returns: () => Investment },
  metrics: { description: 'metric observations of this market (IN_MARKET, inbound) or about it (SUBJECT_OF)', returns: () => Metric },
  policiesAffecting: C.policiesAffecting,
});
