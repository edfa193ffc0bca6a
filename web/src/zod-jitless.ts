import { z } from "zod";

// The app's CSP forbids eval. Zod decides whether to compile a schema with `new Function` when the
// schema is built, so this must run before any module builds one (model/ builds its schemas on
// import): main.ts imports this file first, as a side effect.
z.config({ jitless: true });
