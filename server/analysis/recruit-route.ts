/**
 * 招商路线图: the fewest candidates that close the most gap segments, by greedy weighted set
 * cover — each step takes the candidate whose not-yet-closed gaps weigh most (ties: higher
 * score, then id). Greedy is within a factor H(n) ≤ ln(n) + 1 of the optimum, n the largest
 * number of gaps one candidate closes (Chvátal 1979); the exact problem is NP-hard.
 */
export interface RouteCandidate {
  id: string;
  score: number;
  gaps: string[];
}

export interface RouteStep {
  step: number;
  firm: string;
  /** The gap segments this recruit closes that earlier steps had not. */
  closes: string[];
  score: number;
}

export function recruitRoute(candidates: RouteCandidate[], gapWeight: (gap: string) => number, maxSteps = 20): RouteStep[] {
  const open = new Set(candidates.flatMap((c) => c.gaps));
  const steps: RouteStep[] = [];
  const left = [...candidates];
  while (open.size > 0 && steps.length < maxSteps) {
    let best: { c: RouteCandidate; gain: number; closes: string[] } | undefined;
    for (const c of left) {
      const closes = c.gaps.filter((g) => open.has(g)).sort();
      const gain = closes.reduce((sum, g) => sum + gapWeight(g), 0);
      if (gain <= 0) continue;
      if (!best || gain > best.gain || (gain === best.gain && (c.score > best.c.score || (c.score === best.c.score && c.id < best.c.id)))) {
        best = { c, gain, closes };
      }
    }
    if (!best) break;
    for (const g of best.closes) open.delete(g);
    left.splice(left.indexOf(best.c), 1);
    steps.push({ step: steps.length + 1, firm: best.c.id, closes: best.closes, score: best.c.score });
  }
  return steps;
}
