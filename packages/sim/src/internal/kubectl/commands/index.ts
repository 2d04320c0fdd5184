// Every kubectl command Bosun simulates, in the order kubectl registers them (it shapes suggestions).

import type { Command } from "../command.ts";
import { applyCommand } from "./apply.ts";
import { autoscaleCommand } from "./autoscale.ts";
import { createCommand } from "./create.ts";
import { deleteCommand } from "./delete.ts";
import { describeCommand } from "./describe.ts";
import { execCommand } from "./exec.ts";
import { explainCommand } from "./explain.ts";
import { exposeCommand } from "./expose.ts";
import { getCommand } from "./get.ts";
import { apiResourcesCommand, clusterInfoCommand, configCommand, versionCommand } from "./info.ts";
import { annotateCommand, labelCommand } from "./label.ts";
import { logsCommand } from "./logs.ts";
import { cordonCommand, drainCommand, taintCommand, uncordonCommand } from "./node-ops.ts";
import { rolloutCommand } from "./rollout.ts";
import { runCommand } from "./run.ts";
import { scaleCommand } from "./scale.ts";
import { setCommand } from "./set.ts";
import { topCommand } from "./top.ts";

export const COMMANDS: readonly Command[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  autoscaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  execCommand,
  applyCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  configCommand,
  versionCommand,
];
