import type { Translate } from "../i18n/i18n.ts";
import { clear, failureBox, loading } from "./dom.ts";

/**
 * The load step a view repeats for what its URL names: ask only when the key (chain|region|…)
 * changed, show 加载中 in `target`, draw the answer only if it is still the latest one asked for,
 * and a failure in plain words with 重试 where retrying helps (the next retry asks again).
 */
export function latestAnswer(target: HTMLElement, t: Translate) {
  let key = "";
  let disposed = false;
  return {
    /** Whether `next` differs from what is shown or being asked for. */
    isNew: (next: string) => next !== key,
    /** Forget the key, so the next run asks again (after a save, say). */
    reset: () => {
      key = "";
    },
    async run<T>(next: string, ask: () => Promise<T>, show: (answer: T) => void | Promise<void>, retry: () => void): Promise<void> {
      if (next === key) return;
      key = next;
      clear(target, loading(t("common.loading")));
      try {
        const answer = await ask();
        if (disposed || next !== key) return;
        await show(answer);
      } catch (error) {
        if (disposed || next !== key) return;
        key = "";
        clear(target, failureBox(error, t, retry));
      }
    },
    dispose: () => {
      disposed = true;
    },
  };
}
