/**
 * A graph's layout written compactly for a link: a checksum of the node ids, then each node's
 * position (whole model units, base 36) in id order. Pure. The checksum keeps a link from moving
 * the wrong nodes when the data behind it has changed: a layout for another node set is refused.
 */
export type Positions = Map<string, { x: number; y: number }>;

/** FNV-1a over the sorted ids: short, stable, and different when any id differs. */
function checksum(sortedIds: string[]): string {
  let hash = 0x811c9dc5;
  for (const char of sortedIds.join("\n")) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

export function encodeLayout(positions: Positions): string | undefined {
  const ids = [...positions.keys()].sort();
  if (ids.length === 0) return undefined;
  const pairs = ids.map((id) => {
    const { x, y } = positions.get(id)!;
    return `${Math.round(x).toString(36)}_${Math.round(y).toString(36)}`;
  });
  return [checksum(ids), ...pairs].join(".");
}

/** The positions a code gives the nodes `ids`, or undefined when it was written for another node set. */
export function decodeLayout(code: string, ids: string[]): Positions | undefined {
  const sorted = [...ids].sort();
  const [sum, ...pairs] = code.split(".");
  if (sum !== checksum(sorted) || pairs.length !== sorted.length) return undefined;
  const positions: Positions = new Map();
  for (const [i, pair] of pairs.entries()) {
    const [x, y] = pair.split("_").map((part) => Number.parseInt(part, 36));
    if (!Number.isFinite(x) || !Number.isFinite(y)) return undefined;
    positions.set(sorted[i]!, { x: x!, y: y! });
  }
  return positions;
}
