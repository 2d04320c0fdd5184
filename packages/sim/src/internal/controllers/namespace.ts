// Namespace controller: a deleted namespace empties itself, then disappears.

import { RESOURCES } from "../api/resources.ts";
import type { Controller } from "./context.ts";
import { deletePod } from "./pod-deletion.ts";

export const namespaceController: Controller = {
  name: "namespace",
  sync(ctx) {
    const { store } = ctx;
    let changed = false;
    for (const ns of store.each("namespaces")) {
      if (!ns.metadata.deletionTimestamp) continue;
      const name = ns.metadata.name;
      let remaining = 0;
      for (const info of RESOURCES) {
        if (!info.namespaced || info.resource === "events") continue;
        for (const o of store.list(info.resource, name)) {
          remaining++;
          if (info.resource === "pods") {
            if (!o.metadata.deletionTimestamp) {
              deletePod(ctx, o);
              changed = true;
            }
          } else {
            store.remove(info.resource, o);
            changed = true;
          }
        }
      }
      if (remaining === 0 || store.list("pods", name).length === 0) {
        if (store.list("pods", name).length === 0) {
          store.state.events = store.state.events.filter((e) => e.involved.namespace !== name);
          store.remove("namespaces", ns);
          changed = true;
        }
      }
    }
    return changed;
  },
};
