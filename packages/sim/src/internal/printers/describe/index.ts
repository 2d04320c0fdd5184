// `kubectl describe`: picks the describer kubectl 1.32 uses for a resource.
import type { KObject } from "../../api/types.ts";
import { describeCronJob, describeHPA, describeJob } from "./batch.ts";
import type { DescribeContext } from "./common.ts";
import {
  describeConfigMap,
  describeLimitRange,
  describeNamespace,
  describeQuota,
  describeSecret,
  describeServiceAccount,
} from "./config.ts";
import { describeGeneric } from "./generic.ts";
import { describeEndpoints, describeIngress, describeIngressClass, describeService } from "./network.ts";
import { describeNode } from "./node.ts";
import { describePod } from "./pod.ts";
import { describePVC, describeStorageClass } from "./storage.ts";
import {
  describeDaemonSet,
  describeDeployment,
  describeReplicaSet,
  describeStatefulSet,
} from "./workloads.ts";

export type { DescribeContext } from "./common.ts";

type Describer = (obj: KObject, ctx: DescribeContext) => string;

const DESCRIBERS: Record<string, Describer> = {
  pods: describePod,
  deployments: describeDeployment,
  replicasets: describeReplicaSet,
  daemonsets: describeDaemonSet,
  statefulsets: describeStatefulSet,
  jobs: describeJob,
  cronjobs: describeCronJob,
  horizontalpodautoscalers: describeHPA,
  services: describeService,
  endpoints: describeEndpoints,
  ingresses: describeIngress,
  ingressclasses: describeIngressClass,
  configmaps: describeConfigMap,
  secrets: describeSecret,
  namespaces: describeNamespace,
  resourcequotas: describeQuota,
  limitranges: describeLimitRange,
  serviceaccounts: describeServiceAccount,
  nodes: describeNode,
  persistentvolumeclaims: describePVC,
  storageclasses: describeStorageClass,
};

/**
 * The text `kubectl describe <resource> <name>` prints for one object, ending with a newline.
 * Several objects are joined by kubectl with a blank line pair ("\n\n" between texts).
 * Kinds without a dedicated describer get kubectl's generic, field-by-field description.
 */
export function describeObject(resource: string, obj: KObject, ctx: DescribeContext): string {
  return (DESCRIBERS[resource] ?? describeGeneric)(obj, ctx);
}
