// Starts an engine thread from TypeScript source. Node 20 does not carry tsx's loader (even one given
// with `--import`) into worker threads, so it is registered here: from the `tsx` package this file
// resolves (the repository), else from the loader path the process was started with (the Docker
// image runs `node --import /usr/local/lib/node_modules/tsx/dist/loader.mjs`, a global install).

import { pathToFileURL } from "node:url";

const target = new URL("./engine-thread.ts", import.meta.url).href;

/** Where tsx's ESM API may be: the package by name, then next to a tsx loader given to node. */
function candidates() {
  const found = ["tsx/esm/api"];
  const argv = process.execArgv;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    const flag = ["--import", "--loader", "--experimental-loader"].includes(a);
    const value = flag ? argv[i + 1] : a.startsWith("--import=") ? a.slice("--import=".length) : undefined;
    if (!value?.includes("tsx")) continue;
    const base = value.startsWith("file:")
      ? value
      : value.startsWith("/")
        ? pathToFileURL(value).href
        : undefined;
    // dist/loader.mjs → dist/esm/api/index.mjs (tsx 4's layout).
    if (base) found.push(new URL("./esm/api/index.mjs", base).href);
  }
  return found;
}

async function registerTsx() {
  for (const c of candidates()) {
    try {
      const { register } = await import(c);
      register();
      return;
    } catch {
      // try the next place
    }
  }
  throw new Error(
    "engine thread: cannot load TypeScript (tsx not found); start the worker with `node --import tsx` or install tsx",
  );
}

try {
  await import(target);
} catch (err) {
  if (err?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw err;
  await registerTsx();
  // A new URL: the failed import above stays cached under the plain one.
  await import(`${target}?tsx`);
}
