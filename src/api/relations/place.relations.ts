import { Government } from '../types/company.type';
import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';
import { Investment } from '../types/investment.type';
import { Metric } from '../types/metric.type';
import { Partnership } from '../types/partnership.type';
import { Policy } from '../types/policy.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Place, Sector } from '../types/place.type';

export const PlaceRelationshipResolver = relationshipResolver(Place, 'Place', [
  { name: 'parent', description: 'the place it lies in (LOCATED_IN)', returns: () => Place, path: hop('LOCATED_IN', 'OUT'), one: true },
  { name: 'children', description: 'places that lie in it (LOCATED_IN, inbound)', returns: () => Place, path: hop('LOCATED_IN', 'IN') },
  { name: 'headquartersOf', description: 'organizations headquartered here (HEADQUARTERED_IN, inbound)', returns: () => Entity, path: hop('HEADQUARTERED_IN', 'IN') },
  { name: 'events', description: 'events that happen here (OCCURRED_IN, inbound)', returns: () => Event, path: hop('OCCURRED_IN', 'IN', 'EVENT') },
  { name: 'partnerships', description: 'partnerships carried out here (OCCURRED_IN, inbound)', returns: () => Partnership, path: hop('OCCURRED_IN', 'IN', 'PARTNERSHIP') },
  { name: 'policies', description: 'policies that apply here (APPLIES_IN, inbound)', returns: () => Policy, path: hop('APPLIES_IN', 'IN') },
  { name: 'governments', description: 'governments of this place (GOVERNS, inbound)', returns: () => Government, path: hop('GOVERNS', 'IN') },
  {
    name: 'metrics',
    description: 'metric observations for this region (IN_REGION, inbound) or about it (SUBJECT_OF)',
    returns: () => Metric,
    path: [[{ type: 'IN_REGION', direction: 'IN' }, { type: 'SUBJECT_OF', direction: 'OUT' }]],
  },
]);

export const SectorRelationshipResolver = relationshipResolver(Sector, 'Sector', [
  { name: 'entities', description: 'companies, products and others in this sector (IN_SECTOR, inbound)', returns: () => Entity, path: hop('IN_SECTOR', 'IN') },
  { name: 'events', description: 'events about this sector (ABOUT, inbound)', returns: () => Event, path: hop('ABOUT', 'IN', 'EVENT') },
  { name: 'partnerships', description: 'partnerships about this sector (ABOUT, inbound)', returns: () => Partnership, path: hop('ABOUT', 'IN', 'PARTNERSHIP') },
  { name: 'investments', description: 'investments that fund this sector (FUNDS, inbound)', returns: () => Investment, path: hop('FUNDS', 'IN') },
  {
    name: 'metrics',
    description: 'metric observations of this market (IN_MARKET, inbound) or about it (SUBJECT_OF)',
    returns: () => Metric,
    path: [[{ type: 'IN_MARKET', direction: 'IN' }, { type: 'SUBJECT_OF', direction: 'OUT' }]],
  },
  C.policiesAffecting,
]);
