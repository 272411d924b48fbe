import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { connectionType } from './connection.type';
import { JSONScalar } from '../scalars';
import { EntityKindEnum } from './entity.type';
import { Event } from './event.type';
import type { JsonValue } from '../../graph/subgraph';
import type { EntityKind } from '../../model/kinds';

/** The JSON formats `Subgraph.export` produces, one per visualization library. */
export enum GraphFormat {
  CYTOSCAPE = 'CYTOSCAPE',
  GRAPHOLOGY = 'GRAPHOLOGY',
  VIS_NETWORK = 'VIS_NETWORK',
  NVL = 'NVL',
  JGF = 'JGF',
}
registerEnumType(GraphFormat, {
  name: 'GraphFormat',
  description: 'A graph library whose input format `Subgraph.export` produces',
  valuesConfig: {
    CYTOSCAPE: { description: 'Cytoscape.js: `{ elements: [{ group, data, classes }] }`, pass to cytoscape({ elements })' },
    GRAPHOLOGY: { description: "graphology's serialization (Graph.from / graph.import), with x, y, size and color for sigma.js" },
    VIS_NETWORK: { description: 'vis-network: `{ nodes, edges }`, each ready for a vis-data DataSet' },
    NVL: { description: 'Neo4j Visualization Library: `{ nodes, relationships }`' },
    JGF: { description: 'JSON Graph Format v2: `{ graph: { directed, nodes, edges } }`' },
  },
});

@ObjectType({ description: 'Centrality and community of a node within the graph result it belongs to (a subgraph or one path), computed only when selected' })
export class NodeMetrics {
  @Field(() => Int, { description: "edges of the result at this node (parallel edges each count)" })
  degree!: number;

  @Field(() => Float, { description: 'PageRank over the result read as undirected (damping 0.85, parallel edges weigh more); sums to 1 over the result' })
  pageRank!: number;

  @Field(() => Float, { description: 'betweenness centrality over the result read as undirected, normalized to 0-1 (shortest paths in hops)' })
  betweenness!: number;

  @Field(() => Int, { description: 'Louvain community (seeded, so repeatable), numbered from 0 with the largest community first' })
  community!: number;
}

@ObjectType({ description: 'An entity as a node of a graph result' })
export class GraphNode {
  @Field(() => ID, { description: "the entity's stable id" })
  id!: string;

  @Field(() => EntityKindEnum)
  kind!: EntityKind;

  @Field({ description: 'display name' })
  label!: string;

  @Field(() => JSONScalar, { description: "the entity's own fields, JSON-safe (numbers as numbers, dates ISO 8601)" })
  properties!: Record<string, JsonValue>;

  @Field(() => Int, {
    description:
      'neighbours not included in this result ("+N more"), over the relationships and kinds this query may traverse; ' +
      'counted by relationship, so a hidden node joined by two relationships counts twice; of a node with more than 2000 such ' +
      'relationships every one counts, whatever the kind or dates at its other end (reading them all would cost too much)',
  })
  hiddenNeighbors!: number;

  // resolved by GraphNodeResolver.metrics, only when selected
  metrics!: NodeMetrics;
}

@ObjectType({ description: 'A relationship as an edge of a graph result' })
export class GraphEdge {
  @Field(() => ID, {
    description: 'deterministic: `<source>|<TYPE>|<target>`; derived edges start with `derived:`',
  })
  id!: string;

  @Field({ description: 'relationship type, e.g. PARTY_TO (or a derived type such as PARTNERS_WITH)' })
  type!: string;

  @Field(() => ID, { description: 'id of the node the relationship starts at' })
  source!: string;

  @Field(() => ID, { description: 'id of the node the relationship points to' })
  target!: string;

  @Field(() => JSONScalar, {
    description: "the relationship's own properties (role, provenance); derived edges carry `viaFactIds`",
  })
  properties!: Record<string, JsonValue>;
}

@ObjectType({ description: 'One way two entities are connected, from `from` to `to`' })
export class Path {
  @Field(() => Int, { description: 'number of edges (hops)' })
  length!: number;

  @Field(() => [GraphNode], { description: 'the nodes in path order, `from` first' })
  nodes!: GraphNode[];

  @Field(() => [GraphEdge], { description: 'the edges in path order (each keeps its stored direction)' })
  edges!: GraphEdge[];
}

@ObjectType({ description: 'A set of nodes and the edges among them, ready to draw or export' })
export class Subgraph {
  @Field(() => [GraphNode])
  nodes!: GraphNode[];

  @Field(() => [GraphEdge])
  edges!: GraphEdge[];

  @Field({ description: 'true when a limit cut the result (see each node\'s hiddenNeighbors for "+N more")' })
  truncated!: boolean;
}

/** The page type of `timeline` and of the `events` root connection. */
export const EventConnection = connectionType('Event', Event, {
  connection: 'A page of events, newest first (Relay connection)',
  edge: 'An event on a timeline page, with its cursor',
  cursor: 'opaque keyset cursor; pass it as `after` to continue after this event',
  totalCount: 'events matching the filters, over all pages',
});
