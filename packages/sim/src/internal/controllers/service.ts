// Service controller (cloud provider): a LoadBalancer Service gets its external IP after a delay.

import type { KObject } from "../api/types.ts";
import { type Controller, earliest } from "./context.ts";

/** The public IP Azure would hand out: deterministic per service uid. */
function publicIp(svc: KObject): string {
  let h = 0;
  for (const ch of svc.metadata.uid) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `20.${(h >>> 16) % 200}.${(h >>> 8) & 0xff}.${(h & 0xfe) + 1}`;
}

const timerKey = (svc: KObject) => `lb:${svc.metadata.uid}`;

function hasLbTimer(timers: Record<string, number>): boolean {
  for (const key of Object.keys(timers)) if (key.startsWith("lb:")) return true;
  return false;
}

export const serviceController: Controller = {
  name: "service",
  watches: ["Service"],
  clock: true,
  sync(ctx) {
    const { store } = ctx;
    const timers = store.state.timers;
    // A Service only gets a timer while it is a LoadBalancer: without any, none needs dropping.
    const anyTimer = hasLbTimer(timers);
    let changed = false;
    for (const svc of store.each("services")) {
      const ingress = svc.status?.loadBalancer?.ingress as unknown[] | undefined;
      if (svc.spec?.type !== "LoadBalancer") {
        if (anyTimer) delete timers[timerKey(svc)];
        if (ingress?.length) {
          svc.status = { loadBalancer: {} };
          store.touch(svc);
          changed = true;
        }
        continue;
      }
      if (ingress?.length) continue;
      const at = timers[timerKey(svc)];
      if (at === undefined) {
        timers[timerKey(svc)] = store.now + ctx.timings.loadBalancerIp();
        store.event(svc, "Normal", "EnsuringLoadBalancer", "Ensuring load balancer", "service-controller");
        changed = true;
        continue;
      }
      if (store.now < at) continue;
      delete timers[timerKey(svc)];
      svc.status = { loadBalancer: { ingress: [{ ip: publicIp(svc), ipMode: "VIP" }] } };
      store.touch(svc);
      store.event(svc, "Normal", "EnsuredLoadBalancer", "Ensured load balancer", "service-controller");
      changed = true;
    }
    // Timers of services that no longer exist.
    for (const key of Object.keys(timers)) {
      if (!key.startsWith("lb:")) continue;
      const uid = key.slice(3);
      let found = false;
      for (const s of store.each("services")) if (s.metadata.uid === uid) found = true;
      if (!found) delete timers[key];
    }
    return changed;
  },
  wake(ctx) {
    let next: number | undefined;
    for (const [key, at] of Object.entries(ctx.store.state.timers))
      if (key.startsWith("lb:") && at > ctx.store.now) next = earliest(next, at);
    return next;
  },
};
