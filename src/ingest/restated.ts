/**
 * Recognises a fact the graph already has: the same kind and type, the same participants, and no
 * figure that disagrees (a later issue's report of Alibaba's 380 billion yuan capex plan is the
 * existing plan, not a new one). The draft then cites the new sentence on the existing fact.
 */
import type { GazetteerFact } from './draft.model';
import type { FactDraft } from './facts/fact.types';
import { partiesOf } from './facts/merge';

const PARTICIPATION = new Set(['PARTY_TO', 'INVESTOR_IN', 'RAISED', 'ISSUED', 'INVOLVED_IN', 'SUBJECT_OF']);
const KEY_FIGURES = ['amount', 'currency', 'quantity', 'value', 'unit', 'changePct', 'periodYears', 'round'];

export function findRestated(d: FactDraft, facts: readonly GazetteerFact[]): GazetteerFact | undefined {
  const parties = partiesOf(d);
  if (!parties.length) return undefined;
  return facts.find((f) => {
    if (f.kind !== d.kind || (f.subtype ?? '') !== d.subtype) return false;
    const theirs = [...new Set(f.parties.filter((p) => PARTICIPATION.has(p.type)).map((p) => p.id))].sort();
    if (theirs.join() !== parties.join()) return false;
    // two launches by one company are one fact only when they launch the same products
    const products = (ids: string[]): string => ids.filter((id) => id.startsWith('product:')).sort().join();
    const mine = d.links.filter((l) => l.type === 'ABOUT').map((l) => l.id);
    if (d.kind === 'EVENT' && products(mine) !== products(f.parties.filter((p) => p.type === 'ABOUT').map((p) => p.id))) return false;
    // the same figures where both give one; a stock move or metric must also agree on its value
    const shared = KEY_FIGURES.filter((k) => f.figures[k] !== undefined && d.props[k] !== undefined);
    if (shared.some((k) => f.figures[k] !== d.props[k])) return false;
    return d.kind === 'METRIC' || d.subtype === 'STOCK_MOVE' ? shared.length > 0 : true;
  });
}
