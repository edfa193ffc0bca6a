import type { Graph } from "./db/graph.ts";
import { loadDemoOutsideFirms } from "./seed/demo-outside.ts";

/** `npm start` with DEMO_OUTSIDE_FIRMS=true: loads the synthetic outside-firms layer once and says so. */
export async function loadDemoOutsideLayer(graph: Graph, log: (line: string) => void) {
  const result = await loadDemoOutsideFirms(graph);
  log(
    result.skipped
      ? "Synthetic demo outside firms (【示例】) already present."
      : `Synthetic demo outside firms (【示例】, :Synthetic) loaded: ${result.nodesCreated} firms, ${result.relationshipsCreated} ties. Remove with npm run seed:synthetic -- --remove.`,
  );
}
