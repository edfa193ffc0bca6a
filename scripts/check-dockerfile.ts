import { type ChildProcess, execSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/free-port.ts";

/**
 * Runs the Dockerfile's steps without Docker, for machines (and CI) where no engine answers:
 * the build stage's COPY and RUN lines in a temporary copy of the build context (.dockerignore
 * applied), the runtime stage's COPY --from lines into a second folder, then the runtime CMD from
 * that folder with the caller's NEO4J_* settings, until /api/health and /api/ready answer 200 and
 * the web bundle is served. It reads the instructions from the Dockerfile itself, so a step that
 * is changed there is the step checked here. Exits non-zero, naming the step, when one fails.
 *
 *   NEO4J_URI=bolt://… NEO4J_PASSWORD=… npx tsx scripts/check-dockerfile.ts [--keep]
 */
const ROOT = path.join(import.meta.dirname, "..");
const IMAGE_ROOT = "/app";

interface Instruction {
  keyword: string;
  args: string;
}

interface Stage {
  name: string;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.replace(/\\\n/g, " ").split("\n");
  for (const raw of lines) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const [keyword = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (keyword.toUpperCase() === "FROM") {
      stages.push({ name: /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.length), instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
  }
  return stages;
}

function dockerignore(): string[] {
  const file = path.join(ROOT, ".dockerignore");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .map((l) => l.trim().replace(/\/$/, ""))
    .filter((l) => l && !l.startsWith("#"));
}

/** Copies `sources` (relative to `from`) to `to`, as COPY does: a folder's contents, a file by name. */
function copy(from: string, sources: string[], to: string, ignored: string[]) {
  const skip = (absolute: string) => {
    const relative = path.relative(from, absolute);
    return ignored.some((pattern) => relative === pattern || relative.startsWith(`${pattern}/`));
  };
  const intoFolder = to.endsWith("/") || sources.length > 1;
  for (const source of sources) {
    const absolute = path.join(from, source);
    const target = intoFolder && !source.endsWith("/") && source !== "." ? path.join(to, path.basename(source)) : to;
    cpSync(absolute, target, { recursive: true, filter: (p) => !skip(p) });
  }
}

function inImage(dir: string, imagePath: string, workdir: string): string {
  const absolute = path.posix.isAbsolute(imagePath) ? imagePath : path.posix.join(workdir, imagePath);
  return path.join(dir, path.posix.relative(IMAGE_ROOT, absolute)) + (imagePath.endsWith("/") ? "/" : "");
}

function say(line: string) {
  console.log(`[check-dockerfile] ${line}`);
}

/** The build stage: COPY from the context, RUN in the stage's folder. */
function runBuildStage(stage: Stage, dir: string) {
  let workdir = IMAGE_ROOT;
  for (const { keyword, args } of stage.instructions) {
    if (keyword === "WORKDIR") workdir = args;
    else if (keyword === "COPY") {
      const parts = args.split(/\s+/);
      const to = parts.pop() ?? ".";
      say(`COPY ${args}`);
      copy(ROOT, parts, inImage(dir, to === "." ? "./" : to, workdir), dockerignore());
    } else if (keyword === "RUN") {
      say(`RUN ${args}`);
      execSync(args, { cwd: inImage(dir, ".", workdir), stdio: "inherit", env: { ...process.env, NODE_ENV: undefined } });
    } else if (keyword === "ENV") {
      say(`(ENV ${args} applies to the build's RUN lines)`);
    } else throw new Error(`check-dockerfile: the build stage's ${keyword} is not emulated; extend this script`);
  }
}

/** The runtime stage: COPY --from the build folder, ENV collected, CMD returned. */
function assembleRuntime(stage: Stage, built: Record<string, string>, dir: string) {
  let workdir = IMAGE_ROOT;
  const env: Record<string, string> = {};
  let cmd: string[] = [];
  for (const { keyword, args } of stage.instructions) {
    if (keyword === "WORKDIR") workdir = args;
    else if (keyword === "ENV") {
      const [name, ...value] = args.split(/[=\s]/);
      if (name) env[name] = value.join("=");
    } else if (keyword === "COPY") {
      const from = /^--from=(\S+)\s+/.exec(args);
      if (!from?.[1] || !built[from[1]]) throw new Error(`check-dockerfile: runtime COPY without a known --from: ${args}`);
      const parts = args.slice(from[0].length).split(/\s+/);
      const to = parts.pop() ?? ".";
      say(`COPY --from=${from[1]} ${parts.join(" ")} ${to}`);
      const sourceDir = built[from[1]] as string;
      for (const source of parts) {
        const target =
          parts.length > 1 || to.endsWith("/") ? path.join(inImage(dir, to, workdir), path.basename(source)) : inImage(dir, to, workdir);
        cpSync(inImage(sourceDir, source, IMAGE_ROOT), target, { recursive: true });
      }
    } else if (keyword === "CMD") cmd = JSON.parse(args) as string[];
    else if (keyword === "RUN") checkSystemPackages(args);
    else if (!["USER", "EXPOSE", "LABEL", "HEALTHCHECK"].includes(keyword)) {
      throw new Error(`check-dockerfile: the runtime stage's ${keyword} is not emulated; extend this script`);
    }
  }
  if (cmd.length === 0) throw new Error("check-dockerfile: the runtime stage has no CMD in exec form");
  return { env, cmd, cwd: inImage(dir, ".", workdir) };
}

/**
 * A runtime RUN may only install Debian packages (apt-get install); without Docker the step is
 * checked by requiring those packages to be installed on this machine, where the app then runs.
 */
export function aptPackages(args: string): string[] {
  const install = /apt-get install\s+([^&;|]+)/.exec(args);
  if (!install?.[1]) throw new Error(`check-dockerfile: the runtime stage's RUN is not an apt-get install: ${args}`);
  return install[1].split(/\s+/).filter((word) => word && !word.startsWith("-"));
}

function checkSystemPackages(args: string) {
  for (const pkg of aptPackages(args)) {
    let status = "";
    try {
      status = execSync(`dpkg-query -W -f='\${Status}' ${pkg}`, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    } catch {
      status = "";
    }
    if (!status.includes("install ok installed"))
      throw new Error(`the runtime stage installs ${pkg}, which is not installed here (apt-get install ${pkg})`);
    say(`RUN apt-get install ${pkg}: installed here`);
  }
}

async function waitFor(url: string, app: ChildProcess, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app exited with ${app.exitCode} before ${url} answered`);
    const res = await fetch(url).catch(() => null);
    if (res?.ok) return res;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

async function main() {
  if (!process.env.NEO4J_URI || !process.env.NEO4J_PASSWORD) {
    throw new Error("set NEO4J_URI and NEO4J_PASSWORD: the app is started against that Neo4j");
  }
  const stages = parseDockerfile(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
  const runtime = stages.at(-1);
  if (!runtime || stages.length < 2) throw new Error("check-dockerfile: expected a multi-stage Dockerfile");
  const work = mkdtempSync(path.join(tmpdir(), "chain-atlas-image-"));
  const built: Record<string, string> = {};
  let app: ChildProcess | undefined;
  try {
    for (const stage of stages.slice(0, -1)) {
      const dir = path.join(work, stage.name);
      runBuildStage(stage, dir);
      built[stage.name] = dir;
    }
    const image = assembleRuntime(runtime, built, path.join(work, runtime.name));
    for (const devOnly of ["vite", "vitest", "typescript", "@biomejs/biome"]) {
      if (existsSync(path.join(image.cwd, "node_modules", devOnly)))
        throw new Error(`the runtime image holds the dev dependency ${devOnly}`);
    }
    say("no dev dependencies in the runtime node_modules");

    const port = await freePort();
    say(`CMD ${image.cmd.join(" ")} (port ${port})`);
    const [command = "node", ...args] = image.cmd;
    app = spawn(command, args, {
      cwd: image.cwd,
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...pick(process.env, /^NEO4J_/),
        ...image.env,
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    });
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, app, 120_000);
    await waitFor(`${base}/api/ready`, app, 60_000);
    const page = await (await waitFor(`${base}/`, app, 10_000)).text();
    if (!page.includes("<script")) throw new Error("/ did not serve the built web bundle");
    say("the app from the runtime folder answered /api/health, /api/ready and served the web bundle");
    // The 图表包 needs the native PNG renderer and the CJK font: ask for the demo pair's pack
    // (404 when the database holds no demo data, which says nothing about the image).
    const pack = await fetch(`${base}/api/chains/chain:beauty-health/pack?region=region:lianzhou`);
    const bytes = Buffer.from(await pack.arrayBuffer());
    if (pack.status === 200 && bytes.subarray(0, 2).toString() === "PK") say("the runtime folder built a 图表包 (PNG, PDF and fonts work)");
    else if (pack.status !== 404)
      throw new Error(`the 图表包 failed in the runtime folder: ${pack.status} ${bytes.subarray(0, 300).toString()}`);
  } finally {
    if (app && app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    if (!process.argv.includes("--keep")) rmSync(work, { recursive: true, force: true });
    else say(`kept ${work}`);
  }
}

function pick(env: NodeJS.ProcessEnv, pattern: RegExp): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => pattern.test(e[0]) && e[1] !== undefined));
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().then(
    () => say("OK"),
    (error) => {
      console.error(`[check-dockerfile] FAILED: ${(error as Error).message}`);
      process.exit(1);
    },
  );
}
