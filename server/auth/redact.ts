/**
 * Query parameters that may carry a secret. The API reads tokens only from the Authorization
 * header, but a client may still put one in a URL (a copied link, a misconfigured proxy): such a
 * URL must never reach a log or the audit log as it came.
 */
const SECRET_PARAMS = /([?&](?:access_token|token|auth|auth_token|api_key|apikey|key|password|secret)=)[^&#]*/gi;

export const REDACTED = "[REDACTED]";

export function redactUrl(url: string): string {
  return url.replace(SECRET_PARAMS, `$1${REDACTED}`);
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/**
 * Fastify's request serializer with the URL's secrets masked. Headers (Authorization among them)
 * are not logged at all, as before.
 */
export const redactingSerializers = {
  req: (request: LoggedRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
};
