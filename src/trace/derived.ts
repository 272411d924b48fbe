/**
 * The derived view: reified facts collapsed into direct edges between the entities they join, so a
 * network drawing shows "Apple PARTNERS_WITH Baidu" instead of a partnership node in between.
 * Each derived edge carries the ids of the facts behind it (`viaFactIds`) and an id prefixed
 * `derived:`. A fact is removed from the view only when it produced at least one derived edge.
 * Events and metrics stay nodes: they are happenings and measurements, not relations.
 */
import { compareIds } from '../graph/export/common';
import { edgeId, type GraphEdgeData, type SubgraphData } from '../graph/subgraph';
import type { Participation } from './trace.model';
import { KINDS } from '../model/kinds';

export interface DerivedEdges {
  edges: GraphEdgeData[];
  /** facts that produced at least one derived edge */
  collapsed: Set<string>;
}

/** The derived edges among the entities in `present`, from each fact's participants. */
export function deriveEdges(participations: readonly Participation[], present: ReadonlySet<string>): DerivedEdges {
  const byFact = new Map<string, Participation[]>();
  for (const p of participations) {
    if (!present.has(p.factId) || !present.has(p.entityId) || p.entityId === p.factId) continue;
    const list = byFact.get(p.factId) ?? [];
    list.push(p);
    byFact.set(p.factId, list);
  }
  const merged = new Map<string, { source: string; type: string; target: string; facts: Set<string> }>();
  const collapsed = new Set<string>();
  const add = (factId: string, source: string, type: string, target: string) => {
    if (source === target) return;
    const id = `derived:${edgeId(source, type, target)}`;
    const entry = merged.get(id) ?? { source, type, target, facts: new Set<string>() };
    entry.facts.add(factId);
    merged.set(id, entry);
    collapsed.add(factId);
  };
  for (const [factId, parts] of byFact) {
    const ids = (type: string) => [...new Set(parts.filter((p) => p.type === type).map((p) => p.entityId))].sort(compareIds);
    switch (KINDS[parts[0].factKind]?.derivedEdge) {
      case 'PARTNERS_WITH': {
        // undirected in meaning: one edge per pair, from the smaller id, so the id is stable
        const parties = ids('PARTY_TO');
        for (let i = 0; i < parties.length; i++) for (let j = i + 1; j < parties.length; j++) add(factId, parties[i], 'PARTNERS_WITH', parties[j]);
        break;
      }
      case 'INVESTED_IN': {
        const investees = ids('RAISED');
        const targets = investees.length ? investees : ids('FUNDS');
        for (const investor of ids('INVESTOR_IN')) for (const target of targets) add(factId, investor, 'INVESTED_IN', target);
        break;
      }
      case 'ISSUED_POLICY':
        for (const issuer of ids('ISSUED')) for (const target of ids('AFFECTS')) add(factId, issuer, 'ISSUED_POLICY', target);
        break;
      default:
        break;
    }
  }
  const edges = [...merged.entries()].map(([id, e]) => ({
    id,
    type: e.type,
    source: e.source,
    target: e.target,
    properties: { viaFactIds: [...e.facts].sort(compareIds) },
  }));
  return { edges: edges.sort((a, b) => compareIds(a.id, b.id)), collapsed };
}

/** The subgraph with collapsed facts (and their edges) replaced by the derived edges. */
export function applyDerived(sub: SubgraphData, derived: DerivedEdges): SubgraphData {
  const keep = (id: string) => !derived.collapsed.has(id);
  return {
    nodes: sub.nodes.filter((n) => keep(n.id)),
    edges: [...sub.edges.filter((e) => keep(e.source) && keep(e.target)), ...derived.edges].sort((a, b) => compareIds(a.id, b.id)),
    truncated: sub.truncated,
  };
}
