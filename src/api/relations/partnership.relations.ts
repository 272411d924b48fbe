import { Place } from '../types/place.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Participant } from '../types/relationship.type';
import { Partnership } from '../types/partnership.type';

export const PartnershipRelationshipResolver = relationshipResolver(Partnership, 'Partnership', {
  parties: { description: 'the parties, each in its role (PARTY_TO, inbound)', returns: () => Participant },
  places: { description: 'where it takes place (OCCURRED_IN)', returns: () => Place },
  about: C.about,
  relatedFacts: C.relatedFacts,
});
