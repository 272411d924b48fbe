import { Place } from '../types/place.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Participant } from '../types/relationship.type';
import { Event } from '../types/event.type';

export const EventRelationshipResolver = relationshipResolver(Event, 'Event', [
  { name: 'participants', description: 'who is involved, each in its role (INVOLVED_IN, inbound)', returns: () => Participant, path: hop('INVOLVED_IN', 'IN'), withRole: true },
  { name: 'places', description: 'where it happens (OCCURRED_IN)', returns: () => Place, path: hop('OCCURRED_IN', 'OUT') },
  C.about,
  C.relatedFacts,
]);
