import { Metric } from '../types/metric.type';
import { Sector } from '../types/place.type';
import { Policy } from '../types/policy.type';
import { Entity } from '../types/entity.type';
import type { RelationFieldType } from '../resolvers/relationship.resolver';

/** Fields several kinds share, declared once (how they read the graph: read/relationship/relationship.fields.ts). */
export const COMMON_RELATIONS = {
  metrics: { description: 'metric observations about it (SUBJECT_OF)', returns: () => Metric },
  sectors: { description: 'sectors it is in (IN_SECTOR)', returns: () => Sector },
  policiesAffecting: { description: 'policies that affect it (AFFECTS, inbound)', returns: () => Policy },
  relatedFacts: { description: 'facts linked to this one (RELATED_TO, either way): e.g. the partnership behind an event', returns: () => Entity },
  about: { description: 'the products and sectors it is about (ABOUT)', returns: () => Entity },
} satisfies Record<string, RelationFieldType>;
