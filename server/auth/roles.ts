/** Who may do what: each role includes the ones before it. */
export const ROLES = ["viewer", "editor", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a route needs: a role, or nothing at all (probes, the web shell, the API docs). */
export type Access = Role | "public";

export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

const READ_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isReadMethod(method: string): boolean {
  return READ_METHODS.has(method.toUpperCase());
}

/** Paths anyone may call whatever the configuration: liveness and readiness probes. */
const PUBLIC_API_PATHS = new Set(["/api/health", "/api/ready"]);

/**
 * The access a route needs. Closed by default: a route that declares nothing gets viewer for
 * reads, admin for DELETE and editor for every other method, so a write route that forgets to
 * say what it needs is still protected. Only an explicit `role` lowers that (POST /api/export
 * is a read carried in a body). Everything outside /api/ is the web app shell and API docs.
 */
export function requiredAccess(method: string, url: string, declared: Access | undefined): Access {
  if (declared) return declared;
  if (!url.startsWith("/api/") || PUBLIC_API_PATHS.has(url)) return "public";
  if (isReadMethod(method)) return "viewer";
  return method.toUpperCase() === "DELETE" ? "admin" : "editor";
}
