import fastJson from "fast-json-stringify";
import type { FastifySerializerCompiler } from "fastify/types/schema.js";
import { serializerCompiler as zodSerializerCompiler } from "fastify-type-provider-zod";
import { z } from "zod";

/**
 * Response serialisation compiled once per route from its zod schema: the schema's JSON Schema
 * (zod's own, output side) goes to fast-json-stringify, which writes only the declared
 * properties — a field a repository leaves on a row (an internal property, a stray key) is
 * dropped, as zod's parse dropped it — without re-validating a large payload with zod on every
 * reply. The payloads are built by the app's own code from typed rows; request input is still
 * validated by zod on the way in.
 * A schema JSON Schema cannot express (a transform, a date, a refinement on output) keeps zod's
 * serializer for that route, so nothing is sent that zod would have shaped differently.
 */
export const compiledSerializerCompiler: FastifySerializerCompiler<z.ZodType> = (route) => {
  const compiled = compileResponseSerializer(route.schema);
  return compiled ?? zodSerializerCompiler(route);
};

/** fast-json-stringify for a zod response schema, or undefined when only zod can shape it. */
export function compileResponseSerializer(schema: unknown): ((data: unknown) => string) | undefined {
  if (!(schema instanceof z.ZodType)) return undefined;
  let jsonSchema: Record<string, unknown>;
  try {
    jsonSchema = z.toJSONSchema(schema, {
      io: "output",
      target: "draft-7",
      unrepresentable: "throw",
      cycles: "ref",
      reused: "inline",
    }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (hasOutputDefaults(schema)) return undefined;
  const stringify = fastJson(jsonSchema as unknown as Parameters<typeof fastJson>[0]);
  return (data) => stringify(data);
}

/**
 * zod fills an output default (`.default()`) on parse; fast-json-stringify would not. The check
 * walks the schema's definition for a default, a transform or a pipe anywhere inside.
 */
function hasOutputDefaults(schema: z.ZodType, seen = new Set<unknown>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.type === "default" || def.type === "prefault" || def.type === "transform" || def.type === "pipe" || def.type === "catch")
    return true;
  const children: unknown[] = [];
  for (const value of Object.values(def)) {
    if (value instanceof z.ZodType) children.push(value);
    else if (Array.isArray(value)) children.push(...value.filter((v) => v instanceof z.ZodType));
    else if (value && typeof value === "object" && !(value instanceof z.ZodType)) {
      for (const v of Object.values(value as Record<string, unknown>)) if (v instanceof z.ZodType) children.push(v);
    }
  }
  if (def.type === "object") {
    const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
    children.push(...Object.values(shape));
  }
  if (def.type === "lazy") children.push((schema as unknown as { _zod: { innerType: z.ZodType } })._zod.innerType);
  return children.some((child) => hasOutputDefaults(child as z.ZodType, seen));
}
