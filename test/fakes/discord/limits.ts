// Discord's message limits, as the fake enforces them: a body that breaks one is refused with 400/50035.

import type { Reply } from "./state.ts";

const len = (v: unknown): number => (typeof v === "string" ? v.length : 0);

/**
 * Checks a message body against Discord's limits; returns what is wrong, or undefined. The fake
 * answers `400 {"code":50035}` for these, as Discord does, so a renderer that overflows fails.
 */
export function messageProblem(
  body: Record<string, unknown>,
  files: number,
  isEdit: boolean,
): string | undefined {
  const content = body.content;
  if (content !== undefined && content !== null && typeof content !== "string")
    return "content: not a string";
  if (len(content) > 2000) return `content: ${len(content)} characters (max 2000)`;
  const embeds = (body.embeds ?? []) as Record<string, unknown>[];
  if (!Array.isArray(embeds)) return "embeds: not an array";
  if (embeds.length > 10) return "embeds: more than 10";
  let total = 0;
  for (const e of embeds) {
    if (len(e.title) > 256) return "embed title: over 256";
    if (len(e.description) > 4096) return `embed description: ${len(e.description)} characters (max 4096)`;
    const fields = (e.fields ?? []) as Record<string, unknown>[];
    if (fields.length > 25) return "embed fields: more than 25";
    for (const f of fields) if (len(f.name) > 256 || len(f.value) > 1024) return "embed field: too long";
    const footer = e.footer as Record<string, unknown> | undefined;
    total +=
      len(e.title) +
      len(e.description) +
      len(footer?.text) +
      fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
  }
  if (total > 6000) return `embeds: ${total} characters together (max 6000)`;
  const rows = (body.components ?? []) as Record<string, unknown>[];
  if (rows.length > 5) return "components: more than 5 action rows";
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = (row.components ?? []) as Record<string, unknown>[];
    if (row.type !== 1) return "components: a top-level component is not an action row";
    if (buttons.length === 0 || buttons.length > 5) return "action row: 1 to 5 buttons";
    for (const b of buttons) {
      if (len(b.label) > 80) return "button label: over 80";
      const id = b.custom_id;
      if (typeof id !== "string" || id.length === 0 || id.length > 100)
        return "button custom_id: 1 to 100 characters";
      if (ids.has(id)) return "button custom_id: repeated in one message";
      ids.add(id);
    }
  }
  const empty = len(content) === 0 && embeds.length === 0 && rows.length === 0 && files === 0;
  if (empty && !isEdit) return "empty message";
  return undefined;
}

/** The answer Discord gives a body that breaks a limit (`Invalid Form Body`). */
export function invalid(problem: string): Reply {
  return [
    400,
    {
      message: "Invalid Form Body",
      code: 50035,
      errors: { _errors: [{ code: "BASE_TYPE", message: problem }] },
    },
  ];
}
