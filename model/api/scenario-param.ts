import { z } from "zod";

export const scenarioIdSchema = z.string().regex(/^scenario-[a-z0-9-]{1,60}$/, "must be a scenario id like scenario-20261126-abc123");

/** Which saved scenario an analysis route computes under: the 远景 instead of the 现状. */
export const scenarioParam = scenarioIdSchema.optional().describe("Compute under this saved scenario (远景)");
