// Waiting in the real-editor suites: the language server answers only once it has started, so a
// check polls with a deadline instead of sleeping a fixed time.

/** Calls `probe` every 100 ms until it gives a value other than undefined; fails after `timeoutMs`. */
export async function poll<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
