// Node lifecycle: NotReady nodes, taints and pod eviction (issue 3, health).

import type { Controller } from "./context.ts";

export const nodeLifecycleController: Controller = {
  name: "node-lifecycle",
  sync() {
    return false;
  },
};
