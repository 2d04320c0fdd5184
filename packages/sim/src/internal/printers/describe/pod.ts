// kubectl describe pod.
import type { KObject } from "../../api/types.ts";
import { parseQty } from "../quantity.ts";
import {
  asArr,
  asNum,
  asObj,
  asStr,
  controllerOf,
  isSet,
  type Obj,
  rfc1123zOf,
  since,
  strMap,
} from "../util.ts";
import {
  annotationsMultiline,
  type DescribeContext,
  describeEvents,
  eventsOf,
  labelsMultiline,
  tolerationsMultiline,
} from "./common.ts";
import { describeContainers, describeResources } from "./containers.ts";
import { describeTopologySpread, describeVolumes } from "./volumes.ts";
import { PrefixWriter } from "./writer.ts";

/** ComputePodQOS: BestEffort without cpu/memory requests or limits; Guaranteed when all match. */
export function computeQOS(spec: Obj): string {
  const requests = new Map<string, bigint>();
  const limits = new Map<string, bigint>();
  let guaranteed = true;
  const containers = [...asArr(spec.containers), ...asArr(spec.initContainers)].map(asObj);
  for (const c of containers) {
    const res = asObj(c.resources);
    const found = new Set<string>();
    for (const [which, map] of [
      ["requests", requests],
      ["limits", limits],
    ] as const) {
      for (const [name, q] of Object.entries(asObj(res[which]))) {
        if (name !== "cpu" && name !== "memory") continue;
        const v = parseQty(q);
        if (!v || v.nano <= 0n) continue;
        if (which === "limits") found.add(name);
        map.set(name, (map.get(name) ?? 0n) + v.nano);
      }
    }
    if (!found.has("cpu") || !found.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}

/** qos.GetPodQOS: status.qosClass when the kubelet set it, else computed. */
export function podQOS(pod: KObject): string {
  return asStr(asObj(pod.status).qosClass) || computeQOS(asObj(pod.spec));
}

function describeHeader(pod: KObject, now: number, w: PrefixWriter): void {
  const spec = asObj(pod.spec);
  const status = asObj(pod.status);
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ""}\n`);
  if (isSet(spec.priority)) w.write(0, `Priority:\t${asNum(spec.priority)}\n`);
  if (asStr(spec.priorityClassName) !== "")
    w.write(0, `Priority Class Name:\t${asStr(spec.priorityClassName)}\n`);
  if (asStr(spec.runtimeClassName) !== "")
    w.write(0, `Runtime Class Name:\t${asStr(spec.runtimeClassName)}\n`);
  if (asStr(spec.serviceAccountName) !== "")
    w.write(0, `Service Account:\t${asStr(spec.serviceAccountName)}\n`);
  const node = asStr(spec.nodeName);
  w.write(0, node === "" ? "Node:\t<none>\n" : `Node:\t${node}/${asStr(status.hostIP)}\n`);
  if (isSet(status.startTime)) w.write(0, `Start Time:\t${rfc1123zOf(status.startTime)}\n`);
  labelsMultiline(w, "Labels", pod.metadata.labels);
  annotationsMultiline(w, "Annotations", pod.metadata.annotations);
  const phase = asStr(status.phase);
  if (pod.metadata.deletionTimestamp !== undefined && phase !== "Failed" && phase !== "Succeeded") {
    w.write(0, `Status:\tTerminating (lasts ${since(now, pod.metadata.deletionTimestamp)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${phase}\n`);
  if (asStr(status.reason) !== "") w.write(0, `Reason:\t${asStr(status.reason)}\n`);
  if (asStr(status.message) !== "") w.write(0, `Message:\t${asStr(status.message)}\n`);
  const seccomp = asObj(asObj(spec.securityContext).seccompProfile);
  if (isSet(asObj(spec.securityContext).seccompProfile)) {
    w.write(0, `SeccompProfile:\t${asStr(seccomp.type)}\n`);
    if (seccomp.type === "Localhost") w.write(0, `LocalhostProfile:\t${asStr(seccomp.localhostProfile)}\n`);
  }
  w.write(0, `IP:\t${asStr(status.podIP)}\n`);
  const ips = asArr(status.podIPs).map(asObj);
  if (ips.length === 0) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of ips) w.write(1, `IP:\t${asStr(ip.ip)}\n`);
  }
  const controlledBy = controllerOf(pod.metadata);
  if (controlledBy !== "") w.write(0, `Controlled By:\t${controlledBy}\n`);
  if (asStr(status.nominatedNodeName) !== "")
    w.write(0, `NominatedNodeName:\t${asStr(status.nominatedNodeName)}\n`);
  if (isSet(spec.resources)) {
    w.write(0, "Resources:\n");
    describeResources(spec.resources, w, 1);
  }
}

/** `kubectl describe pod`. */
export function describePod(pod: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = asObj(pod.spec);
  const status = asObj(pod.status);
  describeHeader(pod, ctx.now, w);
  if (asArr(spec.initContainers).length > 0) {
    describeContainers(
      "Init Containers",
      spec.initContainers,
      asArr(status.initContainerStatuses),
      pod,
      w,
      "",
    );
  }
  describeContainers("Containers", spec.containers, asArr(status.containerStatuses), pod, w, "");
  if (asArr(spec.ephemeralContainers).length > 0) {
    describeContainers(
      "Ephemeral Containers",
      spec.ephemeralContainers,
      asArr(status.ephemeralContainerStatuses),
      pod,
      w,
      "",
    );
  }
  const conditions = asArr(status.conditions).map(asObj);
  const gates = asArr(spec.readinessGates).map(asObj);
  if (gates.length > 0) {
    w.write(0, "Readiness Gates:\n  Type\tStatus\n");
    for (const g of gates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(1, `${asStr(g.conditionType)} \t${c ? asStr(c.status) : "<none>"} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of conditions) w.write(1, `${asStr(c.type)} \t${asStr(c.status)} \n`);
  }
  describeVolumes(spec.volumes, w, "");
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  labelsMultiline(w, "Node-Selectors", strMap(spec.nodeSelector));
  tolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeTopologySpread(spec.topologySpreadConstraints, w, "");
  describeEvents(w, eventsOf(ctx, pod), ctx.now);
  return w.toString();
}
