// PersistentVolumeClaim binding by the default storage class (issue 3, workloads).

import type { Controller } from "./context.ts";

export const volumeController: Controller = {
  name: "persistentvolume-binder",
  sync() {
    return false;
  },
};
