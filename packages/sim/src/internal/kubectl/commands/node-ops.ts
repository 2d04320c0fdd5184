// Stub: kubectl cordon, uncordon, drain, taint (issue 3).

import { type Command, CommandError } from "../command.ts";

export const cordonCommand: Command = {
  name: "cordon",
  summary: "Mark node as unschedulable",
  run() {
    throw new CommandError("error: kubectl cordon is not supported yet in Bosun");
  },
};

export const uncordonCommand: Command = {
  name: "uncordon",
  summary: "Mark node as schedulable",
  run() {
    throw new CommandError("error: kubectl uncordon is not supported yet in Bosun");
  },
};

export const drainCommand: Command = {
  name: "drain",
  summary: "Drain node in preparation for maintenance",
  run() {
    throw new CommandError("error: kubectl drain is not supported yet in Bosun");
  },
};

export const taintCommand: Command = {
  name: "taint",
  summary: "Update the taints on one or more nodes",
  run() {
    throw new CommandError("error: kubectl taint is not supported yet in Bosun");
  },
};
