// Starts an engine thread from TypeScript source. A worker started with tsx's loader
// (`node --import tsx`, the Docker image) passes it on to its threads, so the import just works;
// anywhere else (vitest, plain node) tsx is registered here first.

const target = new URL("./engine-thread.ts", import.meta.url).href;
try {
  await import(target);
} catch (err) {
  if (err?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw err;
  const { register } = await import("tsx/esm/api");
  register();
  // A new URL: the failed import above stays cached under the plain one.
  await import(`${target}?tsx`);
}
