import { Entity } from '../types/entity.type';
import { Place } from '../types/place.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Policy } from '../types/policy.type';

export const PolicyRelationshipResolver = relationshipResolver(Policy, 'Policy', {
  issuers: { description: 'who issued it (ISSUED, inbound)', returns: () => Entity },
  affects: { description: 'sectors, products and organizations it affects (AFFECTS)', returns: () => Entity },
  appliesIn: { description: 'where it applies (APPLIES_IN)', returns: () => Place },
  about: C.about,
  relatedFacts: C.relatedFacts,
});
