// Stub: kubectl rollout (issue 3).

import { type Command, CommandError } from "../command.ts";

export const rolloutCommand: Command = {
  name: "rollout",
  summary: "Manage the rollout of a resource",
  run() {
    throw new CommandError("error: kubectl rollout is not supported yet in Bosun");
  },
};
