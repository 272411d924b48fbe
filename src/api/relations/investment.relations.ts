import { Entity } from '../types/entity.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Participant } from '../types/relationship.type';
import { Investment } from '../types/investment.type';

export const InvestmentRelationshipResolver = relationshipResolver(Investment, 'Investment', [
  { name: 'investors', description: 'who invests or spends, each in its role (INVESTOR_IN, inbound)', returns: () => Participant, path: hop('INVESTOR_IN', 'IN'), withRole: true },
  { name: 'investees', description: 'who raised the money (RAISED, inbound)', returns: () => Entity, path: hop('RAISED', 'IN') },
  { name: 'funds', description: 'the sectors and products the money goes to (FUNDS)', returns: () => Entity, path: hop('FUNDS', 'OUT') },
  C.about,
  C.relatedFacts,
]);
