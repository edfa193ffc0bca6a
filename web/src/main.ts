import "./zod-jitless.ts";
import "./styles/app.css";
import "./styles/narrow.css";
import "./styles/print.css";
import { startApp } from "./app/app.ts";

startApp(document.querySelector<HTMLElement>("#app")!);
