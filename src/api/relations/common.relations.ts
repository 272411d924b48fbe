import { Metric } from '../types/metric.type';
import { Sector } from '../types/place.type';
import { Policy } from '../types/policy.type';
import { Entity } from '../types/entity.type';
import type { RelationshipField } from '../resolvers/relationship.resolver';
import type { Direction, RelType } from '../../read/relationship/relationship.model';
import type { RelSpec } from '../../read/relationship/relationship.service';
import type { EntityKind } from '../../model/kinds';

/** One hop over one edge type: the common case of a relationship field's path. */
export function hop(type: RelType, direction: Direction | 'BOTH', kind?: EntityKind): RelSpec[][] {
  return [[{ type, direction, kind }]];
}

/** Fields several kinds share, declared once. */
export const COMMON_RELATIONS = {
  metrics: { name: 'metrics', description: 'metric observations about it (SUBJECT_OF)', returns: () => Metric, path: hop('SUBJECT_OF', 'OUT') },
  sectors: { name: 'sectors', description: 'sectors it is in (IN_SECTOR)', returns: () => Sector, path: hop('IN_SECTOR', 'OUT') },
  policiesAffecting: { name: 'policiesAffecting', description: 'policies that affect it (AFFECTS, inbound)', returns: () => Policy, path: hop('AFFECTS', 'IN') },
  relatedFacts: {
    name: 'relatedFacts',
    description: 'facts linked to this one (RELATED_TO, either way): e.g. the partnership behind an event',
    returns: () => Entity,
    path: hop('RELATED_TO', 'BOTH'),
  },
  about: { name: 'about', description: 'the products and sectors it is about (ABOUT)', returns: () => Entity, path: hop('ABOUT', 'OUT') },
} satisfies Record<string, RelationshipField>;
