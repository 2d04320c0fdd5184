// HorizontalPodAutoscaler controller: scales workloads on simulated CPU and memory use (issue 3, load and HPA).

import type { Controller } from "./context.ts";

export const hpaController: Controller = {
  name: "hpa",
  sync() {
    return false;
  },
};
