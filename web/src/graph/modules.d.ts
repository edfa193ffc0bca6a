// The extensions ship without type declarations; they are registered with cytoscape.use() only.
declare module "cytoscape-svg";
declare module "cytoscape-fcose";
