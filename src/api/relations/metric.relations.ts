import { Entity } from '../types/entity.type';
import { Place, Sector } from '../types/place.type';
import { COMMON_RELATIONS as C } from './common.relations';
import { relationshipResolver } from '../resolvers/relationship.resolver';
import { Metric } from '../types/metric.type';

export const MetricRelationshipResolver = relationshipResolver(Metric, 'Metric', {
  subjects: { description: 'what was measured: a company, a product, ... (SUBJECT_OF, inbound)', returns: () => Entity },
  reportedBy: { description: 'who reported the figure, e.g. a research firm (REPORTED_BY)', returns: () => Entity },
  market: { description: 'the market it measures (IN_MARKET)', returns: () => Sector },
  region: { description: 'the region it covers (IN_REGION)', returns: () => Place },
  relatedFacts: C.relatedFacts,
});
