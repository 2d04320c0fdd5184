// Block Kit building blocks with Slack's limits: escaping, sections that never exceed 3,000 characters.

/** Slack's limits (Block Kit reference). */
export const LIMITS = {
  /** A section's text. */
  sectionText: 3000,
  /** Blocks in one message. */
  messageBlocks: 50,
  /** Blocks in a Home tab view. */
  viewBlocks: 100,
  /** Elements in one actions block. */
  actionsElements: 25,
  buttonLabel: 75,
  actionId: 255,
  buttonValue: 2000,
  headerText: 150,
  contextElements: 10,
  /** What we put in one message at most: Slack's own ceiling on a message is 40,000 characters. */
  messageChars: 30_000,
} as const;

export interface TextObject {
  type: "mrkdwn" | "plain_text";
  text: string;
  emoji?: boolean;
}
export interface ButtonElement {
  type: "button";
  text: { type: "plain_text"; text: string; emoji: boolean };
  action_id: string;
  value: string;
  style?: "primary" | "danger";
}
/** The blocks this app sends (a subset of Block Kit). */
export type SlackBlock =
  | { type: "section"; text: TextObject }
  | { type: "context"; elements: TextObject[] }
  | { type: "actions"; elements: ButtonElement[] }
  | { type: "header"; text: { type: "plain_text"; text: string; emoji: boolean } }
  | { type: "divider" };

/** A message ready for `chat.postMessage`, `chat.postEphemeral` or a `response_url`. */
export interface SlackMessage {
  /** Notification and screen-reader text. */
  text: string;
  blocks: SlackBlock[];
}

/** Escapes the three characters Slack's mrkdwn reserves. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** The inverse of escapeMrkdwn (tests and the fake use it to read text back). */
export function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** `s` shortened to `max` characters with an ellipsis (labels and headers only, never content). */
export function shorten(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join("")}…`;
}

/**
 * Cuts escaped `text` into pieces of at most `max` characters, at line ends where possible. The
 * pieces joined with "\n" give `text` back; only a single line longer than `max` is cut mid-line
 * (never inside an `&amp;` entity), and then joining adds a line break there.
 */
export function chunkLines(text: string, max: number): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  const push = (line: string) => {
    if (cur === undefined) cur = line;
    else if (cur.length + 1 + line.length <= max) cur += `\n${line}`;
    else {
      out.push(cur);
      cur = line;
    }
  };
  for (const line of text.split("\n")) {
    if (line.length <= max) {
      push(line);
      continue;
    }
    let rest = line;
    while (rest.length > max) {
      let cut = max;
      const amp = rest.lastIndexOf("&", cut - 1);
      if (amp > cut - 5 && amp > 0) cut = amp;
      push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    push(rest);
  }
  if (cur !== undefined) out.push(cur);
  return out;
}

const FENCE = "```";

/**
 * Preformatted text as sections of at most 3,000 characters each, every one a complete code block.
 * `title` (mrkdwn, already escaped) goes above the first piece.
 */
export function codeSections(raw: string, title?: string): SlackBlock[] {
  const text = escapeMrkdwn(raw.replace(/\n+$/, ""));
  const head = title !== undefined ? `${title}\n` : "";
  // Fences and their line breaks: "```\n" + piece + "\n```".
  const room = LIMITS.sectionText - 2 * (FENCE.length + 1);
  const pieces = chunkLines(text, room);
  const blocks: SlackBlock[] = [];
  pieces.forEach((piece, i) => {
    const block = `${FENCE}\n${piece}\n${FENCE}`;
    if (i === 0 && head.length + block.length <= LIMITS.sectionText) blocks.push(section(head + block));
    else {
      if (i === 0 && head !== "") blocks.push(section(head.trimEnd()));
      blocks.push(section(block));
    }
  });
  return blocks;
}

/** Mrkdwn text (already escaped) as one or more sections of at most 3,000 characters. */
export function textSections(mrkdwn: string): SlackBlock[] {
  if (mrkdwn.trim() === "") return [];
  return chunkLines(mrkdwn, LIMITS.sectionText).map(section);
}

export function section(text: string): SlackBlock {
  return { type: "section", text: { type: "mrkdwn", text } };
}

export function context(text: string): SlackBlock {
  return { type: "context", elements: [{ type: "mrkdwn", text: shorten(text, LIMITS.sectionText) }] };
}

export function header(text: string): SlackBlock {
  return {
    type: "header",
    text: { type: "plain_text", text: shorten(text, LIMITS.headerText), emoji: true },
  };
}

/** Characters a block adds to a message (for the per-message budget). */
export function blockChars(b: SlackBlock): number {
  switch (b.type) {
    case "section":
    case "header":
      return b.text.text.length;
    case "context":
      return b.elements.reduce((n, e) => n + e.text.length, 0);
    case "actions":
      return b.elements.reduce((n, e) => n + e.text.text.length + e.action_id.length + e.value.length, 0);
    case "divider":
      return 0;
  }
}

/**
 * Packs blocks into messages of at most 50 blocks and `LIMITS.messageChars` characters, in order.
 * `text` gives each message's notification text from its index.
 */
export function packMessages(blocks: SlackBlock[], text: (i: number, n: number) => string): SlackMessage[] {
  const groups: SlackBlock[][] = [];
  let cur: SlackBlock[] = [];
  let chars = 0;
  for (const b of blocks) {
    const c = blockChars(b);
    if (cur.length > 0 && (cur.length >= LIMITS.messageBlocks || chars + c > LIMITS.messageChars)) {
      groups.push(cur);
      cur = [];
      chars = 0;
    }
    cur.push(b);
    chars += c;
  }
  if (cur.length > 0 || groups.length === 0) groups.push(cur);
  return groups.map((g, i) => ({ text: text(i, groups.length), blocks: g }));
}
