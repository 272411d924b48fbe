/**
 * Finds the graph's known entities in a sentence by any of their names in any language, followed
 * by a Korean particle or the end of the word: `알리바바는`, `阿里巴巴`, `Alibaba's` all link to
 * `company:alibaba`. The longest name wins where names overlap (`상하이 정부` over `상하이`).
 */
import type { EntityKind } from '../../model/kinds';
import type { Gazetteer, GazetteerEntity } from '../draft.model';
import { boundaryBefore, particleAfter } from '../text/particles';

export interface Mention {
  /** verbatim name as written in the sentence (without the particle) */
  text: string;
  start: number;
  end: number;
  /** the particle after it ('' when none) */
  particle: string;
  /** the entities the name may mean, best first */
  candidates: GazetteerEntity[];
}

/** When one name means several entities, the more specific actor first. */
const KIND_PREFERENCE: EntityKind[] = ['COMPANY', 'GOVERNMENT', 'ORGANIZATION', 'PERSON', 'PRODUCT', 'PLACE', 'SECTOR'];
const rank = (k: EntityKind): number => {
  const i = KIND_PREFERENCE.indexOf(k);
  return i < 0 ? KIND_PREFERENCE.length : i;
};

const fold = (s: string): string => s.toLowerCase();

export class Linker {
  /** names by their first character (lower-cased), longest first */
  private readonly byFirst = new Map<string, { name: string; entities: GazetteerEntity[] }[]>();

  constructor(gazetteer: Gazetteer) {
    const byName = new Map<string, GazetteerEntity[]>();
    for (const e of gazetteer.entities) {
      for (const n of [...e.names.map((x) => x.value), e.name]) {
        const name = n.trim();
        // one-letter names (and two Latin letters) match too much of ordinary text
        if (name.length < 2 || (/^[A-Za-z]{2}$/.test(name) && name !== name.toUpperCase())) continue;
        const key = fold(name);
        const list = byName.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        byName.set(key, list);
      }
    }
    for (const [name, entities] of byName) {
      entities.sort((a, b) => rank(a.kind) - rank(b.kind) || a.id.localeCompare(b.id));
      const first = name[0];
      const list = this.byFirst.get(first) ?? [];
      list.push({ name, entities });
      this.byFirst.set(first, list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.name.length - a.name.length || a.name.localeCompare(b.name));
  }

  /**
   * Shorter known names inside a mention, for the reviewer's list (not for the fact patterns):
   * `애플` in `애플 인텔리전스`, `홍콩` in `홍콩 증시`, the place `항저우` in `항저우시` (a place name may
   * take the suffix 시, 성, 구, 군, 현 or 주).
   */
  nested(s: string, m: Mention): Mention[] {
    const out: Mention[] = [];
    const folded = fold(s);
    for (let i = m.start; i < m.end; i++) {
      if (!boundaryBefore(s, i, s[i]) && i !== m.start) continue;
      for (const { name, entities } of this.byFirst.get(folded[i]) ?? []) {
        if (name.length >= m.end - i || !folded.startsWith(name, i)) continue;
        const end = i + name.length;
        const suffix = /^[시성구군현주]/.test(s.slice(end, end + 1)) && entities.some((e) => e.kind === 'PLACE') ? 1 : 0;
        if (particleAfter(s, end + suffix) === undefined) continue;
        out.push({ text: s.slice(i, end), start: i, end, particle: '', candidates: suffix ? entities.filter((e) => e.kind === 'PLACE') : entities });
      }
    }
    return out;
  }

  /** Every known-entity mention in `s`, left to right, not overlapping. */
  find(s: string): Mention[] {
    const out: Mention[] = [];
    const folded = fold(s);
    for (let i = 0; i < s.length; ) {
      const list = this.byFirst.get(folded[i]);
      let hit: Mention | undefined;
      if (list && boundaryBefore(s, i, s[i])) {
        for (const { name, entities } of list) {
          if (!folded.startsWith(name, i)) continue;
          // Chinese writes no spaces: a Chinese name ends where it ends
          const han = /[\u4e00-\u9fff]/;
          const particle = han.test(name[name.length - 1]) && han.test(s[i + name.length] ?? '') ? '' : particleAfter(s, i + name.length);
          if (particle === undefined) continue;
          hit = { text: s.slice(i, i + name.length), start: i, end: i + name.length, particle, candidates: entities };
          break;
        }
      }
      if (hit) {
        out.push(hit);
        i = hit.end;
      } else i++;
    }
    return out;
  }
}

/** The first candidate of one of `kinds`, if any. */
export function candidateOf(m: Mention, kinds: readonly EntityKind[]): GazetteerEntity | undefined {
  return m.candidates.find((c) => kinds.includes(c.kind));
}
