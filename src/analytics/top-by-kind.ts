/**
 * The top entries of each kind from one score per node: what the PageRank worker sends back
 * instead of a million scores. Pure and dependency-free, since it runs on the worker thread.
 */

export interface RankedId {
  rank: number;
  score: number;
  id: string;
}

/**
 * The top `keep` of each kind by `score`, highest first, ties by id (code-unit order, as Cypher
 * compares strings); nodes whose `ranked` entry is 0 (no relationship) or whose kind is unknown
 * are left out. One pass with a small sorted list per kind, so O(n · keep) at worst.
 */
export function topByKind(
  ids: readonly string[],
  kinds: readonly (string | undefined)[],
  ranked: ArrayLike<number>,
  score: (i: number) => number,
  keep: number,
): Map<string, RankedId[]> {
  const better = (a: { score: number; id: string }, b: { score: number; id: string }) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const lists = new Map<string, { score: number; id: string }[]>();
  for (let i = 0; i < ids.length; i++) {
    const kind = kinds[i];
    if (ranked[i] === 0 || kind === undefined) continue;
    const entry = { score: score(i), id: ids[i] };
    let list = lists.get(kind);
    if (!list) lists.set(kind, (list = []));
    if (list.length === keep && better(entry, list[keep - 1]) >= 0) continue;
    let at = list.length;
    while (at > 0 && better(entry, list[at - 1]) < 0) at -= 1;
    list.splice(at, 0, entry);
    if (list.length > keep) list.pop();
  }
  return new Map([...lists].map(([kind, list]) => [kind, list.map((e, i) => ({ rank: i + 1, score: e.score, id: e.id }))]));
}
