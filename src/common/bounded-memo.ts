/**
 * A memo for things built from the shapes of requests (query texts, plans' subqueries). Clients
 * choose those shapes, so it is bounded: when full it starts over rather than growing without end.
 */
export function boundedMemo<T>(max: number): (key: string, build: () => T) => T {
  const cache = new Map<string, T>();
  return (key, build) => {
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size >= max) cache.clear();
      cache.set(key, (value = build()));
    }
    return value;
  };
}
