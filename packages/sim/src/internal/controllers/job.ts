// Job controller: runs pods to completion (issue 3, workloads).

import type { Controller } from "./context.ts";

export const jobController: Controller = {
  name: "job",
  sync() {
    return false;
  },
};
