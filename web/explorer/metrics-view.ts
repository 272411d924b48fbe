import type { Core } from 'cytoscape';
import { computeMetrics } from '../../src/graph/metrics';
import type { GraphEdgeData, GraphNodeData } from '../../src/graph/subgraph';

/**
 * "Size by" and "Colour by" for the explorer: the same metrics the API computes for a subgraph
 * (src/graph/metrics.ts, graphology), computed here over what the view shows now, because the view
 * is a union of several results (every expansion adds one). Recomputed after nodes or edges are
 * added or removed; sizes map a metric linearly onto 16-60 px, colours give each Louvain community
 * one of a fixed palette.
 */
type SizeMetric = 'none' | 'degree' | 'pageRank' | 'betweenness';
type ColourMetric = 'kind' | 'community';

const MIN_SIZE = 16;
const MAX_SIZE = 60;
/** Tableau 10: distinguishable, and not the kinds' own colours in the same order. */
const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function select<T extends string>(id: string, label: string, options: [T, string][], onChange: (value: T) => void): HTMLLabelElement {
  const wrap = document.createElement('label');
  wrap.className = 'metric-control';
  wrap.textContent = `${label} `;
  const el = document.createElement('select');
  el.id = id;
  for (const [value, text] of options) el.append(new Option(text, value));
  el.addEventListener('change', () => onChange(el.value as T));
  wrap.append(el);
  return wrap;
}

export function installMetricControls(cy: Core, before: Element | null): void {
  let size: SizeMetric = 'none';
  let colour: ColourMetric = 'kind';
  cy.style().selector('node[metricSize]').style({ width: 'data(metricSize)', height: 'data(metricSize)' }).update();
  cy.style().selector('node[communityColor]').style({ 'background-color': 'data(communityColor)' }).update();

  const apply = () => {
    const nodes = cy.nodes().map((n) => ({ id: n.id() }) as GraphNodeData);
    const edges = cy.edges().map((e) => ({ id: e.id(), source: e.source().id(), target: e.target().id() }) as GraphEdgeData);
    const metrics = computeMetrics({ nodes, edges });
    const metric = size;
    const values = metric === 'none' ? [] : cy.nodes().map((n) => metrics.get(n.id())?.[metric] ?? 0);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        const m = metrics.get(n.id());
        if (!m) return;
        n.data({ degree: m.degree, pageRank: m.pageRank, betweenness: m.betweenness, community: m.community });
        if (metric === 'none') n.removeData('metricSize');
        else n.data('metricSize', MIN_SIZE + ((MAX_SIZE - MIN_SIZE) * (m[metric] - lo)) / (hi - lo || 1));
        if (colour === 'community') n.data('communityColor', PALETTE[m.community % PALETTE.length]);
        else n.removeData('communityColor');
      });
    });
  };
  let pending = false;
  const schedule = () => {
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      apply();
    }, 0);
  };
  cy.on('add remove', schedule);

  const controls = [
    select<SizeMetric>('size-by', 'Size by', [['none', '—'], ['degree', 'degree'], ['pageRank', 'PageRank'], ['betweenness', 'betweenness']], (v) => {
      size = v;
      apply();
    }),
    select<ColourMetric>('colour-by', 'Colour by', [['kind', 'kind'], ['community', 'community']], (v) => {
      colour = v;
      apply();
    }),
  ];
  before?.before(...controls);
}
