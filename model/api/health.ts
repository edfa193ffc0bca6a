import { z } from "zod";

export const liveSchema = z.object({ status: z.literal("ok") }).meta({ id: "Live" });
export const readySchema = z.object({ status: z.enum(["ready", "not ready"]), reason: z.string().optional() }).meta({ id: "Readiness" });
