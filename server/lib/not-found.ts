/**
 * A domain error: the thing asked for does not exist. Repositories throw it without knowing about
 * HTTP; the one error handler (server/plugins/errors.ts) turns it into a 404 at the edge.
 */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}
