import '../styles.css';
import './review.css';
import type { EntityKind } from '../api';
import { byId, fill, h } from '../dom';
import { KINDS } from '../kinds';
import * as api from './api';
import { itemRow, type ItemActions } from './items';
import { segments } from './marks';

/**
 * The review page (/review): draft a newsletter issue's text, see each proposed item marked on the
 * sentence it came from, accept, reject, edit or merge items into existing entities, then commit.
 * Drafts need the editor role: the page asks for a token and sends it with every call.
 */
const DRAFTABLE_KINDS = KINDS.filter((k) => k !== 'SOURCE');

const state = {
  draft: null as api.Draft | null,
  focus: new Set<string>(),
  busy: 0,
};

const ui = {
  token: byId<HTMLInputElement>('token'),
  text: byId<HTMLTextAreaElement>('draft-text'),
  title: byId<HTMLInputElement>('draft-title'),
  issued: byId<HTMLInputElement>('draft-issued'),
  create: byId<HTMLButtonElement>('draft-create'),
  list: byId('draft-list'),
  view: byId('draft-view'),
  heading: byId('draft-heading'),
  items: byId('items'),
  unresolved: byId('unresolved'),
  acceptAll: byId<HTMLButtonElement>('accept-all'),
  commit: byId<HTMLButtonElement>('commit'),
  discard: byId<HTMLButtonElement>('discard'),
  message: byId('message'),
};

/** Runs a request with the busy flag up; `clear` drops the last message (not for background reloads). */
async function run<T>(what: string, work: () => Promise<T>, clear = true): Promise<T | undefined> {
  state.busy++;
  document.body.dataset.busy = 'true';
  if (clear) say('');
  try {
    return await work();
  } catch (err) {
    say(`${what} failed: ${(err as Error).message}`, true);
    return undefined;
  } finally {
    state.busy--;
    document.body.dataset.busy = state.busy > 0 ? 'true' : 'false';
  }
}

function say(text: string, error = false): void {
  ui.message.textContent = text;
  ui.message.className = error ? 'error' : '';
  ui.message.setAttribute('role', error ? 'alert' : 'status');
}

// ---- the draft: its text with marked sentences, and its items

function show(draft: api.Draft | null): void {
  state.draft = draft;
  const open = draft?.status === 'OPEN';
  for (const b of [ui.acceptAll, ui.commit, ui.discard]) b.disabled = !open;
  if (!draft) {
    ui.heading.textContent = 'No draft selected';
    fill(ui.view, h('p', { className: 'muted' }, 'Paste an issue and press “Draft”, or pick an open draft.'));
    fill(ui.items);
    fill(ui.unresolved);
    return;
  }
  ui.heading.textContent = `${draft.title ?? draft.id} · ${draft.status}${draft.reason ? ` · ${draft.reason}` : ''}`;
  ui.heading.dataset.status = draft.status;
  const byId = new Map(draft.items.map((i) => [i.id, i]));
  fill(
    ui.view,
    ...segments(draft.text, draft.items).map((s) => {
      if (!s.itemIds.length) return s.text;
      const statuses = new Set(s.itemIds.map((id) => byId.get(id)?.status));
      const cls = statuses.size === 1 ? ` status-${[...statuses][0]?.toLowerCase()}` : '';
      const focused = s.itemIds.some((id) => state.focus.has(id)) ? ' focused' : '';
      return h('mark', { className: `sentence${cls}${focused}`, title: s.itemIds.join(' '), dataset: { items: s.itemIds.join(' ') }, onClick: () => focus(s.itemIds) }, s.text);
    }),
  );
  fill(ui.items, ...draft.items.map((item) => itemRow(item, DRAFTABLE_KINDS, actions, state.focus.has(item.id), open)));
  fill(ui.unresolved, ...draft.unresolved.map((m) => h('li', { title: m.sentence }, h('strong', {}, m.text), ` — ${m.reason}`)));
}

function focus(itemIds: string[]): void {
  state.focus = new Set(itemIds);
  show(state.draft);
  ui.items.querySelector<HTMLElement>('li.focused')?.scrollIntoView({ block: 'nearest' });
}

const actions: ItemActions = {
  decide: (item, accept) => void change(accept ? 'Accepting' : 'Rejecting', (d) => api.decide(d.id, [item.id], accept)),
  edit: (item, form) => {
    const data = new FormData(form);
    const edit: Record<string, unknown> = {};
    if (item.entityId) {
      edit.kind = data.get('kind');
      edit.name = data.get('name');
      try {
        const props = JSON.parse(String(data.get('properties') || '{}')) as Record<string, unknown>;
        const old = (item.data.properties ?? {}) as Record<string, unknown>;
        // properties the editor deleted from the JSON are removed (null), the rest set
        edit.properties = { ...Object.fromEntries(Object.keys(old).map((k) => [k, null])), ...props };
      } catch {
        say('Properties must be JSON, e.g. {"amount": 140000000, "currency": "USD"}', true);
        return;
      }
    } else edit.role = data.get('role');
    void change('Saving', (d) => api.editItem(d.id, item.id, edit));
  },
  merge: (item, into) => void change('Merging', (d) => api.mergeItem(d.id, item.id, into)),
  search: async (text, kind: EntityKind | null) => ((await run('Search', () => api.searchKind(text, kind))) ?? []).map((hit) => hit.entity),
  show: (item) => focus([item.id]),
};

async function change(what: string, step: (d: api.Draft) => Promise<api.Draft>): Promise<void> {
  const current = state.draft;
  if (!current) return;
  const next = await run(what, () => step(current));
  if (next) show(next);
}

// ---- drafting, listing, committing

async function refreshList(): Promise<void> {
  if (!api.token.get()) {
    fill(ui.list, h('li', { className: 'muted' }, 'Enter an editor token to list drafts.'));
    return;
  }
  const drafts = await run('Listing drafts', () => api.listDrafts(), false);
  if (!drafts) return;
  fill(
    ui.list,
    ...(drafts.length
      ? drafts.map((d) => h('li', {}, h('button', { className: 'draft-link', dataset: { draftId: d.id }, onClick: () => void openDraft(d.id) }, `${d.title ?? d.id} (${d.items.length} items)`)))
      : [h('li', { className: 'muted' }, 'No open drafts')]),
  );
}

async function openDraft(id: string): Promise<void> {
  const d = await run('Loading the draft', () => api.getDraft(id));
  if (d === undefined) return;
  state.focus.clear();
  show(d);
  history.replaceState(null, '', `#${encodeURIComponent(id)}`);
}

ui.token.value = api.token.get();
ui.token.addEventListener('change', () => {
  api.token.set(ui.token.value);
  void refreshList();
});

ui.create.addEventListener('click', async () => {
  const d = await run('Drafting', () => api.createDraft(ui.text.value, ui.title.value.trim() || null, ui.issued.value || null));
  if (!d) return;
  state.focus.clear();
  show(d);
  say(`Drafted ${d.items.length} items from the text: accept, reject, edit or merge them, then commit.`);
  history.replaceState(null, '', `#${encodeURIComponent(d.id)}`);
  await refreshList();
});

ui.acceptAll.addEventListener('click', () => {
  const ids = state.draft?.items.filter((i) => i.status === 'PROPOSED').map((i) => i.id) ?? [];
  if (ids.length) void change('Accepting', (d) => api.decide(d.id, ids, true));
});

ui.commit.addEventListener('click', async () => {
  const d = state.draft;
  if (!d) return;
  const r = await run('Committing', () => api.commit(d.id));
  if (!r) return;
  show(r.draft);
  const s = r.summary;
  say(
    r.alreadyCommitted
      ? 'This draft was already committed: nothing was written.'
      : `Committed: ${s?.entities.created ?? 0} entities created, ${s?.entities.updated ?? 0} updated; ${s?.relationships.created ?? 0} relationships created.`,
  );
  await refreshList();
});

ui.discard.addEventListener('click', async () => {
  const d = state.draft;
  if (!d || !(await run('Discarding', () => api.discard(d.id)))) return;
  show(null);
  say('Draft discarded.');
  await refreshList();
});

show(null);
document.body.dataset.busy = 'false';
void refreshList();
const initial = decodeURIComponent(location.hash.slice(1));
if (initial && api.token.get()) void openDraft(initial);

// the browser tests read the page's state from here
declare global {
  interface Window {
    __review?: { state: typeof state };
  }
}
window.__review = { state };
