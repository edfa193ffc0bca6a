import { Writable } from "node:stream";

/** A stream to hand the app's pino logger, and everything written to it so far. */
export function captureLog() {
  let text = "";
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}
