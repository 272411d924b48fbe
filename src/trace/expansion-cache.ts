/**
 * The first levels of a path search read ahead in one statement (expandNearQuery in
 * trace.cypher.ts): a search whose paths lie within three levels of each end costs that statement
 * instead of one per level (issue 15). The search itself is unchanged (bounded-search.ts): it asks
 * for its levels as before, and a level whose nodes were all read ahead is answered from here with
 * what the expansion statement would answer, the same rows and the same count of relationships
 * read, so the budget, and the QUERY_TOO_COMPLEX it gives, are those of the search without it. A
 * level with nodes not read ahead (hubs, crowds, or past the third level) reads those with the expansion
 * statement, within what is left of the limit.
 */
import type { Expand } from './bounded-search';
import type { ExpansionRow } from './path-search';

/** One node's relationships as the expansion statement groups them (each row's `from` is the node). */
export interface NearNode {
  rows: ExpansionRow[];
  /** the relationships behind the rows (parallel ones share a row) */
  read: number;
}

export type Near = ReadonlyMap<string, NearNode>;

/** An Expand answering from `near` what it holds, and from `expand` the rest. */
export function withNear(near: Near, expand: Expand): Expand {
  return async (spec, frontier, limit, window) => {
    const rows: ExpansionRow[] = [];
    let read = 0;
    const missing: string[] = [];
    for (const id of frontier) {
      const node = near.get(id);
      if (!node) {
        missing.push(id);
        continue;
      }
      rows.push(...node.rows);
      read += node.read;
    }
    // the statement stops after `limit` relationships: past it the search gives up, whatever the rows
    if (!missing.length || read >= limit) return { rows, read: Math.min(read, limit) };
    const rest = await expand(spec, missing, limit - read, window);
    return { rows: [...rows, ...rest.rows], read: read + rest.read };
  };
}
