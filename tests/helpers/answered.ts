import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { App } from "../../server/app.ts";

/**
 * The first request of a fresh app opens its first Bolt connection, which a loaded machine can
 * take longer than the driver's 5 s to grant (a 503). Ask again on a 503, a few times, before a
 * test relies on the answer; any other status is returned at once.
 */
export async function firstAnswer(app: App, options: InjectOptions, attempts = 6): Promise<LightMyRequestResponse> {
  let res = await app.inject(options);
  for (let i = 1; i < attempts && res.statusCode === 503; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    res = await app.inject(options);
  }
  return res;
}
