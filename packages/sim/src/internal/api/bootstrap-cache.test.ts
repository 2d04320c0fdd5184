// The shared bootstrap clusters: equal to fresh ones, frozen, and few.

import { describe, expect, it } from "vitest";
import { Sim } from "../sim.ts";
import { bootstrap } from "./bootstrap.ts";
import { SHARED_BOOTSTRAP_LIMIT, sharedBootstrap } from "./bootstrap-cache.ts";

const opts = { seed: 42, profile: "fast", start: Date.UTC(2025, 0, 6, 9) };

describe("sharedBootstrap", () => {
  it("equals a fresh bootstrap and is built once per options", () => {
    const shared = sharedBootstrap(opts);
    expect(shared).toEqual(bootstrap(opts));
    expect(sharedBootstrap({ ...opts })).toBe(shared);
    expect(sharedBootstrap({ ...opts, nodeCount: 0 })).not.toBe(shared);
  });

  it("cannot be changed by a caller", () => {
    const shared = sharedBootstrap(opts);
    const node = Object.values(shared.objects.nodes ?? {})[0];
    expect(node).toBeDefined();
    expect(() => {
      (node as { metadata: { name: string } }).metadata.name = "changed";
    }).toThrow(TypeError);
    expect(() => {
      shared.objects.nodes = {};
    }).toThrow(TypeError);
  });

  it("keeps a bounded number of clusters, enough for a worker's open sessions", () => {
    const first = sharedBootstrap({ ...opts, seed: 1000 });
    // 600 sessions in turn (more than a worker keeps open): each still finds its own cluster.
    for (let seed = 1001; seed < 1600; seed++) sharedBootstrap({ ...opts, seed });
    expect(sharedBootstrap({ ...opts, seed: 1000 })).toBe(first);
    for (let seed = 2000; seed < 2000 + SHARED_BOOTSTRAP_LIMIT; seed++) sharedBootstrap({ ...opts, seed });
    expect(sharedBootstrap({ ...opts, seed: 1000 })).not.toBe(first);
  });

  it("leaves restored sandboxes their own objects: one running does not change the next save", () => {
    const a = Sim.create(opts);
    const stored = JSON.stringify(a.save());
    const b = Sim.restore(JSON.parse(stored));
    b.exec("kubectl label node --all tier=x");
    b.exec("kubectl config set-context --current --namespace=kube-system");
    expect(JSON.stringify(Sim.restore(JSON.parse(stored)).save())).toBe(stored);
    expect(JSON.stringify(a.save())).toBe(stored);
  });
});
