import { Entity } from '../types/entity.type';
import { Place } from '../types/place.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Policy } from '../types/policy.type';

export const PolicyRelationshipResolver = relationshipResolver(Policy, 'Policy', [
  { name: 'issuers', description: 'who issued it (ISSUED, inbound)', returns: () => Entity, path: hop('ISSUED', 'IN') },
  { name: 'affects', description: 'sectors, products and organizations it affects (AFFECTS)', returns: () => Entity, path: hop('AFFECTS', 'OUT') },
  { name: 'appliesIn', description: 'where it applies (APPLIES_IN)', returns: () => Place, path: hop('APPLIES_IN', 'OUT') },
  C.about,
  C.relatedFacts,
]);
