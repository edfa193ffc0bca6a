// Runs inside headless Chromium (loaded as a plain script, not bundled): draws the elements with
// Cytoscape, reports the time to the first drawn frame, then frames per second while panning.
window.benchRender = async (elements, style, webgl, panSeconds) => {
  const started = performance.now();
  const cy = window.cytoscape({
    container: document.getElementById("cy"),
    elements,
    style,
    layout: { name: "preset" },
    ...(webgl ? { renderer: { name: "canvas", webgl: true } } : {}),
  });
  await new Promise((resolve) => cy.one("render", resolve));
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const firstRenderMs = performance.now() - started;
  let frames = 0;
  cy.on("render", () => {
    frames += 1;
  });
  const panStarted = performance.now();
  await new Promise((resolve) => {
    const step = () => {
      cy.panBy({ x: 4, y: 2 });
      if (performance.now() - panStarted < panSeconds * 1000) requestAnimationFrame(step);
      else resolve();
    };
    requestAnimationFrame(step);
  });
  const panFps = frames / ((performance.now() - panStarted) / 1000);
  cy.destroy();
  return { firstRenderMs, panFps };
};
