import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { z } from "zod";
import { ROLES, type Role } from "./roles.ts";

/** A configured API token: who holds it, what it may do, and the SHA-256 of the token itself. */
export interface TokenEntry {
  name: string;
  role: Role;
  sha256: Buffer;
}

export interface Principal {
  name: string;
  role: Role;
}

const tokenEntrySchema = z.object({
  name: z.string().regex(/^[\w.@-]{1,64}$/, "name: letters, digits, . _ @ - only (it is written to the audit log)"),
  role: z.enum(ROLES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/i, "sha256: must be 64 hex digits (the SHA-256 of the token)"),
});
const tokenFileSchema = z.array(tokenEntrySchema);

/**
 * Tokens are 32 random bytes, so a plain SHA-256 is enough to make the stored form useless to
 * a reader of the configuration (no dictionary to try); a slow password hash buys nothing here.
 */
export function hashToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

/** `AUTH_TOKENS="alice:editor:<sha256hex>,ops:admin:<sha256hex>"` */
export function parseTokenList(value: string): TokenEntry[] {
  return value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item, index) => {
      const [name, role, sha256, ...rest] = item.split(":");
      const parsed = tokenEntrySchema.safeParse({ name, role, sha256 });
      if (rest.length > 0 || !parsed.success) {
        const why = parsed.success ? "expected name:role:sha256hex" : parsed.error.issues[0]?.message;
        throw new Error(`entry ${index + 1} (${name ?? ""}): ${why}`);
      }
      return toEntry(parsed.data);
    });
}

/** `AUTH_TOKENS_FILE`: a JSON array of {name, role, sha256}. */
export function readTokenFile(file: string): TokenEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = tokenFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file} at ${issue?.path.join(".") || "top level"}: ${issue?.message}`);
  }
  return parsed.data.map(toEntry);
}

function toEntry(entry: z.infer<typeof tokenEntrySchema>): TokenEntry {
  return { name: entry.name, role: entry.role, sha256: Buffer.from(entry.sha256, "hex") };
}

/**
 * The holder of a presented token, or null. Every configured hash is compared, in constant
 * time, whatever matched earlier: how long this takes says nothing about which bytes were right.
 */
export function findPrincipal(tokens: readonly TokenEntry[], presented: string): Principal | null {
  const digest = hashToken(presented);
  let found: TokenEntry | null = null;
  for (const entry of tokens) {
    if (timingSafeEqual(digest, entry.sha256) && found === null) found = entry;
  }
  return found ? { name: found.name, role: found.role } : null;
}

/** The token of an `Authorization: Bearer <token>` header; null when absent or another scheme. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  return match?.[1] ?? null;
}
