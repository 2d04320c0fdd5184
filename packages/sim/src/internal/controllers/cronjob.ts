// CronJob controller: creates Jobs on a schedule in virtual time (issue 3, workloads).

import type { Controller } from "./context.ts";

export const cronJobController: Controller = {
  name: "cronjob",
  sync() {
    return false;
  },
};
