import type { DraftItem } from './api';

/** A stretch of the draft's text: plain, or a sentence that items were drafted from. */
export interface Segment {
  text: string;
  start: number;
  itemIds: string[];
}

/**
 * Cuts the text into segments so each proposed item's sentence is one marked segment. Items that
 * share a sentence share its mark; a sentence inside another one's span joins that mark.
 */
export function segments(text: string, items: readonly DraftItem[]): Segment[] {
  const spans = new Map<string, { start: number; end: number; itemIds: string[] }>();
  for (const item of items) {
    if (item.sentenceStart === null || !item.sentence) continue;
    const key = `${item.sentenceStart}:${item.sentence.length}`;
    const span = spans.get(key) ?? { start: item.sentenceStart, end: item.sentenceStart + item.sentence.length, itemIds: [] };
    span.itemIds.push(item.id);
    spans.set(key, span);
  }
  const ordered = [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let at = 0;
  let last: Segment | undefined;
  let lastEnd = 0;
  for (const s of ordered) {
    if (last && s.start < lastEnd) {
      last.itemIds.push(...s.itemIds);
      continue;
    }
    if (s.start > at) out.push({ text: text.slice(at, s.start), start: at, itemIds: [] });
    last = { text: text.slice(s.start, s.end), start: s.start, itemIds: [...s.itemIds] };
    out.push(last);
    at = lastEnd = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), start: at, itemIds: [] });
  return out;
}
