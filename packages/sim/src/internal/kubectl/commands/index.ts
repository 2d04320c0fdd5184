// Every kubectl command Bosun simulates, in the order kubectl registers them (it shapes suggestions).

import type { Command } from "../command.ts";
import { annotateCommand, labelCommand } from "./label.ts";
import { applyCommand } from "./apply.ts";
import { createCommand } from "./create.ts";
import { deleteCommand } from "./delete.ts";
import { describeCommand } from "./describe.ts";
import { exposeCommand } from "./expose.ts";
import { getCommand } from "./get.ts";
import { apiResourcesCommand, clusterInfoCommand, configCommand, versionCommand } from "./info.ts";
import { logsCommand } from "./logs.ts";
import { runCommand } from "./run.ts";
import { scaleCommand } from "./scale.ts";

export const COMMANDS: readonly Command[] = [
  createCommand,
  exposeCommand,
  runCommand,
  getCommand,
  deleteCommand,
  scaleCommand,
  clusterInfoCommand,
  describeCommand,
  logsCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  configCommand,
  versionCommand,
];
