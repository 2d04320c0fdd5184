// kubectl describe node: conditions, capacity, system info, non-terminated pods and allocation.
import type { EventRecord } from "../../api/events.ts";
import type { KObject } from "../../api/types.ts";
import { nodeRoles } from "../columns/cluster.ts";
import { addQty, canonical, milliValue, parseQty, type Qty, qtyString, value, ZERO } from "../quantity.ts";
import { asArr, asObj, asStr, byteCompare, type Obj, rfc1123z, rfc1123zOf, since } from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  labelsMultiline,
  taintsMultiline,
} from "./common.ts";
import { PrefixWriter } from "./writer.ts";

type ResourceList = Map<string, Qty>;

function toList(v: unknown): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, q] of Object.entries(asObj(v))) {
    const parsed = parseQty(q);
    if (parsed) out.set(k, parsed);
  }
  return out;
}

function addList(into: ResourceList, add: ResourceList): void {
  for (const [k, q] of add) into.set(k, addQty(into.get(k) ?? { nano: 0n, format: q.format }, q));
}

function maxList(into: ResourceList, other: ResourceList): void {
  for (const [k, q] of other) {
    const cur = into.get(k);
    if (!cur || q.nano > cur.nano) into.set(k, q);
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a maximum, overhead added. */
export function podRequestsAndLimits(pod: KObject): { requests: ResourceList; limits: ResourceList } {
  const spec = asObj(pod.spec);
  const result = (key: "requests" | "limits"): ResourceList => {
    const total: ResourceList = new Map();
    for (const c of asArr(spec.containers)) addList(total, toList(asObj(asObj(c).resources)[key]));
    const sidecars: ResourceList = new Map();
    const init: ResourceList = new Map();
    for (const raw of asArr(spec.initContainers)) {
      const c = asObj(raw);
      const own = toList(asObj(c.resources)[key]);
      let effective: ResourceList;
      if (c.restartPolicy === "Always") {
        addList(total, own);
        addList(sidecars, own);
        effective = sidecars;
      } else {
        effective = new Map();
        addList(effective, own);
        addList(effective, sidecars);
      }
      maxList(init, effective);
    }
    maxList(total, init);
    addList(total, toList(spec.overhead));
    return total;
  };
  return { requests: result("requests"), limits: result("limits") };
}

const pct = (part: bigint, whole: bigint): number =>
  whole === 0n ? 0 : Math.trunc((Number(part) / Number(whole)) * 100);
const q = (list: ResourceList, k: string): Qty => list.get(k) ?? ZERO;

function describeNodeResource(pods: KObject[], node: KObject, now: number, w: PrefixWriter): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  const status = asObj(node.status);
  const alloc = toList(
    Object.keys(asObj(status.allocatable)).length > 0 ? status.allocatable : status.capacity,
  );
  const allocCpu = milliValue(q(alloc, "cpu"));
  const allocMem = value(q(alloc, "memory"));
  const cell = (x: Qty, whole: bigint, milli: boolean) =>
    `${qtyString(x)} (${pct(milli ? milliValue(x) : value(x), whole)}%)`;
  const totals = { requests: new Map() as ResourceList, limits: new Map() as ResourceList };
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    addList(totals.requests, requests);
    addList(totals.limits, limits);
    const cells = [
      cell(q(requests, "cpu"), allocCpu, true),
      cell(q(limits, "cpu"), allocCpu, true),
      cell(q(requests, "memory"), allocMem, false),
      cell(q(limits, "memory"), allocMem, false),
    ];
    const age = since(now, pod.metadata.creationTimestamp);
    w.write(1, `${pod.metadata.namespace ?? ""}\t${pod.metadata.name}\t\t${cells.join("\t")}\t${age}\n`);
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  const { requests, limits } = totals;
  const row = (name: string, whole: bigint, milli: boolean) =>
    w.write(1, `${name}\t${cell(q(requests, name), whole, milli)}\t${cell(q(limits, name), whole, milli)}\n`);
  row("cpu", allocCpu, true);
  row("memory", allocMem, false);
  row("ephemeral-storage", value(q(alloc, "ephemeral-storage")), false);
  const names = [...alloc.keys()].sort(byteCompare);
  for (const n of names.filter((k) => k.startsWith("hugepages-"))) row(n, value(q(alloc, n)), false);
  const standard = new Set(["cpu", "memory", "ephemeral-storage", "pods"]);
  for (const n of names.filter((k) => !standard.has(k) && !k.startsWith("hugepages-"))) {
    w.write(1, `${n}\t${qtyString(q(requests, n))}\t${qtyString(q(limits, n))}\n`);
  }
}

function resourceLines(title: string, list: Obj, w: PrefixWriter): void {
  const keys = Object.keys(list).sort(byteCompare);
  if (keys.length === 0) return;
  w.write(0, `${title}:\n`);
  for (const k of keys) w.write(0, `  ${k}:\t${canonical(list[k])}\n`);
}

function describeLease(node: KObject, ctx: DescribeContext, w: PrefixWriter): void {
  const lease = ctx.get("leases", "kube-node-lease", node.metadata.name);
  const spec = asObj(lease?.spec);
  w.write(0, "Lease:\n");
  // A real node always has a lease renewed every 10s; synthesize one when the simulation keeps none.
  const holder = lease ? asStr(spec.holderIdentity, "<unset>") : node.metadata.name;
  const acquire = spec.acquireTime ? rfc1123zOf(spec.acquireTime) : "<unset>";
  const renew = lease
    ? spec.renewTime
      ? rfc1123zOf(spec.renewTime)
      : "<unset>"
    : rfc1123z(ctx.now - (ctx.now % 10_000));
  w.write(1, `HolderIdentity:\t${holder}\n`);
  w.write(1, `AcquireTime:\t${acquire}\n`);
  w.write(1, `RenewTime:\t${renew}\n`);
}

/** `kubectl describe node`. */
export function describeNode(node: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(node.spec);
  const status = asObj(node.status);
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(",") || "<none>"}\n`);
  labelsMultiline(w, "Labels", node.metadata.labels);
  annotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123zOf(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, spec.taints);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  describeLease(node, ctx, w);
  const conditions = asArr(status.conditions).map(asObj);
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of conditions) {
      const cells = [
        asStr(c.type),
        asStr(c.status),
        rfc1123zOf(c.lastHeartbeatTime),
        rfc1123zOf(c.lastTransitionTime),
        asStr(c.reason),
      ];
      w.write(1, `${cells.join(" \t")} \t${asStr(c.message)}\n`);
    }
  }
  w.write(0, "Addresses:\n");
  for (const a of asArr(status.addresses).map(asObj)) w.write(1, `${asStr(a.type)}:\t${asStr(a.address)}\n`);
  resourceLines("Capacity", asObj(status.capacity), w);
  resourceLines("Allocatable", asObj(status.allocatable), w);
  const info = asObj(status.nodeInfo);
  w.write(0, "System Info:\n");
  const infoRows: [string, string][] = [
    ["Machine ID", "machineID"],
    ["System UUID", "systemUUID"],
    ["Boot ID", "bootID"],
    ["Kernel Version", "kernelVersion"],
    ["OS Image", "osImage"],
    ["Operating System", "operatingSystem"],
    ["Architecture", "architecture"],
    ["Container Runtime Version", "containerRuntimeVersion"],
    ["Kubelet Version", "kubeletVersion"],
    ["Kube-Proxy Version", "kubeProxyVersion"],
  ];
  for (const [title, key] of infoRows) w.write(0, `  ${title}:\t${asStr(info[key])}\n`);
  if (asStr(spec.podCIDR) !== "") w.write(0, `PodCIDR:\t${asStr(spec.podCIDR)}\n`);
  const cidrs = asArr(spec.podCIDRs).map((c) => asStr(c));
  if (cidrs.length > 0) w.write(0, `PodCIDRs:\t${cidrs.join(",")}\n`);
  if (asStr(spec.providerID) !== "") w.write(0, `ProviderID:\t${asStr(spec.providerID)}\n`);
  const pods = ctx
    .list("pods")
    .filter((p) => asStr(asObj(p.spec).nodeName) === node.metadata.name)
    .filter((p) => !["Succeeded", "Failed"].includes(asStr(asObj(p.status).phase)))
    .sort(
      (a, b) =>
        byteCompare(a.metadata.namespace ?? "", b.metadata.namespace ?? "") ||
        byteCompare(a.metadata.name, b.metadata.name),
    );
  describeNodeResource(pods, node, ctx.now, w);
  const seen = new Set<string>();
  const events: EventRecord[] = [];
  for (const e of [...ctx.events(node.metadata.uid), ...ctx.events(node.metadata.name)]) {
    if (!seen.has(e.name)) events.push(e);
    seen.add(e.name);
  }
  describeEvents(w, events, ctx.now);
  return w.toString();
}
