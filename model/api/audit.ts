import { z } from "zod";
import { intParam } from "./common.ts";

export const auditQuerySchema = z.object({
  limit: intParam(1, 500, 50),
  actor: z
    .string()
    .regex(/^[\w.@-]{1,64}$/, "a token name: letters, digits, . _ @ -")
    .optional(),
  since: z.iso.datetime({ offset: true }).optional(),
});

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  method: z.string(),
  route: z.string(),
  url: z.string(),
  status: z.number().int(),
  target: z.string(),
  summary: z.string(),
  ip: z.string(),
});

export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) }).meta({ id: "AuditLog" });
