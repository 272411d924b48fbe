/**
 * The order paths are returned in: shortest first, then by node ids, one path per node sequence.
 */
import { compareIds } from '../graph/export/common';
import type { NodeSet, RawPath } from './trace.model';

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareIds(a[i], b[i]);
    if (c) return c;
  }
  return a.length - b.length;
}

/** Shortest first, then node ids, then edge ids (parallel relationships); one per node sequence. */
export function orderPaths(paths: readonly RawPath[]): RawPath[] {
  const sorted = [...paths].sort(
    (a, b) =>
      a.length - b.length ||
      compareLists(a.ids, b.ids) ||
      compareLists(
        a.edges.map((e) => e.id),
        b.edges.map((e) => e.id),
      ),
  );
  const seen = new Set<string>();
  return sorted.filter((p) => {
    const key = p.ids.join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * "+N more" for each node of a result: its traversable relationships minus those to other nodes
 * of the result (self-loops never count as hidden).
 */
export function hiddenCounts(set: NodeSet, result: ReadonlySet<string>): Map<string, number> {
  const shown = new Map<string, number>();
  for (const e of set.edges) {
    if (!set.counted.has(e.id) || !result.has(e.source) || !result.has(e.target)) continue;
    shown.set(e.source, (shown.get(e.source) ?? 0) + 1);
    shown.set(e.target, (shown.get(e.target) ?? 0) + 1);
  }
  const out = new Map<string, number>();
  for (const id of result) {
    const info = set.info.get(id);
    if (info) out.set(id, Math.max(0, info.degree - (shown.get(id) ?? 0)));
  }
  return out;
}
