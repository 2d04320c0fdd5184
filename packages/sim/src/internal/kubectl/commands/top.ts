// Stub: kubectl top (issue 3).

import { type Command, CommandError } from "../command.ts";

export const topCommand: Command = {
  name: "top",
  summary: "Display resource (CPU/memory) usage",
  run() {
    throw new CommandError("error: kubectl top is not supported yet in Bosun");
  },
};
