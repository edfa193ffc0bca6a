import type { App } from "../../../server/app.ts";
import type { Access } from "../../../server/auth/roles.ts";

export type JsonSchema = {
  type?: string | string[];
  enum?: unknown[];
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
  format?: string;
};

export interface Parameter {
  in: "query" | "path";
  name: string;
  required: boolean;
  schema: JsonSchema;
}

/** One endpoint as the app documents it, with the access its guard enforces. */
export interface Operation {
  method: string;
  /** OpenAPI form: /api/nodes/{id} */
  path: string;
  parameters: Parameter[];
  jsonBody: JsonSchema | null;
  multipart: boolean;
  access: Access;
}

/**
 * Every endpoint in the app's own OpenAPI document, so anything another engineer adds is
 * covered the day it is registered, without touching these tests.
 */
export function operationsOf(app: App): Operation[] {
  const spec = app.swagger() as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>>;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const name = schema.$ref.split("/").pop() ?? "";
    return resolve(spec.components?.schemas?.[name] ?? {});
  };
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const upper = method.toUpperCase();
      const routeKey = `${upper} ${path.replaceAll(/\{(\w+)\}/g, ":$1")}`;
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: upper,
        path,
        parameters: (op.parameters ?? []).map((p) => ({ ...p, required: Boolean(p.required), schema: resolve(p.schema ?? {}) })),
        jsonBody: content["application/json"] ? resolve(content["application/json"].schema) : null,
        multipart: "multipart/form-data" in content,
        access: app.routeAccess.get(routeKey) ?? "public",
      });
    }
  }
  return operations;
}

/** Needs more than a viewer: editor or admin (the audit log is an admin read). */
export const isPrivileged = (op: Operation) => op.access === "editor" || op.access === "admin";

/** Changes data: a privileged route with a method other than GET. */
export const isWrite = (op: Operation) => isPrivileged(op) && op.method !== "GET";
