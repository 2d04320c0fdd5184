// Waiting for a condition with a deadline: for state that emits nothing a test can listen to (BullMQ, HTTP).

/**
 * Polls `check` until it gives a value other than undefined, or fails with "timed out waiting for
 * <what>" after `ms`. A failure, not a way to pass time: it never sleeps to synchronise.
 */
export async function until<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
