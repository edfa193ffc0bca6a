import type { Position } from "./crs.ts";

/**
 * Where a polygon ring crosses itself, if it does: the first crossing found, or null. Segments
 * are bucketed into a grid so a ring of 100k vertices is checked in near-linear time rather than
 * comparing every pair; adjacent segments (sharing a vertex) are not crossings.
 */
export function findSelfIntersection(ring: Position[]): Position | null {
  const n = ring.length - 1;
  if (n < 4) return null;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const [x, y] of ring) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const side = Math.max(1, Math.ceil(Math.sqrt(n)));
  const cellW = (maxX - minX) / side || 1;
  const cellH = (maxY - minY) / side || 1;
  const cells = new Map<number, number[]>();
  const cellOf = (v: number, min: number, size: number) => Math.min(side - 1, Math.max(0, Math.floor((v - min) / size)));
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Position;
    const b = ring[i + 1] as Position;
    const x0 = cellOf(Math.min(a[0], b[0]), minX, cellW);
    const x1 = cellOf(Math.max(a[0], b[0]), minX, cellW);
    const y0 = cellOf(Math.min(a[1], b[1]), minY, cellH);
    const y1 = cellOf(Math.max(a[1], b[1]), minY, cellH);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cx * side + cy;
        const list = cells.get(key);
        if (list) {
          for (const j of list) {
            if (adjacent(i, j, n)) continue;
            const hit = crossing(a, b, ring[j] as Position, ring[j + 1] as Position);
            if (hit) return hit;
          }
          list.push(i);
        } else cells.set(key, [i]);
      }
    }
  }
  return null;
}

function adjacent(i: number, j: number, n: number): boolean {
  return Math.abs(i - j) <= 1 || (i === 0 && j === n - 1) || (j === 0 && i === n - 1);
}

function orientation(p: Position, q: Position, r: Position): number {
  const value = (q[1] - p[1]) * (r[0] - q[0]) - (q[0] - p[0]) * (r[1] - q[1]);
  return value === 0 ? 0 : value > 0 ? 1 : 2;
}

function onSegment(p: Position, q: Position, r: Position): boolean {
  return q[0] <= Math.max(p[0], r[0]) && q[0] >= Math.min(p[0], r[0]) && q[1] <= Math.max(p[1], r[1]) && q[1] >= Math.min(p[1], r[1]);
}

/** The point where segments ab and cd meet (a touching end counts), or null. */
function crossing(a: Position, b: Position, c: Position, d: Position): Position | null {
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (o1 !== o2 && o3 !== o4) {
    const den = (a[0] - b[0]) * (c[1] - d[1]) - (a[1] - b[1]) * (c[0] - d[0]);
    if (den === 0) return c;
    const t = ((a[0] - c[0]) * (c[1] - d[1]) - (a[1] - c[1]) * (c[0] - d[0])) / den;
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }
  if (o1 === 0 && onSegment(a, c, b)) return c;
  if (o2 === 0 && onSegment(a, d, b)) return d;
  if (o3 === 0 && onSegment(c, a, d)) return a;
  if (o4 === 0 && onSegment(c, b, d)) return b;
  return null;
}
