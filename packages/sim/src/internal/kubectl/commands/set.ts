// Stub: kubectl set (issue 3).

import { type Command, CommandError } from "../command.ts";

export const setCommand: Command = {
  name: "set",
  summary: "Set specific features on objects",
  run() {
    throw new CommandError("error: kubectl set is not supported yet in Bosun");
  },
};
