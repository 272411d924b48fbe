import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';
import { Investment } from '../types/investment.type';
import { Partnership } from '../types/partnership.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Product } from '../types/product.type';

export const ProductRelationshipResolver = relationshipResolver(Product, 'Product', {
  makers: { description: 'who makes it (MAKES, inbound)', returns: () => Entity },
  events: { description: 'events about it (ABOUT, inbound) or that it takes part in (INVOLVED_IN)', returns: () => Event },
  partnerships: { description: 'partnerships about it (ABOUT, inbound)', returns: () => Partnership },
  investments: { description: 'investments that fund it (FUNDS, inbound)', returns: () => Investment },
  metrics: C.metrics,
  sectors: C.sectors,
  policiesAffecting: C.policiesAffecting,
});
