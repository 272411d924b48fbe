import './styles.css';
import * as api from './api';
import { byId, debounce, fill, h } from './dom';
import { GraphView } from './graph';
import { KINDS, KINDS_HIDDEN_BY_DEFAULT, KIND_TITLES, kindColor } from './kinds';
import { kindChip, renderDetails, renderEmpty, renderLoading } from './panel';
import { installMetricControls } from './metrics-view';
import { startLive } from './live';

/**
 * The explorer page: search (any language) on the left, the graph in the middle, the selected
 * entity's names, facts and sources on the right. All data comes from this service's GraphQL API.
 */
interface End {
  id: string;
  label: string;
}

const state = {
  selected: null as string | null,
  pathFrom: null as End | null,
  pathTo: null as End | null,
  paths: [] as api.Path[],
  busy: 0,
};

const ui = {
  search: byId<HTMLInputElement>('search'),
  results: byId('results'),
  details: byId('details'),
  status: byId('status'),
  message: byId('message'),
  kindFilters: byId('kind-filters'),
  dateFrom: byId<HTMLInputElement>('date-from'),
  dateTo: byId<HTMLInputElement>('date-to'),
  pathFrom: byId('path-from'),
  pathTo: byId('path-to'),
  maxHops: byId<HTMLSelectElement>('max-hops'),
  findPaths: byId<HTMLButtonElement>('find-paths'),
  pathList: byId('path-list'),
};

const graph = new GraphView(byId('graph'), {
  select: (id) => void selectEntity(id),
  pathEnd: (id) => {
    // shift-click: from the selected node to this one
    if (state.selected && state.selected !== id) {
      setPathEnd('from', state.selected);
      setPathEnd('to', id);
      void findPaths();
    } else void selectEntity(id);
  },
  expand: (id) => void expand(id),
  background: () => {
    graph.cy.elements().unselect();
  },
});

// ---- running requests: a busy flag (for the status line and for tests) and one error line

async function run<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
  state.busy++;
  document.body.dataset.busy = 'true';
  showMessage('');
  try {
    return await work();
  } catch (err) {
    if ((err as Error).name !== 'AbortError') showMessage(`${what} failed: ${(err as Error).message}`, true);
    return undefined;
  } finally {
    state.busy--;
    document.body.dataset.busy = state.busy > 0 ? 'true' : 'false';
    updateStatus();
  }
}

function showMessage(text: string, error = false): void {
  ui.message.textContent = text;
  ui.message.className = error ? 'error' : '';
  ui.message.setAttribute('role', error ? 'alert' : 'status');
}

function updateStatus(): void {
  const shown = graph.cy.nodes(':visible').length;
  const total = graph.cy.nodes().length;
  const edges = graph.cy.edges(':visible').length;
  ui.status.textContent = total
    ? `${shown} nodes${shown < total ? ` (${total - shown} filtered out)` : ''} · ${edges} edges${state.busy ? ' · loading…' : ''}`
    : state.busy
      ? 'loading…'
      : 'Search to start exploring';
}

// ---- search

let searchAbort: AbortController | null = null;

const runSearch = debounce(async (text: string) => {
  searchAbort?.abort();
  if (!text.trim()) {
    fill(ui.results);
    return;
  }
  const abort = (searchAbort = new AbortController());
  const hits = await run('Search', () => api.search(text, abort.signal));
  if (!hits || abort.signal.aborted) return;
  if (!hits.length) {
    fill(ui.results, h('li', { className: 'muted' }, `Nothing matches “${text}”`));
    return;
  }
  fill(
    ui.results,
    ...hits.map(({ entity }) => {
      const other = entity.names.filter((n) => n.value !== entity.name && n.lang !== 'en').map((n) => n.value);
      return h(
        'li',
        {},
        h(
          'button',
          { className: 'result', dataset: { entityId: entity.id }, title: entity.id, onClick: () => void openEntity(entity.id) },
          kindChip(entity.kind),
          h('span', { className: 'result-name' }, entity.name),
          other.length ? h('span', { className: 'result-alt' }, other.slice(0, 3).join(' · ')) : null,
        ),
      );
    }),
  );
}, 250);

ui.search.addEventListener('input', () => runSearch(ui.search.value));
ui.search.addEventListener('keydown', (e) => {
  if (e.key === 'Enter') ui.results.querySelector<HTMLButtonElement>('button.result')?.click();
});

// ---- graph actions

function visibleKinds(): Set<api.EntityKind> {
  return new Set([...ui.kindFilters.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value as api.EntityKind));
}

/** The kinds to ask the server for: null (all) when nothing is filtered out. */
function requestedKinds(): api.EntityKind[] | null {
  const kinds = visibleKinds();
  return kinds.size === KINDS.length ? null : [...kinds];
}

/** Loads an entity's neighbourhood into the graph (merging) and selects it. */
async function openEntity(id: string): Promise<void> {
  await expand(id);
  await selectEntity(id);
}

async function expand(id: string): Promise<void> {
  const sub = await run('Expanding', () => api.neighborhood(id, requestedKinds()));
  if (!sub) return;
  graph.merge(sub.nodes, sub.edges, id);
  if (sub.truncated) showMessage(`Only part of ${id}'s neighbourhood is shown (limit reached).`);
  if (state.selected === id) await selectEntity(id);
}

async function selectEntity(id: string): Promise<void> {
  state.selected = id;
  graph.select(id);
  history.replaceState(null, '', `#${encodeURIComponent(id)}`);
  renderLoading(ui.details, id);
  const data = await run('Loading details', () => api.details(id));
  if (state.selected !== id) return; // another node was picked meanwhile
  if (!data?.entity) {
    fill(ui.details, h('p', { className: 'muted' }, `${id} was not found.`));
    return;
  }
  renderDetails(ui.details, data.entity, data.around, graph.hiddenCount(id), {
    expand: (x) => void expand(x),
    pathFrom: (x) => {
      setPathEnd('from', x);
      if (state.pathTo) void findPaths();
    },
    pathTo: (x) => {
      setPathEnd('to', x);
      if (state.pathFrom) void findPaths();
    },
    open: (node) => {
      if (!graph.has(node.id)) graph.merge([node], data.around.edges, id);
      void selectEntity(node.id);
    },
  });
}

// ---- paths

function setPathEnd(which: 'from' | 'to', id: string): void {
  const label = (graph.cy.getElementById(id).data('label') as string | undefined) ?? id;
  state[which === 'from' ? 'pathFrom' : 'pathTo'] = { id, label };
  const out = which === 'from' ? ui.pathFrom : ui.pathTo;
  out.textContent = label;
  out.title = id;
  out.dataset.entityId = id;
  ui.findPaths.disabled = !(state.pathFrom && state.pathTo);
  graph.markPathEnds([state.pathFrom?.id, state.pathTo?.id].filter((x): x is string => !!x));
}

async function findPaths(): Promise<void> {
  const from = state.pathFrom;
  const to = state.pathTo;
  if (!from || !to) return;
  if (from.id === to.id) {
    showMessage('Pick two different entities for a path.', true);
    return;
  }
  const found = await run('Finding paths', () => api.paths(from.id, to.id, Number(ui.maxHops.value)));
  if (!found) return;
  state.paths = found;
  if (!found.length) {
    fill(ui.pathList, h('li', { className: 'muted' }, `No path within ${ui.maxHops.value} hops.`));
    graph.clearHighlight();
    return;
  }
  for (const p of found) graph.merge(p.nodes, p.edges, from.id);
  graph.highlight(found, [from.id, to.id]);
  fill(
    ui.pathList,
    ...found.map((p, i) =>
      h(
        'li',
        {},
        h(
          'button',
          { className: 'path', dataset: { pathIndex: String(i) }, onClick: () => graph.highlight([p], [from.id, to.id]) },
          h('span', { className: 'path-length' }, `${p.length} hop${p.length === 1 ? '' : 's'}`),
          h('span', { className: 'path-nodes' }, p.nodes.map((n) => n.label).join(' → ')),
        ),
      ),
    ),
    h('li', {}, h('button', { className: 'link-button', onClick: () => graph.highlight(found, [from.id, to.id]) }, 'Show all'), ' ', h('button', { className: 'link-button', onClick: () => graph.clearHighlight() }, 'Clear highlight')),
  );
}

ui.findPaths.addEventListener('click', () => void findPaths());

// ---- filters

for (const kind of KINDS) {
  const box = h('input', { attrs: { type: 'checkbox', value: kind, id: `kind-${kind}` } });
  box.checked = !KINDS_HIDDEN_BY_DEFAULT.includes(kind);
  const swatch = h('span', { className: 'swatch' });
  swatch.style.setProperty('--kind-color', kindColor(kind));
  ui.kindFilters.append(h('label', { className: 'kind-filter', attrs: { for: `kind-${kind}` } }, box, swatch, KIND_TITLES[kind]));
}

function applyFilters(): void {
  graph.applyFilters({ kinds: visibleKinds(), from: ui.dateFrom.value, to: ui.dateTo.value });
  updateStatus();
}
ui.kindFilters.addEventListener('change', applyFilters);
for (const input of [ui.dateFrom, ui.dateTo]) {
  input.addEventListener('input', applyFilters);
  input.addEventListener('change', applyFilters);
}
applyFilters();

// ---- toolbar

installMetricControls(graph.cy, document.querySelector('.toolbar .spacer'));

byId('fit').addEventListener('click', () => graph.fit());
byId('relayout').addEventListener('click', () => graph.layout(false));
byId('clear').addEventListener('click', () => {
  graph.clear();
  state.paths = [];
  fill(ui.pathList);
  state.selected = null;
  renderEmpty(ui.details);
  updateStatus();
});

renderEmpty(ui.details);
updateStatus();
// the open view follows the graph's changes as they are committed (web/explorer/live.ts)
startLive(graph, updateStatus);
document.body.dataset.busy = 'false';

// a shared link (#company:alibaba) opens that entity
const initial = decodeURIComponent(location.hash.slice(1));
if (initial) void openEntity(initial);

// the browser tests read the graph's state from here instead of from canvas pixels
declare global {
  interface Window {
    __explorer?: { cy: typeof graph.cy; graph: GraphView; state: typeof state };
  }
}
window.__explorer = { cy: graph.cy, graph, state };
