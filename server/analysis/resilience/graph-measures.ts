/**
 * Graph measures on the supply graph (firm → firm SUPPLIES): articulation points and bridges on
 * its undirected form (Tarjan's low-link, iterative so a long chain cannot overflow the stack),
 * and betweenness centrality on its directed form (Brandes, unweighted). Pure.
 */
export interface SupplyEdge {
  from: string;
  to: string;
}

function undirected(nodes: string[], edges: SupplyEdge[]) {
  const adjacent = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const { from, to } of edges) {
    if (from === to || !adjacent.has(from) || !adjacent.has(to)) continue;
    adjacent.get(from)!.push(to);
    adjacent.get(to)!.push(from);
  }
  return adjacent;
}

/** Firms whose removal splits the supply graph, and ties whose removal does. */
export function cutPoints(nodes: string[], edges: SupplyEdge[]): { articulationPoints: string[]; bridges: SupplyEdge[] } {
  const adjacent = undirected(nodes, edges);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const points = new Set<string>();
  const bridges: SupplyEdge[] = [];
  let counter = 0;
  for (const root of nodes) {
    if (order.has(root)) continue;
    order.set(root, counter);
    low.set(root, counter++);
    let rootChildren = 0;
    // Each frame: node, its parent, the index of the next neighbour to look at, and whether the parent edge was skipped once.
    const stack: { node: string; parent: string | null; next: number; skippedParent: boolean }[] = [
      { node: root, parent: null, next: 0, skippedParent: false },
    ];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const neighbours = adjacent.get(frame.node)!;
      if (frame.next < neighbours.length) {
        const next = neighbours[frame.next++]!;
        if (next === frame.parent && !frame.skippedParent) {
          frame.skippedParent = true;
          continue;
        }
        if (order.has(next)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, order.get(next)!));
          continue;
        }
        order.set(next, counter);
        low.set(next, counter++);
        if (frame.node === root) rootChildren++;
        stack.push({ node: next, parent: frame.node, next: 0, skippedParent: false });
        continue;
      }
      stack.pop();
      const parent = frame.parent;
      if (parent === null) continue;
      low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      if (low.get(frame.node)! > order.get(parent)!) bridges.push({ from: parent, to: frame.node });
      if (parent !== root && low.get(frame.node)! >= order.get(parent)!) points.add(parent);
    }
    if (rootChildren > 1) points.add(root);
  }
  return { articulationPoints: nodes.filter((n) => points.has(n)), bridges };
}

/** Betweenness centrality on the directed supply graph, normalised to 0–1 by (n-1)(n-2). */
export function betweenness(nodes: string[], edges: SupplyEdge[]): Map<string, number> {
  const out = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const { from, to } of edges) if (from !== to && out.has(from) && out.has(to)) out.get(from)!.push(to);
  const score = new Map<string, number>(nodes.map((n) => [n, 0]));
  for (const source of nodes) {
    const stack: string[] = [];
    const preds = new Map<string, string[]>();
    const sigma = new Map<string, number>([[source, 1]]);
    const dist = new Map<string, number>([[source, 0]]);
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      stack.push(v);
      for (const w of out.get(v)!) {
        if (!dist.has(w)) {
          dist.set(w, dist.get(v)! + 1);
          queue.push(w);
        }
        if (dist.get(w) === dist.get(v)! + 1) {
          sigma.set(w, (sigma.get(w) ?? 0) + sigma.get(v)!);
          preds.set(w, [...(preds.get(w) ?? []), v]);
        }
      }
    }
    const delta = new Map<string, number>();
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of preds.get(w) ?? []) {
        delta.set(v, (delta.get(v) ?? 0) + (sigma.get(v)! / sigma.get(w)!) * (1 + (delta.get(w) ?? 0)));
      }
      if (w !== source) score.set(w, score.get(w)! + (delta.get(w) ?? 0));
    }
  }
  const n = nodes.length;
  const scale = n > 2 ? 1 / ((n - 1) * (n - 2)) : 1;
  return new Map([...score].map(([id, s]) => [id, s * scale]));
}
