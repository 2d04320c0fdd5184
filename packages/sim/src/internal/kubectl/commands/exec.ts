// Stub: kubectl exec (issue 3).

import { type Command, CommandError } from "../command.ts";

export const execCommand: Command = {
  name: "exec",
  summary: "Execute a command in a container",
  run() {
    throw new CommandError("error: kubectl exec is not supported yet in Bosun");
  },
};
