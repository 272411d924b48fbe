import type { EntityDetails, EntityKind, GraphNode, Json, Subgraph } from './api';
import { fill, h } from './dom';
import { factDate, isFact, KIND_TITLES, kindColor, kindTextColor } from './kinds';
import { AUDIT_KEYS, ENTITY_FIELD_KEYS, SOURCE_KIND } from '../../src/model/kinds';

export interface PanelActions {
  expand(id: string): void;
  pathFrom(id: string): void;
  pathTo(id: string): void;
  /** show a neighbour: add it to the graph if needed and select it */
  open(node: GraphNode): void;
}

/** Bookkeeping fields every node has; the panel shows the entity's own facts instead. */
const SKIPPED_PROPERTIES = new Set<string>([...ENTITY_FIELD_KEYS, ...AUDIT_KEYS]);

const LANGUAGE_NAMES: Record<string, string> = { ko: 'Korean', zh: 'Chinese', en: 'English', ja: 'Japanese' };

export function kindChip(kind: EntityKind): HTMLElement {
  const chip = h('span', { className: 'kind-chip', dataset: { kind } }, KIND_TITLES[kind] ?? kind);
  chip.style.setProperty('--kind-color', kindColor(kind));
  chip.style.setProperty('--kind-text', kindTextColor(kind));
  return chip;
}

export function renderLoading(panel: HTMLElement, id: string): void {
  fill(panel, h('p', { className: 'muted' }, `Loading ${id}…`));
}

export function renderEmpty(panel: HTMLElement): void {
  fill(
    panel,
    h('h2', {}, 'Details'),
    h('p', { className: 'muted' }, 'Search for a company, product or fact, then click a node to see its names, facts and sources.'),
    h(
      'ul',
      { className: 'hints' },
      h('li', {}, 'Double-click a node to expand it (the +N on a label counts neighbours not shown yet).'),
      h('li', {}, 'Shift-click a second node, or use “Path from / to”, to see how two entities are connected.'),
    ),
  );
}

export function renderDetails(panel: HTMLElement, entity: EntityDetails, around: Subgraph, hidden: number, actions: PanelActions): void {
  const neighbours = around.nodes.filter((n) => n.id !== entity.id && n.kind !== SOURCE_KIND);
  const relation = (other: string): string => {
    const edge = around.edges.find((e) => (e.source === entity.id && e.target === other) || (e.target === entity.id && e.source === other));
    if (!edge) return '';
    const role = edge.properties.role;
    return typeof role === 'string' && role ? `${edge.type} · ${role}` : edge.type;
  };
  const facts = neighbours.filter((n) => isFact(n.kind)).sort(byDateDesc);
  const others = neighbours.filter((n) => !isFact(n.kind));
  // for a fact, its parties are the interesting list; for an actor, its facts
  const lists = isFact(entity.kind)
    ? [section('Involves', others, relation, actions), section('Related facts', facts, relation, actions)]
    : [section('Facts', facts, relation, actions), section('Connected', others, relation, actions)];

  fill(
    panel,
    h('div', { className: 'details-head' }, kindChip(entity.kind), h('h2', { attrs: { id: 'details-name' } }, entity.name), h('code', { className: 'entity-id' }, entity.id)),
    h(
      'div',
      { className: 'actions' },
      h('button', { dataset: { action: 'expand' }, onClick: () => actions.expand(entity.id) }, hidden > 0 ? `Expand (+${hidden})` : 'Expand'),
      h('button', { dataset: { action: 'path-from' }, onClick: () => actions.pathFrom(entity.id) }, 'Path from here'),
      h('button', { dataset: { action: 'path-to' }, onClick: () => actions.pathTo(entity.id) }, 'Path to here'),
    ),
    entity.description ? h('p', { className: 'description' }, entity.description) : null,
    namesSection(entity),
    propertiesSection(entity.properties),
    lists[0],
    sourcesSection(entity),
    lists[1],
    around.truncated ? h('p', { className: 'muted' }, 'More connections exist than are listed here.') : null,
  );
}

function namesSection(entity: EntityDetails): HTMLElement | null {
  if (!entity.names.length) return null;
  const byLang = new Map<string, string[]>();
  for (const n of entity.names) byLang.set(n.lang, [...(byLang.get(n.lang) ?? []), n.value]);
  const list = h('dl', { className: 'names' });
  for (const [lang, values] of byLang) {
    list.append(h('dt', { title: LANGUAGE_NAMES[lang] ?? lang }, lang), h('dd', { lang }, values.join(' · ')));
  }
  return h('section', {}, h('h3', {}, 'Names'), list);
}

function propertiesSection(props: Record<string, Json>): HTMLElement | null {
  const rows = Object.entries(props).filter(([k, v]) => !SKIPPED_PROPERTIES.has(k) && v !== null && v !== '');
  if (!rows.length) return null;
  const table = h('table', { className: 'properties' });
  for (const [k, v] of rows.sort(([a], [b]) => a.localeCompare(b))) table.append(h('tr', {}, h('th', {}, k), h('td', {}, formatValue(v))));
  return h('section', {}, h('h3', {}, 'Properties'), table);
}

function section(title: string, nodes: GraphNode[], relation: (id: string) => string, actions: PanelActions): HTMLElement | null {
  if (!nodes.length) return null;
  const list = h('ul', { className: 'links' });
  for (const n of nodes) {
    const date = factDate(n.kind, n.properties);
    list.append(
      h(
        'li',
        {},
        h(
          'button',
          { className: 'link', dataset: { entityId: n.id }, title: n.id, onClick: () => actions.open(n) },
          kindChip(n.kind),
          h('span', { className: 'link-label' }, n.label),
          date ? h('span', { className: 'link-date' }, date) : null,
        ),
        h('span', { className: 'relation' }, relation(n.id)),
      ),
    );
  }
  return h('section', {}, h('h3', {}, `${title} (${nodes.length})`), list);
}

function sourcesSection(entity: EntityDetails): HTMLElement {
  const head = h('h3', {}, `Sources (${entity.sources.length})`);
  if (!entity.sources.length) return h('section', {}, head, h('p', { className: 'muted' }, 'No source recorded.'));
  const list = h('ol', { className: 'sources' });
  for (const s of entity.sources) {
    const meta = [s.section, s.basis === 'COMMON_KNOWLEDGE' ? 'common knowledge' : s.basis?.toLowerCase(), s.sourceId].filter(Boolean).join(' · ');
    list.append(
      h(
        'li',
        {},
        s.sentence ? h('blockquote', { className: 'source-sentence', lang: textLang(s.sentence) }, s.sentence) : null,
        s.note ? h('p', { className: 'source-note' }, s.note) : null,
        h('p', { className: 'source-meta' }, meta),
      ),
    );
  }
  return h('section', {}, head, list);
}

/** lang for a sentence, so the browser picks Korean or Chinese glyph shapes for CJK text */
function textLang(text: string): string {
  if (/[\uac00-\ud7af]/.test(text)) return 'ko';
  if (/[\u4e00-\u9fff]/.test(text)) return 'zh';
  return 'en';
}

function formatValue(v: Json): string {
  if (Array.isArray(v)) return v.map(formatValue).join(', ');
  if (v && typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${formatValue(x)}`)
      .join('; ');
  }
  if (typeof v === 'number') return v.toLocaleString('en-US');
  return String(v);
}

function byDateDesc(a: GraphNode, b: GraphNode): number {
  const da = factDate(a.kind, a.properties) ?? '';
  const db = factDate(b.kind, b.properties) ?? '';
  return da === db ? a.label.localeCompare(b.label) : da < db ? 1 : -1;
}
