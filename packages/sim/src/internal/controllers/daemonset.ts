// DaemonSet controller: one pod per eligible node (issue 3, workloads).

import type { Controller } from "./context.ts";

export const daemonSetController: Controller = {
  name: "daemonset",
  sync() {
    return false;
  },
};
