import cytoscape, { type Core, type ElementDefinition, type NodeSingular, type StylesheetJson } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { GraphEdge, GraphNode, EntityKind, Path } from './api';
import { factDate, inDateWindow, isFact, KIND_SHAPES, kindColor } from './kinds';

cytoscape.use(fcose);

export interface GraphHandlers {
  select(id: string): void;
  /** shift-click: the second end of a path query */
  pathEnd(id: string): void;
  expand(id: string): void;
  background(): void;
}

export interface Filters {
  kinds: ReadonlySet<EntityKind>;
  /** ISO dates, '' for open */
  from: string;
  to: string;
}

const FONT = '"Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans KR", "Apple SD Gothic Neo", "Malgun Gothic", system-ui, sans-serif';

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      width: 26,
      height: 26,
      label: 'data(display)',
      'font-family': FONT,
      'font-size': 10,
      color: '#1f2937',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node[?fact]', style: { width: 22, height: 22 } },
  { selector: 'node.expandable', style: { 'border-width': 2, 'border-color': '#475569', 'border-style': 'dashed' } },
  { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#2563eb', 'border-style': 'solid' } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#cbd5e1',
      'target-arrow-color': '#cbd5e1',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      'font-family': FONT,
      'font-size': 8,
      color: '#64748b',
      'text-rotation': 'autorotate',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
    },
  },
  { selector: 'edge:selected, edge.hover', style: { label: 'data(type)', 'line-color': '#94a3b8', 'target-arrow-color': '#94a3b8' } },
  { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#f97316', 'border-style': 'solid', 'z-index': 10 } },
  {
    selector: 'edge.on-path',
    style: { width: 4, 'line-color': '#f97316', 'target-arrow-color': '#f97316', label: 'data(type)', color: '#9a3412', 'z-index': 10 },
  },
  { selector: 'node.path-end', style: { 'border-width': 4, 'border-color': '#dc2626', 'border-style': 'solid' } },
  { selector: '.faded', style: { opacity: 0.18 } },
  { selector: '.filtered', style: { display: 'none' } },
];

/** Wraps the Cytoscape instance: merging results in, the "+N" hints, filters and path highlights. */
export class GraphView {
  readonly cy: Core;
  /** best estimate of each node's number of relationships, from the results seen so far */
  private readonly degree = new Map<string, number>();
  private filters: Filters | null = null;
  private layouts = 0;
  private afterLayout: (() => void)[] = [];

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.15, maxZoom: 3, boxSelectionEnabled: false });
    this.cy.on('tap', 'node', (e) => {
      const id = (e.target as NodeSingular).id();
      if ((e.originalEvent as MouseEvent | undefined)?.shiftKey) handlers.pathEnd(id);
      else handlers.select(id);
    });
    this.cy.on('dbltap', 'node', (e) => handlers.expand((e.target as NodeSingular).id()));
    this.cy.on('tap', (e) => {
      if (e.target === this.cy) handlers.background();
    });
    this.cy.on('mouseover', 'edge', (e) => e.target.addClass('hover'));
    this.cy.on('mouseout', 'edge', (e) => e.target.removeClass('hover'));
  }

  /**
   * Adds a result's nodes and edges (existing ones are kept, so expanding merges), re-labels the
   * "+N" hints and lays the graph out again with the old nodes as the starting positions.
   * Returns the ids of the nodes that were new.
   */
  merge(nodes: GraphNode[], edges: GraphEdge[], anchor?: string): string[] {
    const cy = this.cy;
    const fresh: ElementDefinition[] = [];
    const at = anchor && cy.getElementById(anchor).nonempty() ? cy.getElementById(anchor).position() : { x: 0, y: 0 };
    for (const n of nodes) {
      if (cy.getElementById(n.id).nonempty()) continue;
      fresh.push({
        group: 'nodes',
        // new nodes start around the node they came from, so the layout animates outwards from it
        position: { x: at.x + (Math.random() - 0.5) * 60, y: at.y + (Math.random() - 0.5) * 60 },
        data: {
          id: n.id,
          kind: n.kind,
          label: n.label,
          display: shorten(n.label),
          color: kindColor(n.kind),
          shape: KIND_SHAPES[n.kind],
          fact: isFact(n.kind),
          date: factDate(n.kind, n.properties) ?? '',
        },
      });
    }
    const hadNodes = cy.nodes().nonempty();
    const added = cy.add(fresh);
    const present = new Set(cy.nodes().map((n) => n.id()));
    cy.add(
      edges
        .filter((e) => cy.getElementById(e.id).empty() && present.has(e.source) && present.has(e.target))
        .map((e) => ({ group: 'edges' as const, data: { id: e.id, source: e.source, target: e.target, type: e.type } })),
    );

    // hiddenNeighbors counts the relationships this result left out; plus the ones it included,
    // that is the node's degree, which stays true as later results bring more of them in
    const included = new Map<string, number>();
    for (const e of edges) {
      included.set(e.source, (included.get(e.source) ?? 0) + 1);
      included.set(e.target, (included.get(e.target) ?? 0) + 1);
    }
    for (const n of nodes) {
      const estimate = n.hiddenNeighbors + (included.get(n.id) ?? 0);
      this.degree.set(n.id, Math.max(this.degree.get(n.id) ?? 0, estimate));
    }
    this.refreshHints();
    if (this.filters) this.applyFilters(this.filters);
    if (added.nonempty()) this.layout(!hadNodes);
    return added.map((n) => n.id());
  }

  /** Neighbours of a node that exist but are not drawn yet. */
  /** true once layouts and viewport animations have finished (positions are final) */
  get settled(): boolean {
    return this.layouts === 0 && !this.cy.animated();
  }

  hiddenCount(id: string): number {
    const node = this.cy.getElementById(id);
    if (node.empty()) return 0;
    return Math.max(0, (this.degree.get(id) ?? 0) - node.neighborhood('node').length);
  }

  has(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  clear(): void {
    this.cy.elements().remove();
    this.degree.clear();
  }

  applyFilters(filters: Filters): void {
    this.filters = filters;
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const kind = n.data('kind') as EntityKind;
        const visible = filters.kinds.has(kind) && (!n.data('fact') || inDateWindow(n.data('date') || null, filters.from, filters.to));
        n.toggleClass('filtered', !visible);
      });
    });
  }

  /** Highlights the given paths (all of them, or one) and fades everything else. */
  highlight(paths: Path[], endpoints: string[]): void {
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().removeClass('on-path faded path-end');
      if (!paths.length) return;
      const ids = new Set<string>();
      for (const p of paths) {
        for (const n of p.nodes) ids.add(n.id);
        for (const e of p.edges) ids.add(e.id);
      }
      cy.elements().forEach((el) => {
        el.toggleClass('on-path', ids.has(el.id()));
        el.toggleClass('faded', !ids.has(el.id()));
      });
      for (const id of endpoints) cy.getElementById(id).addClass('path-end');
    });
    this.whenLaidOut(() => {
      const onPath = cy.elements('.on-path');
      if (onPath.empty()) return;
      // fit the paths, but not closer than a comfortable reading zoom
      const bb = onPath.boundingBox();
      const zoom = Math.min(1.3, (cy.width() - 140) / Math.max(bb.w, 1), (cy.height() - 140) / Math.max(bb.h, 1));
      cy.animate({ zoom, center: { eles: onPath } }, { duration: 350 });
    });
  }

  /** Runs after the running layouts stop (they fit the whole graph, which would undo a zoom). */
  private whenLaidOut(fn: () => void): void {
    if (this.layouts === 0) fn();
    else this.afterLayout.push(fn);
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('on-path faded path-end');
  }

  markPathEnds(ids: string[]): void {
    this.cy.nodes().removeClass('path-end');
    for (const id of ids) this.cy.getElementById(id).addClass('path-end');
  }

  select(id: string): void {
    const node = this.cy.getElementById(id);
    this.cy.elements().unselect();
    if (node.empty()) return;
    node.select();
    if (!this.cy.extent() || !node.renderedBoundingBox()) return;
    const { x1, y1, x2, y2 } = node.renderedBoundingBox();
    const inView = x1 >= 0 && y1 >= 0 && x2 <= this.cy.width() && y2 <= this.cy.height();
    if (!inView) this.cy.animate({ center: { eles: node } }, { duration: 300 });
  }

  fit(): void {
    this.cy.animate({ fit: { eles: this.cy.elements(':visible'), padding: 40 } }, { duration: 300 });
  }

  layout(randomize = false): void {
    const visible = this.cy.elements(':visible');
    if (visible.empty()) return;
    const layout = visible.layout({
        name: 'fcose',
        randomize,
        animate: !randomize,
        animationDuration: 450,
        fit: true,
        padding: 40,
        nodeSeparation: 90,
        idealEdgeLength: () => 90,
        nodeRepulsion: () => 9000,
      } as cytoscape.LayoutOptions);
    this.layouts++;
    layout.one('layoutstop', () => {
      this.layouts--;
      if (this.layouts > 0) return;
      const waiting = this.afterLayout;
      this.afterLayout = [];
      for (const fn of waiting) fn();
    });
    layout.run();
  }

  private refreshHints(): void {
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const hidden = this.hiddenCount(n.id());
        n.data('hidden', hidden);
        n.data('display', shorten(n.data('label') as string) + (hidden > 0 ? `  +${hidden}` : ''));
        n.toggleClass('expandable', hidden > 0);
      });
    });
  }
}

/** Long fact names ("Apple–Alibaba–Baidu partnership for ...") are cut on the canvas; the panel shows them whole. */
function shorten(label: string): string {
  return label.length > 38 ? `${label.slice(0, 36).trimEnd()}…` : label;
}
