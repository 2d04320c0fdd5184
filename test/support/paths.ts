// Where shared material lives relative to the repository (CI clones beside ../shared).

import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** `../shared` beside the repository, or undefined when this checkout has none. */
export const SHARED_DIR: string | undefined = (() => {
  const dir = fileURLToPath(new URL("../../../shared/", import.meta.url));
  return existsSync(dir) ? dir : undefined;
})();
