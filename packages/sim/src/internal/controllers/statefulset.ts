// StatefulSet controller: ordered, stably named pods (issue 3, workloads).

import type { Controller } from "./context.ts";

export const statefulSetController: Controller = {
  name: "statefulset",
  sync() {
    return false;
  },
};
