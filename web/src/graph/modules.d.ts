// fcose ships without type declarations; it is registered with cytoscape.use() only.
declare module "cytoscape-fcose";
