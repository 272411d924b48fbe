import type { EntityKind } from '../api';
import { h } from '../dom';
import { kindChip } from '../panel';
import type { DraftItem } from './api';

export interface ItemActions {
  decide: (item: DraftItem, accept: boolean) => void;
  edit: (item: DraftItem, form: HTMLFormElement) => void;
  merge: (item: DraftItem, into: string) => void;
  search: (text: string, kind: EntityKind | null) => Promise<{ id: string; name: string; kind: EntityKind }[]>;
  show: (item: DraftItem) => void;
}

function summary(item: DraftItem): (Node | string)[] {
  if (item.entityId) return [kindChip(item.kind!), h('span', { className: 'item-name' }, item.name ?? ''), h('code', { className: 'item-id' }, item.mergedInto ?? item.entityId)];
  return [h('code', {}, item.from ?? ''), h('span', { className: 'item-type' }, ` ${item.relationshipType}${item.role ? ` (${item.role})` : ''} → `), h('code', {}, item.to ?? '')];
}

/** The edit form: an entity's kind, name and properties (its figures, as JSON); a relationship's role. */
function editForm(item: DraftItem, kinds: readonly EntityKind[], actions: ItemActions): HTMLFormElement {
  const form = h('form', { className: 'edit-form' });
  if (item.entityId) {
    const kind = h('select', { attrs: { name: 'kind' } }, ...kinds.map((k) => h('option', { attrs: { value: k } }, k)));
    kind.value = item.kind ?? '';
    const name = h('input', { attrs: { name: 'name', value: item.name ?? '' } });
    const props = h('textarea', { attrs: { name: 'properties', rows: '4', spellcheck: 'false' } });
    props.value = JSON.stringify((item.data.properties as object | undefined) ?? {}, null, 1);
    form.append(h('label', {}, 'Kind ', kind), h('label', {}, 'Name ', name), h('label', {}, 'Properties (JSON) ', props));
  } else {
    form.append(h('label', {}, 'Role ', h('input', { attrs: { name: 'role', value: item.role ?? '' } })));
  }
  form.append(h('button', { attrs: { type: 'submit' }, className: 'save' }, 'Save'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    actions.edit(item, form);
  });
  return form;
}

/** Search for the existing entity to merge into: results of the item's kind, one click merges. */
function mergeBox(item: DraftItem, actions: ItemActions): HTMLElement {
  const input = h('input', { className: 'merge-search', attrs: { type: 'search', placeholder: `Find the existing ${item.kind?.toLowerCase() ?? 'entity'}…` } });
  const results = h('ul', { className: 'merge-results' });
  input.addEventListener('keydown', async (e) => {
    if (e.key !== 'Enter') return;
    const hits = await actions.search(input.value, item.kind);
    results.replaceChildren(
      ...(hits.length
        ? hits.map((hit) => h('li', {}, h('button', { className: 'merge-target', dataset: { entityId: hit.id }, onClick: () => actions.merge(item, hit.id) }, `${hit.name} (${hit.id})`)))
        : [h('li', { className: 'muted' }, 'No match')]),
    );
  });
  return h('div', { className: 'merge-box' }, input, results);
}

/** One item's row; `editable` is false once the draft is committed. */
export function itemRow(item: DraftItem, kinds: readonly EntityKind[], actions: ItemActions, focused: boolean, editable: boolean): HTMLLIElement {
  const extra = h('div', { className: 'item-extra' });
  const toggle = (cls: string, make: () => HTMLElement) => () => extra.replaceChildren(...(extra.firstElementChild?.classList.contains(cls) ? [] : [make()]));
  const merged = item.status === 'MERGED' || !editable;
  const li = h(
    'li',
    { className: `item status-${item.status.toLowerCase()}${focused ? ' focused' : ''}`, dataset: { itemId: item.id, status: item.status } },
    h('div', { className: 'item-head', onClick: () => actions.show(item) }, h('span', { className: 'item-status' }, item.status), ...summary(item)),
    item.sentence ? h('div', { className: 'item-sentence', lang: 'ko' }, item.sentence) : null,
    h(
      'div',
      { className: 'item-actions' },
      h('button', { className: 'accept', attrs: merged ? { disabled: '' } : {}, onClick: () => actions.decide(item, true) }, 'Accept'),
      h('button', { className: 'reject', attrs: merged ? { disabled: '' } : {}, onClick: () => actions.decide(item, false) }, 'Reject'),
      h('button', { className: 'edit', attrs: merged ? { disabled: '' } : {}, onClick: toggle('edit-form', () => editForm(item, kinds, actions)) }, 'Edit'),
      item.entityId ? h('button', { className: 'merge', attrs: editable ? {} : { disabled: '' }, onClick: toggle('merge-box', () => mergeBox(item, actions)) }, 'Merge…') : null,
    ),
    extra,
  );
  return li;
}
