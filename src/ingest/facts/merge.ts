/**
 * One fact however often the issue states it: the summary phrase and the bullet sentence about the
 * same partnership become one node with both sentences as provenance. Facts are the same when they
 * have the same kind and type and the same participants (a partnership also when one's parties
 * include the other's), and metrics also the same value.
 */
import type { FactDraft, FactLink } from './fact.types';

export interface Cited {
  section: string;
  sentence: string;
  /** the bold title the sentence stands under, or the phrase itself: the fact's Korean name */
  koName: string;
  confidence: number;
  note?: string;
}

export interface MergedFact {
  draft: FactDraft;
  citations: Cited[];
  /** the sentence each link was read from */
  linkSources: Map<string, Cited>;
}

const PARTICIPATION = new Set(['PARTY_TO', 'INVESTOR_IN', 'RAISED', 'ISSUED', 'INVOLVED_IN', 'SUBJECT_OF']);
export const linkKey = (l: FactLink): string => `${l.type}|${l.direction}|${l.id}`;
export const partiesOf = (d: FactDraft): string[] => [...new Set(d.links.filter((l) => PARTICIPATION.has(l.type)).map((l) => l.id))].sort();

function same(a: FactDraft, b: FactDraft): boolean {
  if (a.kind !== b.kind || a.subtype !== b.subtype) return false;
  if (a.kind === 'METRIC') return a.key === b.key || (partiesOf(a).length > 0 && partiesOf(a).join() === partiesOf(b).join() && a.subtype === 'MARKET_SHARE');
  const pa = partiesOf(a);
  const pb = partiesOf(b);
  if (!pa.length || !pb.length) return false;
  const [small, big] = pa.length <= pb.length ? [pa, pb] : [pb, pa];
  // one statement may name fewer of the parties (the summary phrase); a partnership needs two in common
  if (!small.every((p) => big.includes(p)) || (a.kind === 'PARTNERSHIP' && small.length < 2 && pa.join() !== pb.join())) return false;
  return figuresAgree(a, b) && aboutAgree(a, b);
}

/** Two launches by one company are the same only when they launch the same products. */
function aboutAgree(a: FactDraft, b: FactDraft): boolean {
  const products = (d: FactDraft): string => d.links.filter((l) => l.type === 'ABOUT' && l.id.startsWith('product:')).map((l) => l.id).sort().join();
  return a.kind !== 'EVENT' || products(a) === products(b);
}

/** Two statements with different amounts are different facts. */
function figuresAgree(a: FactDraft, b: FactDraft): boolean {
  for (const k of ['amount', 'quantity', 'changePct', 'value']) {
    if (a.props[k] !== undefined && b.props[k] !== undefined && a.props[k] !== b.props[k]) return false;
  }
  return true;
}

export function mergeFacts(found: { draft: FactDraft; cited: Cited }[]): MergedFact[] {
  const out: MergedFact[] = [];
  for (const { draft, cited } of found) {
    const into = out.find((m) => same(m.draft, draft));
    if (!into) {
      const linkSources = new Map(draft.links.map((l) => [linkKey(l), cited]));
      out.push({ draft: { ...draft, props: { ...draft.props }, links: [...draft.links] }, citations: [cited], linkSources });
      continue;
    }
    const d = into.draft;
    for (const [k, v] of Object.entries(draft.props)) if (d.props[k] === undefined) d.props[k] = v;
    for (const l of draft.links) {
      const existing = d.links.find((x) => linkKey(x) === linkKey(l));
      if (!existing) {
        d.links.push(l);
        into.linkSources.set(linkKey(l), cited);
      } else if (existing.inferred && !l.inferred) {
        d.links[d.links.indexOf(existing)] = l;
        into.linkSources.set(linkKey(l), cited);
      }
    }
    if (!draft.incomplete) d.incomplete = undefined;
    d.confidence = Math.max(d.confidence, draft.confidence);
    if (!into.citations.some((c) => c.sentence === cited.sentence)) into.citations.push(cited);
  }
  return out.filter((m) => !m.draft.incomplete);
}
