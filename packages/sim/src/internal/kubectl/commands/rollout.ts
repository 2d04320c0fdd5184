// kubectl rollout: the parent of history, pause, restart, resume, status and undo.

import type { Command } from "../command.ts";
import { rolloutHistoryCommand, rolloutUndoCommand } from "./rollout-history.ts";
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from "./rollout-pause.ts";
import { rolloutStatusCommand } from "./rollout-status.ts";

export const rolloutCommand: Command = {
  name: "rollout",
  summary: "Manage the rollout of a resource",
  subcommands: [
    rolloutHistoryCommand,
    rolloutPauseCommand,
    rolloutRestartCommand,
    rolloutResumeCommand,
    rolloutStatusCommand,
    rolloutUndoCommand,
  ],
};
