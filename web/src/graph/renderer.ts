/**
 * Whether a real GPU is present. Cytoscape's WebGL renderer crashed under software GL on our
 * machines (see MEASURED.md), so it is only offered when the browser reports hardware rendering.
 */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render|microsoft basic|mesa offscreen/i;

export function isSoftwareRenderer(name: string): boolean {
  return name === "" || SOFTWARE.test(name);
}

export function detectGpu(): { gpu: boolean; renderer: string } {
  try {
    const canvas = document.createElement("canvas");
    const gl = (canvas.getContext("webgl2") ?? canvas.getContext("webgl")) as WebGLRenderingContext | null;
    if (!gl) return { gpu: false, renderer: "" };
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return { gpu: !isSoftwareRenderer(renderer), renderer };
  } catch {
    return { gpu: false, renderer: "" };
  }
}

const KEY = "chain-atlas.webgl";

/** The user's choice, honoured only where a GPU was detected. */
export function webglWanted(): boolean {
  try {
    return localStorage.getItem(KEY) === "on" && detectGpu().gpu;
  } catch {
    return false;
  }
}

export function setWebglWanted(on: boolean): void {
  try {
    localStorage.setItem(KEY, on ? "on" : "off");
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}
