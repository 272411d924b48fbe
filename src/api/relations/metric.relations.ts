import { Entity } from '../types/entity.type';
import { Place, Sector } from '../types/place.type';
import { COMMON_RELATIONS as C, hop } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Metric } from '../types/metric.type';

export const MetricRelationshipResolver = relationshipResolver(Metric, 'Metric', [
  { name: 'subjects', description: 'what was measured: a company, a product, ... (SUBJECT_OF, inbound)', returns: () => Entity, path: hop('SUBJECT_OF', 'IN') },
  { name: 'reportedBy', description: 'who reported the figure, e.g. a research firm (REPORTED_BY)', returns: () => Entity, path: hop('REPORTED_BY', 'OUT') },
  { name: 'market', description: 'the market it measures (IN_MARKET)', returns: () => Sector, path: hop('IN_MARKET', 'OUT'), one: true },
  { name: 'region', description: 'the region it covers (IN_REGION)', returns: () => Place, path: hop('IN_REGION', 'OUT'), one: true },
  C.relatedFacts,
]);
