import { createClient } from 'graphql-ws';
import * as api from './api';
import type { GraphView } from './graph';

/**
 * The open view, live: a graphChanged subscription (graphql-ws on this origin's /graphql) filtered
 * on the server to the entities on screen. A new relationship of a shown entity appears with its
 * other end, a deleted relationship or entity goes. When the shown entities change, the
 * subscription is replaced, resuming after the last position seen so nothing falls between the
 * two. A dot in the top bar shows whether the live connection is up.
 */
interface Change {
  position: string;
  op: 'ENTITY_CREATED' | 'ENTITY_UPDATED' | 'ENTITY_DELETED' | 'RELATIONSHIP_CREATED' | 'RELATIONSHIP_DELETED';
  entityId: string | null;
  edge: api.GraphEdge | null;
}

const SUBSCRIPTION = `subscription ExplorerLive($ids: [ID!], $after: String) {
  graphChanged(ids: $ids, after: $after) { position op entityId edge { id type source target properties } }
}`;

/** Ids per subscription: the server refuses more than 1,000. */
const MAX_IDS = 1000;

export function startLive(graph: GraphView, onChange: () => void): void {
  const indicator = document.createElement('span');
  indicator.id = 'live';
  indicator.className = 'live offline';
  indicator.title = 'Live updates';
  indicator.textContent = 'offline';
  document.querySelector('.topbar')?.appendChild(indicator);
  const show = (up: boolean) => {
    indicator.className = `live ${up ? 'online' : 'offline'}`;
    indicator.textContent = up ? 'live' : 'offline';
  };

  const client = createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    // connected while the page is open, view or not, so the indicator says whether live updates would arrive
    lazy: false,
    onNonLazyError: () => show(false),
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: { connected: () => show(true), closed: () => show(false) },
  });

  let last: string | undefined;
  let stop: (() => void) | undefined;
  let shown = '';

  const apply = async (c: Change) => {
    last = c.position;
    const cy = graph.cy;
    if (c.op === 'ENTITY_DELETED' && c.entityId) cy.getElementById(c.entityId).remove();
    else if (c.op === 'RELATIONSHIP_DELETED' && c.edge) cy.getElementById(c.edge.id).remove();
    else if (c.op === 'RELATIONSHIP_CREATED' && c.edge) {
      const edge = c.edge;
      const missing = [edge.source, edge.target].find((id) => cy.getElementById(id).empty());
      const anchor = [edge.source, edge.target].find((id) => cy.getElementById(id).nonempty());
      const nodes = missing ? (await api.neighborhood(missing, null, 1)).nodes.filter((n) => n.id === missing) : [];
      graph.merge(nodes, [edge], anchor);
    } else return;
    onChange();
  };

  const resubscribe = () => {
    const ids = graph.cy.nodes().map((n) => n.id()).slice(0, MAX_IDS);
    const key = ids.sort().join(',');
    if (key === shown) return;
    shown = key;
    stop?.();
    stop = undefined;
    if (!ids.length) return;
    let queue = Promise.resolve();
    stop = client.subscribe<{ graphChanged: Change }>(
      { query: SUBSCRIPTION, variables: { ids, after: last } },
      {
        next: (r) => {
          const change = r.data?.graphChanged;
          // one change at a time, in order (a new edge may first fetch its other end)
          if (change) queue = queue.then(() => apply(change)).catch(() => undefined);
        },
        error: () => show(false),
        complete: () => undefined,
      },
    );
  };

  let timer: number | undefined;
  graph.cy.on('add remove', 'node', () => {
    clearTimeout(timer);
    timer = window.setTimeout(resubscribe, 250);
  });
}
