/**
 * Remembers what `make` returns for each key, for values that are costly to make and asked for
 * with a small set of keys over and over (date formats, request targets, Accept-Encoding headers).
 * At most `maxEntries` are kept: when full the memory starts afresh, so a stream of new keys (a
 * crawler's URLs) costs what it would without it and never grows the process.
 */
export function boundedMemo<K, V>(maxEntries: number, make: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      if (known.size >= maxEntries) known.clear();
      value = make(key);
      known.set(key, value);
    }
    return value;
  };
}
