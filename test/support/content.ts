// The lessons and quiz bank, loaded once per test file (loading and checking them takes a while).

import { type Content, loadContentOrThrow, readContentDir } from "@bosun/tutor";

let content: Content | undefined;

/** Lessons and quiz bank, loaded on first use. */
export function testContent(): Content {
  content ??= loadContentOrThrow(readContentDir());
  return content;
}
