// Cluster invariants the property tests check after every command.

import type { Sim } from "@bosun/sim";

type Obj = {
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    labels?: Record<string, string>;
    deletionTimestamp?: string;
    ownerReferences?: { uid: string; controller?: boolean; kind: string }[];
  };
  spec?: {
    replicas?: number;
    selector?: Record<string, string> & { matchLabels?: Record<string, string> };
    type?: string;
  };
  status?: {
    replicas?: number;
    phase?: string;
    podIP?: string;
    conditions?: { type: string; status: string }[];
  };
  subsets?: { addresses?: { ip: string }[]; notReadyAddresses?: { ip: string }[] }[];
};

function objects(sim: Sim, resource: string): Obj[] {
  const state = (sim as unknown as { cluster: { state: { objects: Record<string, Record<string, Obj>> } } })
    .cluster.state;
  return Object.values(state.objects[resource] ?? {});
}

/** Returns the broken invariants (empty when all hold). */
export function checkInvariants(sim: Sim): string[] {
  const problems: string[] = [];
  const rsByUid = new Map(objects(sim, "replicasets").map((rs) => [rs.metadata.uid, rs]));
  const pods = objects(sim, "pods");
  for (const pod of pods) {
    const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (ref && ref.kind === "ReplicaSet" && !rsByUid.has(ref.uid) && !pod.metadata.deletionTimestamp) {
      problems.push(`pod ${pod.metadata.name} is owned by a missing ReplicaSet and not terminating`);
    }
  }
  const active = (p: Obj) =>
    !p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed";
  for (const rs of rsByUid.values()) {
    const owned = pods.filter(
      (p) => p.metadata.ownerReferences?.some((r) => r.controller && r.uid === rs.metadata.uid) && active(p),
    ).length;
    if ((rs.spec?.replicas ?? 1) !== owned)
      problems.push(`replicaset ${rs.metadata.name} wants ${rs.spec?.replicas} but has ${owned} active pods`);
    if ((rs.status?.replicas ?? 0) !== owned)
      problems.push(`replicaset ${rs.metadata.name} status.replicas ${rs.status?.replicas} != ${owned}`);
  }
  const eps = new Map(
    objects(sim, "endpoints").map((e) => [`${e.metadata.namespace}/${e.metadata.name}`, e]),
  );
  for (const svc of objects(sim, "services")) {
    const sel = svc.spec?.selector as Record<string, string> | undefined;
    if (!sel || svc.spec?.type === "ExternalName") continue;
    const want = pods
      .filter(
        (p) =>
          p.metadata.namespace === svc.metadata.namespace &&
          p.status?.podIP &&
          !p.metadata.deletionTimestamp &&
          active(p),
      )
      .filter((p) => Object.entries(sel).every(([k, v]) => p.metadata.labels?.[k] === v))
      .filter((p) => p.status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"))
      .map((p) => p.status?.podIP ?? "")
      .sort();
    const ep = eps.get(`${svc.metadata.namespace}/${svc.metadata.name}`);
    const have = (ep?.subsets ?? []).flatMap((s) => (s.addresses ?? []).map((a) => a.ip)).sort();
    // Pods whose target port cannot be resolved are left out by the endpoints controller.
    if (
      have.some((ip) => !want.includes(ip)) ||
      (have.length === 0 && want.length > 0 && (ep?.subsets ?? []).length > 0)
    ) {
      problems.push(
        `endpoints ${svc.metadata.name} list ${have.join(",")} but ready pods are ${want.join(",")}`,
      );
    }
  }
  return problems;
}
