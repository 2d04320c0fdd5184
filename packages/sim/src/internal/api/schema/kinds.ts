// The kinds this module knows: served apiVersions (Kubernetes 1.32), the schema of each, and its validator.
import type { Node } from "./dsl.ts";
import type { FieldError } from "./errors.ts";
import { nameIsDNSSubdomain } from "./names.ts";
import {
  CONFIG_MAP,
  ENDPOINTS,
  EVENT,
  LIMIT_RANGE,
  NAMESPACE,
  NODE,
  PERSISTENT_VOLUME,
  PERSISTENT_VOLUME_CLAIM,
  POD,
  RESOURCE_QUOTA,
  SECRET,
  SERVICE,
  SERVICE_ACCOUNT,
} from "./schema-core.ts";
import {
  CRON_JOB,
  DAEMON_SET,
  DEPLOYMENT,
  EVENTS_V1_EVENT,
  HPA_V1,
  HPA_V2,
  INGRESS,
  INGRESS_CLASS,
  JOB,
  REPLICA_SET,
  STATEFUL_SET,
  STORAGE_CLASS,
} from "./schema-groups.ts";
import {
  validateDaemonSet,
  validateDeployment,
  validateReplicaSet,
  validateStatefulSet,
} from "./validate-apps.ts";
import { validateCronJob, validateJob } from "./validate-batch.ts";
import { validateConfigMap, validateSecret } from "./validate-config.ts";
import {
  validateNamespace,
  validateNode,
  validatePV,
  validatePVC,
  validateResourceQuota,
} from "./validate-core.ts";
import { validateHPA, validateStorageClass } from "./validate-groups.ts";
import { validateIngress, validateIngressClass } from "./validate-ingress.ts";
import { validateLimitRange } from "./validate-limitrange.ts";
import { type R, validateObjectMeta } from "./validate-meta.ts";
import { validatePod } from "./validate-pod.ts";
import { validateEndpoints, validateService } from "./validate-service.ts";

interface KindDef {
  /** Served apiVersions, the preferred one first, each with its schema. */
  readonly versions: readonly (readonly [string, Node])[];
  readonly validate: (m: R) => FieldError[];
}

const metaOnly = (m: R): FieldError[] => validateObjectMeta(m.metadata, nameIsDNSSubdomain);

const KINDS: Readonly<Record<string, KindDef>> = {
  Namespace: { versions: [["v1", NAMESPACE]], validate: validateNamespace },
  Pod: { versions: [["v1", POD]], validate: validatePod },
  Service: { versions: [["v1", SERVICE]], validate: validateService },
  Endpoints: { versions: [["v1", ENDPOINTS]], validate: validateEndpoints },
  ConfigMap: { versions: [["v1", CONFIG_MAP]], validate: validateConfigMap },
  Secret: { versions: [["v1", SECRET]], validate: validateSecret },
  Node: { versions: [["v1", NODE]], validate: validateNode },
  Event: {
    versions: [
      ["v1", EVENT],
      ["events.k8s.io/v1", EVENTS_V1_EVENT],
    ],
    validate: metaOnly,
  },
  PersistentVolumeClaim: { versions: [["v1", PERSISTENT_VOLUME_CLAIM]], validate: validatePVC },
  PersistentVolume: { versions: [["v1", PERSISTENT_VOLUME]], validate: validatePV },
  ResourceQuota: { versions: [["v1", RESOURCE_QUOTA]], validate: validateResourceQuota },
  LimitRange: { versions: [["v1", LIMIT_RANGE]], validate: validateLimitRange },
  ServiceAccount: { versions: [["v1", SERVICE_ACCOUNT]], validate: metaOnly },
  Deployment: { versions: [["apps/v1", DEPLOYMENT]], validate: validateDeployment },
  ReplicaSet: { versions: [["apps/v1", REPLICA_SET]], validate: validateReplicaSet },
  DaemonSet: { versions: [["apps/v1", DAEMON_SET]], validate: validateDaemonSet },
  StatefulSet: { versions: [["apps/v1", STATEFUL_SET]], validate: validateStatefulSet },
  HorizontalPodAutoscaler: {
    versions: [
      ["autoscaling/v2", HPA_V2],
      ["autoscaling/v1", HPA_V1],
    ],
    validate: validateHPA,
  },
  Job: { versions: [["batch/v1", JOB]], validate: validateJob },
  CronJob: { versions: [["batch/v1", CRON_JOB]], validate: validateCronJob },
  Ingress: { versions: [["networking.k8s.io/v1", INGRESS]], validate: validateIngress },
  IngressClass: { versions: [["networking.k8s.io/v1", INGRESS_CLASS]], validate: validateIngressClass },
  StorageClass: { versions: [["storage.k8s.io/v1", STORAGE_CLASS]], validate: validateStorageClass },
};

/** The kinds this module knows the schema of. */
export const SUPPORTED_KINDS: readonly string[] = Object.freeze(Object.keys(KINDS));

const def = (kind: string): KindDef | undefined => (Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined);

/** The preferred served apiVersion of a kind ("apps/v1" for Deployment), or undefined for unknown kinds. */
export function apiVersionFor(kind: string): string | undefined {
  return def(kind)?.versions[0]?.[0];
}

/** Whether kube-apiserver 1.32 serves this kind at this apiVersion (extensions/v1beta1 and apps/v1beta1 are gone). */
export function isServedApiVersion(apiVersion: string, kind: string): boolean {
  return def(kind)?.versions.some(([v]) => v === apiVersion) ?? false;
}

export function schemaFor(apiVersion: string, kind: string): Node | undefined {
  return def(kind)?.versions.find(([v]) => v === apiVersion)?.[1];
}

export function validatorFor(kind: string): ((m: R) => FieldError[]) | undefined {
  return def(kind)?.validate;
}
