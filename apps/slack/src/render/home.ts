// The App Home tab (pure): the learner's progress and the lesson list, with their buttons.

import type { TutorReply } from "@bosun/tutor";
import { context, header, LIMITS, type SlackBlock } from "./blocks.ts";
import { renderActions, renderBlock } from "./reply.ts";

/** The two replies the Home tab shows; either may still be on its way. */
export interface HomeParts {
  progress?: TutorReply;
  lessons?: TutorReply;
}

/** A `views.publish` view of type `home`. */
export interface HomeView {
  type: "home";
  blocks: SlackBlock[];
}

function part(title: string, reply: TutorReply | undefined): SlackBlock[] {
  const out: SlackBlock[] = [header(title)];
  if (reply === undefined) out.push(context("_Loading…_"));
  else {
    for (const b of reply.blocks) out.push(...renderBlock(b));
    out.push(...renderActions(reply.actions, "h"));
  }
  return out;
}

/**
 * The Home view: progress first, then the lessons. A view holds 100 blocks; past that the rest is
 * replaced by a pointer to `/bosun lesson list`, so nothing disappears without a word.
 */
export function renderHome(parts: HomeParts): HomeView {
  const blocks: SlackBlock[] = [
    ...part("Your progress", parts.progress),
    { type: "divider" },
    ...part("Lessons", parts.lessons),
    { type: "divider" },
    context("Run commands with `/kubectl` (or `/k`); `/bosun help` lists the rest."),
  ];
  if (blocks.length > LIMITS.viewBlocks) {
    const kept = blocks.slice(0, LIMITS.viewBlocks - 1);
    kept.push(context("More in `/bosun lesson list`: the Home tab shows 100 blocks at most."));
    return { type: "home", blocks: kept };
  }
  return { type: "home", blocks };
}
