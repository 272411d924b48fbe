import { Place } from '../place/place.type';
import { COMMON_RELATIONS as C, hop } from '../relationship/common.relations';
import { relationshipResolver } from '../relationship/relationship.resolver';
import { Participant } from '../relationship/relationship.type';
import { Event } from './event.type';

export const EventRelationshipResolver = relationshipResolver(Event, 'Event', [
  { name: 'participants', description: 'who is involved, each in its role (INVOLVED_IN, inbound)', returns: () => Participant, path: hop('INVOLVED_IN', 'IN'), withRole: true },
  { name: 'places', description: 'where it happens (OCCURRED_IN)', returns: () => Place, path: hop('OCCURRED_IN', 'OUT') },
  C.about,
  C.relatedFacts,
]);
