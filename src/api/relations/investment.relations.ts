import { Entity } from '../types/entity.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Participant } from '../types/relationship.type';
import { Investment } from '../types/investment.type';

export const InvestmentRelationshipResolver = relationshipResolver(Investment, 'Investment', {
  investors: { description: 'who invests or spends, each in its role (INVESTOR_IN, inbound)', returns: () => Participant },
  investees: { description: 'who raised the money (RAISED, inbound)', returns: () => Entity },
  funds: { description: 'the sectors and products the money goes to (FUNDS)', returns: () => Entity },
  about: C.about,
  relatedFacts: C.relatedFacts,
});
