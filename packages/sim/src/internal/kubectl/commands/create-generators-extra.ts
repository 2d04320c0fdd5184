// More `kubectl create` generators: job, cronjob, quota, ingress, … (issue 3, workloads).

import type { Command } from "../command.ts";

export const extraGeneratorCommands: readonly Command[] = [];
