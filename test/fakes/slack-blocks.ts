// Block Kit limits as Slack enforces them, for the fake: a message that breaks one is refused.

/** Slack's limits on what an app sends (Block Kit reference). */
export const BLOCK_LIMITS = {
  message: 50,
  home: 100,
  modal: 100,
  sectionText: 3000,
  header: 150,
  actions: 25,
  buttonLabel: 75,
  actionId: 255,
  value: 2000,
  context: 10,
};

/** Checks blocks the way Slack does (the subset this app uses); returns the first problem. */
export function blockProblem(blocks: unknown, maxBlocks: number): string | undefined {
  if (!Array.isArray(blocks)) return "blocks is not an array";
  if (blocks.length > maxBlocks) return `${blocks.length} blocks (at most ${maxBlocks})`;
  const ids = new Set<string>();
  for (const [i, raw] of blocks.entries()) {
    const b = raw as Record<string, unknown>;
    const text = (b.text as { text?: unknown } | undefined)?.text;
    switch (b.type) {
      case "section":
        if (typeof text !== "string" || text.length === 0) return `block ${i}: section without text`;
        if (text.length > BLOCK_LIMITS.sectionText)
          return `block ${i}: section text of ${text.length} characters`;
        break;
      case "header":
        if (typeof text !== "string" || text.length > BLOCK_LIMITS.header) return `block ${i}: header text`;
        break;
      case "context": {
        const els = b.elements as Array<{ text?: string }> | undefined;
        if (!Array.isArray(els) || els.length === 0 || els.length > BLOCK_LIMITS.context)
          return `block ${i}: context elements`;
        if (els.some((e) => typeof e.text !== "string" || e.text.length > BLOCK_LIMITS.sectionText))
          return `block ${i}: context text`;
        break;
      }
      case "actions": {
        const els = b.elements as Array<Record<string, unknown>> | undefined;
        if (!Array.isArray(els) || els.length === 0 || els.length > BLOCK_LIMITS.actions)
          return `block ${i}: ${els?.length} action elements`;
        for (const e of els) {
          const label = (e.text as { text?: string } | undefined)?.text ?? "";
          const id = String(e.action_id ?? "");
          if (label.length === 0 || label.length > BLOCK_LIMITS.buttonLabel)
            return `block ${i}: button label "${label}"`;
          if (id.length === 0 || id.length > BLOCK_LIMITS.actionId) return `block ${i}: action_id length`;
          if (String(e.value ?? "").length > BLOCK_LIMITS.value) return `block ${i}: button value length`;
          if (ids.has(id)) return `block ${i}: duplicate action_id ${id}`;
          ids.add(id);
        }
        break;
      }
      case "input":
      case "divider":
        break;
      default:
        return `block ${i}: unexpected type ${String(b.type)}`;
    }
  }
  return undefined;
}
