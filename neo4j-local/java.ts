import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Neo4j 5.26 runs on Java 17 or 21 only. */
const SUPPORTED_MAJORS = [17, 21];

async function javaMajor(javaBin: string): Promise<number | null> {
  try {
    const { stderr, stdout } = await run(javaBin, ["-version"]);
    const match = /version "(\d+)/.exec(stderr + stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Finds a java binary Neo4j 5.26 accepts: JAVA_HOME, then `java` on PATH, then the JDKs
 * Debian and Temurin install under /usr/lib/jvm (a machine may default to a newer Java).
 */
export async function findJava(): Promise<string> {
  const candidates: string[] = [];
  if (process.env.JAVA_HOME) candidates.push(path.join(process.env.JAVA_HOME, "bin", "java"));
  candidates.push("java");
  const jvmDir = "/usr/lib/jvm";
  if (existsSync(jvmDir)) {
    for (const entry of readdirSync(jvmDir).sort()) candidates.push(path.join(jvmDir, entry, "bin", "java"));
  }
  const seen: string[] = [];
  for (const candidate of candidates) {
    const major = await javaMajor(candidate);
    if (major === null) continue;
    if (SUPPORTED_MAJORS.includes(major)) return candidate;
    seen.push(`${candidate} (Java ${major})`);
  }
  throw new Error(
    `Neo4j 5.26 needs Java 17 or 21, found ${seen.length ? seen.join(", ") : "no java"}. Install OpenJDK 17 (apt-get install openjdk-17-jre-headless) or set JAVA_HOME.`,
  );
}
