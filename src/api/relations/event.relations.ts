import { Place } from '../types/place.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Participant } from '../types/relationship.type';
import { Event } from '../types/event.type';

export const EventRelationshipResolver = relationshipResolver(Event, 'Event', {
  participants: { description: 'who is involved, each in its role (INVOLVED_IN, inbound)', returns: () => Participant },
  places: { description: 'where it happens (OCCURRED_IN)', returns: () => Place },
  about: C.about,
  relatedFacts: C.relatedFacts,
});
