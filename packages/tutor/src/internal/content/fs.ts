// Reads the content directory from disk for the loader; kept apart so the loader stays pure.

import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { ContentFile } from "./load.ts";

/** packages/tutor/content, next to this package's sources. */
export const DEFAULT_CONTENT_DIR = fileURLToPath(new URL("../../../content", import.meta.url));

/** Every .yaml file under `dir`, with paths relative to it using "/" (`lessons/04-pods.yaml`), sorted. */
export function readContentDir(dir: string = DEFAULT_CONTENT_DIR): ContentFile[] {
  const files: ContentFile[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".yaml"))
        files.push({ path: relative(dir, full).split(sep).join("/"), text: readFileSync(full, "utf8") });
    }
  };
  walk(dir);
  return files.sort((a, b) => a.path.localeCompare(b.path));
}
