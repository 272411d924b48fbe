import { Entity } from '../types/entity.type';
import { Event } from '../types/event.type';
import { Investment } from '../types/investment.type';
import { Partnership } from '../types/partnership.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Product } from '../types/product.type';

export const ProductRelationshipResolver = relationshipResolver(Product, 'Product', [
  { name: 'makers', description: 'who makes it (MAKES, inbound)', returns: () => Entity, path: hop('MAKES', 'IN') },
  {
    name: 'events',
    description: 'events about it (ABOUT, inbound) or that it takes part in (INVOLVED_IN)',
    returns: () => Event,
    path: [[{ type: 'ABOUT', direction: 'IN', kind: 'EVENT' }, { type: 'INVOLVED_IN', direction: 'OUT', kind: 'EVENT' }]],
  },
  { name: 'partnerships', description: 'partnerships about it (ABOUT, inbound)', returns: () => Partnership, path: hop('ABOUT', 'IN', 'PARTNERSHIP') },
  { name: 'investments', description: 'investments that fund it (FUNDS, inbound)', returns: () => Investment, path: hop('FUNDS', 'IN') },
  C.metrics,
  C.sectors,
  C.policiesAffecting,
]);
