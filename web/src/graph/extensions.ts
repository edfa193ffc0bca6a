import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";
import svg from "cytoscape-svg";

let registered = false;

/** Registers the Cytoscape extensions exactly once (a second `use` of the same one throws). */
export function registerExtensions(): typeof cytoscape {
  if (!registered) {
    cytoscape.use(fcose);
    cytoscape.use(svg);
    registered = true;
  }
  return cytoscape;
}
