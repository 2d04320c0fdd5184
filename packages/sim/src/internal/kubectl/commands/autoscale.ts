// Stub: kubectl autoscale (issue 3).

import { type Command, CommandError } from "../command.ts";

export const autoscaleCommand: Command = {
  name: "autoscale",
  summary: "Auto-scale a deployment, replica set, stateful set, or replication controller",
  run() {
    throw new CommandError("error: kubectl autoscale is not supported yet in Bosun");
  },
};
