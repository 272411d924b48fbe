/**
 * Format adapters: pure functions from the canonical SubgraphData to exactly what each
 * visualization library or desktop tool loads. Every adapter sorts nodes and edges by id, drops
 * edges whose endpoints are missing, and renames properties that would collide with a key the
 * target library reserves, so the same subgraph always yields the same, loadable output.
 */
import type { SubgraphData } from '../subgraph';
import { type CytoscapeExport, toCytoscape } from './cytoscape';
import { toGexf } from './gexf';
import { toGraphML } from './graphml';
import { type GraphologyExport, toGraphology } from './graphology';
import { type JgfExport, toJgf } from './jgf';
import { type NvlExport, toNvl } from './nvl';
import { toVisNetwork, type VisNetworkExport } from './vis-network';

export * from './cytoscape';
export * from './graphology';
export * from './vis-network';
export * from './nvl';
export * from './jgf';
export { toGraphML } from './graphml';
export { toGexf } from './gexf';

/** The GraphQL enum GraphFormat: JSON formats returned inline. */
export type GraphFormat = 'CYTOSCAPE' | 'GRAPHOLOGY' | 'VIS_NETWORK' | 'NVL' | 'JGF';

export const GRAPH_FORMATS: readonly GraphFormat[] = ['CYTOSCAPE', 'GRAPHOLOGY', 'VIS_NETWORK', 'NVL', 'JGF'];

export interface GraphExportByFormat {
  CYTOSCAPE: CytoscapeExport;
  GRAPHOLOGY: GraphologyExport;
  VIS_NETWORK: VisNetworkExport;
  NVL: NvlExport;
  JGF: JgfExport;
}

export type GraphExport = GraphExportByFormat[GraphFormat];

export function exportSubgraph<F extends GraphFormat>(sub: SubgraphData, format: F): GraphExportByFormat[F];
export function exportSubgraph(sub: SubgraphData, format: GraphFormat): GraphExport {
  switch (format) {
    case 'CYTOSCAPE':
      return toCytoscape(sub);
    case 'GRAPHOLOGY':
      return toGraphology(sub);
    case 'VIS_NETWORK':
      return toVisNetwork(sub);
    case 'NVL':
      return toNvl(sub);
    case 'JGF':
      return toJgf(sub);
    default: {
      // Exhaustiveness: adding a format to GraphFormat without a case fails to compile.
      const unknown: never = format;
      throw new Error(`unknown graph format: ${String(unknown)}`);
    }
  }
}

/** File formats served as downloads rather than inline JSON. */
export type GraphFileFormat = 'graphml' | 'gexf';

export interface GraphFile {
  contentType: string;
  /** without the dot */
  extension: GraphFileFormat;
  body: string;
}

export function exportFile(sub: SubgraphData, format: GraphFileFormat): GraphFile {
  switch (format) {
    case 'graphml':
      // No IANA registration exists; this is the type GraphML tools and servers commonly use.
      return { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', body: toGraphML(sub) };
    case 'gexf':
      return { contentType: 'application/gexf+xml; charset=utf-8', extension: 'gexf', body: toGexf(sub) };
    default: {
      const unknown: never = format;
      throw new Error(`unknown graph file format: ${String(unknown)}`);
    }
  }
}
