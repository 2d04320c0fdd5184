// kubectl set: the parent of set image, set env and set resources.

import type { Command } from "../command.ts";
import { setEnvCommand } from "./set-env.ts";
import { setImageCommand } from "./set-image.ts";
import { setResourcesCommand } from "./set-resources.ts";

export const setCommand: Command = {
  name: "set",
  summary: "Set specific features on objects",
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand],
};
