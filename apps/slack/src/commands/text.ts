// Slash-command text as Slack sends it → the text the person typed (entities, links, smart punctuation).

/**
 * Undoes what Slack and the person's keyboard did to a command line:
 * - `&amp;`, `&lt;`, `&gt;` are HTML entities in every text Slack sends;
 * - auto-linked words arrive as `<http://example.com|example.com>`, mentions as `<@U123|ann>`;
 * - macOS and iOS replace `"` with “ ” and `--` with — (em dash) or – (en dash).
 */
export function unslack(text: string): string {
  return text
    .replace(/<([^<>|]*)\|([^<>]*)>/g, "$2")
    .replace(/<([^<>]*)>/g, "$1")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/[\u201C\u201D\u201E\u00AB\u00BB]/g, '"')
    .replace(/[\u2018\u2019\u201A]/g, "'")
    .replace(/(^|\s)[\u2014\u2013](?=\S)/g, "$1--")
    .replace(/\u00A0/g, " ")
    .trim();
}

/**
 * Splits a line into words the way a shell would for simple cases: whitespace separates,
 * single and double quotes group. An unclosed quote runs to the end (reported by the caller).
 */
export function words(line: string): { words: string[]; unclosed: boolean } {
  const out: string[] = [];
  let cur = "";
  let quote: '"' | "'" | undefined;
  let inWord = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) out.push(cur);
      cur = "";
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) out.push(cur);
  return { words: out, unclosed: quote !== undefined };
}
