import { z } from "zod";

/** The body of every error response. */
export const errorSchema = z.object({
  statusCode: z.number().int(),
  error: z.string(),
  message: z.string(),
  fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

export const errorResponses = {
  400: errorSchema,
  404: errorSchema,
  503: errorSchema,
};
