import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

let registered = false;

/** Registers the Cytoscape extensions exactly once (a second `use` of the same one throws). */
export function registerExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(fcose);
    registered = true;
  }
  return cytoscape;
}
