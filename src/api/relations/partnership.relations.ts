import { Place } from '../types/place.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Participant } from '../types/relationship.type';
import { Partnership } from '../types/partnership.type';

export const PartnershipRelationshipResolver = relationshipResolver(Partnership, 'Partnership', [
  { name: 'parties', description: 'the parties, each in its role (PARTY_TO, inbound)', returns: () => Participant, path: hop('PARTY_TO', 'IN'), withRole: true },
  { name: 'places', description: 'where it takes place (OCCURRED_IN)', returns: () => Place, path: hop('OCCURRED_IN', 'OUT') },
  C.about,
  C.relatedFacts,
]);
