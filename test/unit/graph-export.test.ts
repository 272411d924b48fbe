/**
 * Each export is loaded into the real library (or parser) that consumes it, not just shape-checked:
 * Cytoscape headless, graphology `Graph.from`, vis-data `DataSet`, graphology-graphml and
 * graphology-gexf parsers plus fast-xml-parser for the raw XML. NVL needs WebGL, so its output is
 * checked against NVL's own TypeScript types and the same checks its `validateNodes` /
 * `validateRelationships` run.
 */
import type { Node as NvlNodeType, Relationship as NvlRelationshipType } from '@neo4j-nvl/base';
import cytoscape from 'cytoscape';
import { XMLParser } from 'fast-xml-parser';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import {
  exportFile,
  exportSubgraph,
  GRAPH_FORMATS,
  toCytoscape,
  toGexf,
  toGraphML,
  toGraphology,
  toJgf,
  toNvl,
  toVisNetwork,
} from '../../src/graph/export';
import type { SubgraphData } from '../../src/graph/subgraph';
import { CHINESE_LABEL, edgeIds, fixture, KOREAN_LABEL, nodeIds, SPECIAL_NAME } from './graph-export.fixture';

const PARALLEL = ['company:alibaba|INVESTOR_IN|investment:alibaba-ai-capex', 'company:alibaba|RAISED|investment:alibaba-ai-capex'];
/** vis-data's type declarations are ESM-only, so this CommonJS test file loads it via import(). */
async function visDataSets(out: ReturnType<typeof toVisNetwork>) {
  const { DataSet } = await import('vis-data');
  return { nodes: new DataSet(out.nodes), edges: new DataSet(out.edges) };
}

const empty: SubgraphData = { nodes: [], edges: [], truncated: false };
const reversed: SubgraphData = { ...fixture, nodes: [...fixture.nodes].reverse(), edges: [...fixture.edges].reverse() };

describe('toCytoscape', () => {
  const out = toCytoscape(fixture);
  const cy = cytoscape({ headless: true, styleEnabled: false, elements: out.elements });

  it('loads every node and edge with its id', () => {
    expect(cy.nodes().map((n) => n.id())).toEqual(nodeIds);
    expect(cy.edges().map((x) => x.id())).toEqual(edgeIds);
    expect(cy.$id(PARALLEL[0]).source().id()).toBe('company:alibaba');
    expect(cy.edges(`[source = "company:alibaba"][target = "investment:alibaba-ai-capex"]`)).toHaveLength(2);
  });

  it('never makes a compound node and renames the `parent` property', () => {
    expect(cy.nodes().filter((n) => n.isChild() || n.isParent())).toHaveLength(0);
    const alibaba = cy.$id('company:alibaba');
    expect(alibaba.data('parent')).toBeUndefined();
    expect(alibaba.data('parentProp')).toBe('company:alibaba-group');
    expect(alibaba.data('names')).toEqual(['Alibaba', '阿里巴巴', '알리바바']);
    expect(cy.$id('company:baidu').data('type')).toBe('listed');
  });

  it('carries labels, kinds and relationship types for styling', () => {
    expect(cy.$id('company:att-labs').data('label')).toBe(SPECIAL_NAME);
    expect(cy.$('node.COMPANY')).toHaveLength(3);
    expect(cy.$id(PARALLEL[1]).data('relType')).toBe('RAISED');
    expect(cy.$('edge.derived').map((x) => x.id())).toEqual(['derived:company:baidu|PARTNERS_WITH|company:att-labs']);
  });
});

describe('toGraphology', () => {
  const out = toGraphology(fixture);
  const graph = Graph.from(out);

  it('loads with Graph.from and graph.import', () => {
    expect(graph.type).toBe('directed');
    expect(graph.multi).toBe(true);
    expect(graph.nodes()).toEqual(nodeIds);
    expect(graph.edges()).toEqual(edgeIds);
    expect(graph.edges('company:alibaba', 'investment:alibaba-ai-capex').sort()).toEqual(PARALLEL);
    expect(graph.getAttribute('truncated')).toBe(true);
    const imported = new Graph({ type: 'directed', multi: true });
    imported.import(out);
    expect(imported.order).toBe(nodeIds.length);
    expect(imported.size).toBe(edgeIds.length);
  });

  it('gives sigma numeric positions, sizes and colors, and never a `type`', () => {
    graph.forEachNode((id, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y) && Number.isFinite(a.size)).toBe(true);
      expect(a.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(a).not.toHaveProperty('type');
    });
    graph.forEachEdge((id, a) => expect(a).not.toHaveProperty('type'));
    const points = new Set(graph.mapNodes((id, a) => `${a.x},${a.y}`));
    expect(points.size).toBe(nodeIds.length);
    expect(graph.getNodeAttribute('company:baidu', 'typeProp')).toBe('listed');
    expect(graph.getEdgeAttribute('product:qwen3-max|IN_SECTOR|sector:llm', 'typeProp')).toBe('primary');
    expect(graph.getEdgeAttribute(PARALLEL[0], 'relType')).toBe('INVESTOR_IN');
    expect(graph.getEdgeAttribute(PARALLEL[0], 'label')).toBe('INVESTOR_IN');
  });
});

describe('toVisNetwork', () => {
  const out = toVisNetwork(fixture);

  it('loads into vis-data DataSets with every id', async () => {
    const { nodes, edges } = await visDataSets(out);
    expect(nodes.length).toBe(nodeIds.length);
    expect(edges.length).toBe(edgeIds.length);
    expect([...nodes.getIds()]).toEqual(nodeIds);
    expect([...edges.getIds()]).toEqual(edgeIds);
    for (const edge of edges.get()) {
      expect(nodes.get(edge.from)).not.toBeNull();
      expect(nodes.get(edge.to)).not.toBeNull();
      expect(edge.arrows).toBe('to');
    }
  });

  it('uses kind as group and plain-text titles', async () => {
    const { nodes, edges } = await visDataSets(out);
    const att = nodes.get('company:att-labs');
    expect(att?.group).toBe('COMPANY');
    expect(att?.title.split('\n')[0]).toBe(SPECIAL_NAME);
    for (const item of [...nodes.get(), ...edges.get()]) expect(item.title).not.toMatch(/<(br|div|b|p|span)\b/i);
    expect(nodes.get('company:baidu')?.title).toContain('description: 검색 엔진 회사 자율주행 Apollo Go 운영');
    expect(edges.get('derived:company:baidu|PARTNERS_WITH|company:att-labs')?.dashes).toBe(true);
    expect(nodes.get('metric:alibaba-market-cap-2025-09')).not.toHaveProperty('value');
  });
});

describe('toNvl', () => {
  const out = toNvl(fixture);
  // Compile-time check against NVL's own element types.
  const typedNodes: NvlNodeType[] = out.nodes;
  const typedRels: NvlRelationshipType[] = out.relationships;

  it('passes the checks NVL runs on nodes and relationships', () => {
    expect(typedNodes.map((n) => n.id)).toEqual(nodeIds);
    expect(typedRels.map((r) => r.id)).toEqual(edgeIds);
    const ids = new Set(typedNodes.map((n) => n.id));
    for (const n of typedNodes) expect(typeof n.id === 'string' && n.id.length > 0).toBe(true);
    for (const r of typedRels) {
      expect(ids.has(r.from) && ids.has(r.to)).toBe(true);
      expect(r.caption).toBe(r.type);
    }
    expect(out.nodes.find((n) => n.id === 'partnership:baidu-uber')?.caption).toBe(KOREAN_LABEL);
  });
});

describe('toJgf', () => {
  const { graph } = toJgf(fixture);

  it('keys nodes by id and points every edge at existing nodes', () => {
    expect(graph.directed).toBe(true);
    expect(Object.keys(graph.nodes)).toEqual(nodeIds);
    expect(graph.edges.map((x) => x.id)).toEqual(edgeIds);
    for (const edge of graph.edges) {
      expect(graph.nodes[edge.source]).toBeDefined();
      expect(graph.nodes[edge.target]).toBeDefined();
    }
    expect(graph.nodes['government:shanghai'].label).toBe(CHINESE_LABEL);
    expect(graph.nodes['company:alibaba'].metadata.properties.parent).toBe('company:alibaba-group');
    expect(graph.edges.find((x) => x.id === PARALLEL[1])?.relation).toBe('RAISED');
  });
});

type XmlEl = Record<string, unknown>;
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
const first = (el: XmlEl, name: string): XmlEl => (el[name] as XmlEl[])[0];
const all = (el: XmlEl, name: string): XmlEl[] => (el[name] as XmlEl[] | undefined) ?? [];

describe('toGraphML', () => {
  const xml = toGraphML(fixture);

  it('is well-formed GraphML with typed keys for every data value', () => {
    const root = first(xmlParser.parse(xml) as XmlEl, 'graphml');
    const keys = new Map(all(root, 'key').map((k) => [k.id as string, k]));
    const g = first(root, 'graph');
    expect(g.edgedefault).toBe('directed');
    expect(all(g, 'node').map((n) => n.id)).toEqual(nodeIds);
    expect(all(g, 'edge').map((x) => x.id)).toEqual(edgeIds);
    for (const el of [...all(g, 'node'), ...all(g, 'edge')]) {
      for (const d of all(el, 'data')) expect(keys.has(d.key as string)).toBe(true);
    }
    const typeOf = (name: string) => [...keys.values()].find((k) => k['attr.name'] === name && k.for === 'node')?.['attr.type'];
    expect([typeOf('label'), typeOf('kind'), typeOf('parameterCount'), typeOf('closedSource'), typeOf('value')]).toEqual([
      'string',
      'string',
      'long',
      'boolean',
      'double',
    ]);
    const labelKey = [...keys.values()].find((k) => k['attr.name'] === 'label' && k.for === 'node')?.id;
    const att = all(g, 'node').find((n) => n.id === 'company:att-labs') as XmlEl;
    expect(all(att, 'data').find((d) => d.key === labelKey)?.['#text']).toBe(SPECIAL_NAME);
  });

  it('round-trips through graphology-graphml with text intact', () => {
    const graph = parseGraphml(Graph, xml);
    expect(graph.nodes().sort()).toEqual(nodeIds);
    expect(graph.edges().sort()).toEqual(edgeIds);
    expect(graph.getNodeAttribute('company:att-labs', 'label')).toBe(SPECIAL_NAME);
    expect(graph.getNodeAttribute('company:att-labs', 'note & <remark>')).toBe('x < y && z > "w"');
    expect(graph.getNodeAttribute('partnership:baidu-uber', 'label')).toBe(KOREAN_LABEL);
    expect(graph.getNodeAttribute('company:baidu', 'description')).toBe('검색 엔진 회사\n자율주행 Apollo Go 운영');
    expect(graph.getNodeAttribute('product:qwen3-max', 'parameterCount')).toBe(1_000_000_000_000);
    expect(graph.getNodeAttribute('product:qwen3-max', 'closedSource')).toBe(true);
    expect(JSON.parse(graph.getNodeAttribute('company:alibaba', 'names'))).toEqual(['Alibaba', '阿里巴巴', '알리바바']);
    expect(graph.getNodeAttribute('company:baidu', 'website')).toBeUndefined();
    expect(graph.getEdgeAttribute(PARALLEL[1], 'relType')).toBe('RAISED');
    expect(graph.getEdgeAttribute('company:att-labs|PARTY_TO|partnership:baidu-uber', 'role')).toBe('OPERATOR & "platform"');
  });
});

describe('toGexf', () => {
  const xml = toGexf(fixture);

  it('is well-formed GEXF 1.3 with declared attributes', () => {
    const root = first(xmlParser.parse(xml) as XmlEl, 'gexf');
    expect(root.version).toBe('1.3');
    const g = first(root, 'graph');
    const declared = new Map(all(g, 'attributes').map((a) => [a.class, new Set(all(a, 'attribute').map((x) => x.id))]));
    const nodes = all(first(g, 'nodes'), 'node');
    const edges = all(first(g, 'edges'), 'edge');
    expect(nodes.map((n) => n.id)).toEqual(nodeIds);
    expect(edges.map((x) => x.id)).toEqual(edgeIds);
    for (const [cls, els] of [['node', nodes], ['edge', edges]] as const) {
      for (const el of els) {
        for (const v of all(first(el, 'attvalues'), 'attvalue')) expect(declared.get(cls)?.has(v.for)).toBe(true);
      }
    }
    expect(edges.find((x) => x.id === PARALLEL[0])?.kind).toBe('INVESTOR_IN');
    expect(nodes.find((n) => n.id === 'company:att-labs')?.label).toBe(SPECIAL_NAME);
    expect(nodes.find((n) => n.id === 'partnership:baidu-uber')?.label).toBe(KOREAN_LABEL);
  });

  it('round-trips through graphology-gexf with text, kinds and positions intact', () => {
    const graph = parseGexf(Graph, xml);
    expect(graph.nodes().sort()).toEqual(nodeIds);
    expect(graph.edges().sort()).toEqual(edgeIds);
    expect(graph.getNodeAttribute('company:att-labs', 'label')).toBe(SPECIAL_NAME);
    expect(graph.getNodeAttribute('government:shanghai', 'label')).toBe(CHINESE_LABEL);
    expect(graph.getNodeAttribute('company:baidu', 'description')).toBe('검색 엔진 회사\n자율주행 Apollo Go 운영');
    expect(graph.getNodeAttribute('company:baidu', 'kind')).toBe('COMPANY');
    expect(graph.getNodeAttribute('investment:alibaba-ai-capex', 'amount')).toBe(380_000_000_000);
    expect(JSON.parse(graph.getNodeAttribute('investment:alibaba-ai-capex', 'breakdown'))).toEqual({ cloud: 0.6, chips: [0.3, 0.1] });
    expect(graph.getEdgeAttribute(PARALLEL[1], 'kind')).toBe('RAISED');
    expect(graph.getEdgeAttribute('company:att-labs|PARTY_TO|partnership:baidu-uber', 'role')).toBe('OPERATOR & "platform"');
    const layout = Graph.from(toGraphology(fixture));
    graph.forEachNode((id, a) => {
      expect(a.x).toBe(layout.getNodeAttribute(id, 'x'));
      expect(a.y).toBe(layout.getNodeAttribute(id, 'y'));
    });
  });
});

describe('every format', () => {
  const all5 = GRAPH_FORMATS.map((f) => [f] as const);

  it.each(all5)('%s is deterministic and independent of input order', (format) => {
    const a = exportSubgraph(fixture, format);
    expect(exportSubgraph(fixture, format)).toEqual(a);
    expect(exportSubgraph(reversed, format)).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('XML files are byte-identical across calls and input orders', () => {
    for (const format of ['graphml', 'gexf'] as const) {
      const file = exportFile(fixture, format);
      expect(exportFile(reversed, format)).toEqual(file);
      expect(file.extension).toBe(format);
      expect(file.contentType).toMatch(/\+xml; charset=utf-8$/);
    }
  });

  it('exportSubgraph dispatches to the adapters', () => {
    expect(exportSubgraph(fixture, 'CYTOSCAPE')).toEqual(toCytoscape(fixture));
    expect(exportSubgraph(fixture, 'GRAPHOLOGY')).toEqual(toGraphology(fixture));
    expect(exportSubgraph(fixture, 'VIS_NETWORK')).toEqual(toVisNetwork(fixture));
    expect(exportSubgraph(fixture, 'NVL')).toEqual(toNvl(fixture));
    expect(exportSubgraph(fixture, 'JGF')).toEqual(toJgf(fixture));
  });

  it('drops duplicate ids and dangling edges so every library can still load the result', () => {
    const messy: SubgraphData = {
      truncated: true,
      nodes: [...fixture.nodes, fixture.nodes[0]],
      edges: [...fixture.edges, fixture.edges[0], { id: 'x|MAKES|y', type: 'MAKES', source: 'company:alibaba', target: 'product:gone', properties: {} }],
    };
    expect(cytoscape({ headless: true, elements: toCytoscape(messy).elements }).elements()).toHaveLength(nodeIds.length + edgeIds.length);
    expect(Graph.from(toGraphology(messy)).size).toBe(edgeIds.length);
    expect(toJgf(messy)).toEqual(toJgf(fixture));
  });

  it('handles an empty subgraph', async () => {
    expect(cytoscape({ headless: true, elements: toCytoscape(empty).elements }).elements()).toHaveLength(0);
    expect(Graph.from(toGraphology(empty)).order).toBe(0);
    expect((await visDataSets(toVisNetwork(empty))).nodes.length).toBe(0);
    expect(parseGraphml(Graph, toGraphML(empty)).order).toBe(0);
    expect(parseGexf(Graph, toGexf(empty)).order).toBe(0);
  });
});
