// Known fields of the apps, batch, autoscaling, networking, storage and events.k8s.io kinds (Kubernetes 1.32).
import { arr, B, I32, I64, IOS, kindNode, type Node, OPEN, obj, Q, S, SARR, SMAP, str, TIME } from "./dsl.ts";
import {
  LABEL_SELECTOR,
  OBJECT_META,
  OBJECT_REFERENCE,
  TYPED_LOCAL_OBJECT_REFERENCE,
} from "./schema-meta.ts";
import { POD_TEMPLATE_SPEC } from "./schema-pod.ts";
import { PVC_SPEC } from "./schema-volumes.ts";

const kind = (go: string, f: Parameters<typeof kindNode>[2]): Node => kindNode(go, OBJECT_META, f);

// apps/v1

export const DEPLOYMENT = kind("Deployment", {
  spec: obj("v1.DeploymentSpec", {
    replicas: I32,
    selector: LABEL_SELECTOR,
    template: POD_TEMPLATE_SPEC,
    strategy: obj("v1.DeploymentStrategy", {
      type: str("v1.DeploymentStrategyType"),
      rollingUpdate: obj("v1.RollingUpdateDeployment", { maxUnavailable: IOS, maxSurge: IOS }),
    }),
    minReadySeconds: I32,
    revisionHistoryLimit: I32,
    paused: B,
    progressDeadlineSeconds: I32,
  }),
  status: OPEN,
});

export const REPLICA_SET = kind("ReplicaSet", {
  spec: obj("v1.ReplicaSetSpec", {
    replicas: I32,
    minReadySeconds: I32,
    selector: LABEL_SELECTOR,
    template: POD_TEMPLATE_SPEC,
  }),
  status: OPEN,
});

export const DAEMON_SET = kind("DaemonSet", {
  spec: obj("v1.DaemonSetSpec", {
    selector: LABEL_SELECTOR,
    template: POD_TEMPLATE_SPEC,
    updateStrategy: obj("v1.DaemonSetUpdateStrategy", {
      type: str("v1.DaemonSetUpdateStrategyType"),
      rollingUpdate: obj("v1.RollingUpdateDaemonSet", { maxUnavailable: IOS, maxSurge: IOS }),
    }),
    minReadySeconds: I32,
    revisionHistoryLimit: I32,
  }),
  status: OPEN,
});

const PVC_OBJECT = kind("PersistentVolumeClaim", { spec: PVC_SPEC, status: OPEN });

export const STATEFUL_SET = kind("StatefulSet", {
  spec: obj("v1.StatefulSetSpec", {
    replicas: I32,
    selector: LABEL_SELECTOR,
    template: POD_TEMPLATE_SPEC,
    volumeClaimTemplates: arr(PVC_OBJECT),
    serviceName: S,
    podManagementPolicy: str("v1.PodManagementPolicyType"),
    updateStrategy: obj("v1.StatefulSetUpdateStrategy", {
      type: str("v1.StatefulSetUpdateStrategyType"),
      rollingUpdate: obj("v1.RollingUpdateStatefulSetStrategy", { partition: I32, maxUnavailable: IOS }),
    }),
    revisionHistoryLimit: I32,
    minReadySeconds: I32,
    persistentVolumeClaimRetentionPolicy: obj("v1.StatefulSetPersistentVolumeClaimRetentionPolicy", {
      whenDeleted: str("v1.PersistentVolumeClaimRetentionPolicyType"),
      whenScaled: str("v1.PersistentVolumeClaimRetentionPolicyType"),
    }),
    ordinals: obj("v1.StatefulSetOrdinals", { start: I32 }),
  }),
  status: OPEN,
});

// batch/v1

const JOB_SPEC = obj("v1.JobSpec", {
  parallelism: I32,
  completions: I32,
  activeDeadlineSeconds: I64,
  podFailurePolicy: OPEN,
  successPolicy: OPEN,
  backoffLimit: I32,
  backoffLimitPerIndex: I32,
  maxFailedIndexes: I32,
  selector: LABEL_SELECTOR,
  manualSelector: B,
  template: POD_TEMPLATE_SPEC,
  ttlSecondsAfterFinished: I32,
  completionMode: str("v1.CompletionMode"),
  suspend: B,
  podReplacementPolicy: str("v1.PodReplacementPolicy"),
  managedBy: S,
});

export const JOB = kind("Job", { spec: JOB_SPEC, status: OPEN });

export const CRON_JOB = kind("CronJob", {
  spec: obj("v1.CronJobSpec", {
    schedule: S,
    timeZone: S,
    startingDeadlineSeconds: I64,
    concurrencyPolicy: str("v1.ConcurrencyPolicy"),
    suspend: B,
    jobTemplate: obj("v1.JobTemplateSpec", { metadata: OBJECT_META, spec: JOB_SPEC }),
    successfulJobsHistoryLimit: I32,
    failedJobsHistoryLimit: I32,
  }),
  status: OPEN,
});

// autoscaling/v1 and autoscaling/v2

const crossRef = (pkg: string) =>
  obj(`${pkg}.CrossVersionObjectReference`, { kind: S, name: S, apiVersion: S });

export const HPA_V1 = kind("HorizontalPodAutoscaler", {
  spec: obj("v1.HorizontalPodAutoscalerSpec", {
    scaleTargetRef: crossRef("v1"),
    minReplicas: I32,
    maxReplicas: I32,
    targetCPUUtilizationPercentage: I32,
  }),
  status: OPEN,
});

const METRIC_TARGET = obj("v2.MetricTarget", {
  type: str("v2.MetricTargetType"),
  value: Q,
  averageValue: Q,
  averageUtilization: I32,
});
const METRIC_IDENTIFIER = obj("v2.MetricIdentifier", { name: S, selector: LABEL_SELECTOR });
const SCALING_RULES = obj("v2.HPAScalingRules", {
  stabilizationWindowSeconds: I32,
  selectPolicy: str("v2.ScalingPolicySelect"),
  policies: arr(
    obj("v2.HPAScalingPolicy", { type: str("v2.HPAScalingPolicyType"), value: I32, periodSeconds: I32 }),
  ),
});

export const HPA_V2 = kind("HorizontalPodAutoscaler", {
  spec: obj("v2.HorizontalPodAutoscalerSpec", {
    scaleTargetRef: crossRef("v2"),
    minReplicas: I32,
    maxReplicas: I32,
    metrics: arr(
      obj("v2.MetricSpec", {
        type: str("v2.MetricSourceType"),
        object: obj("v2.ObjectMetricSource", {
          describedObject: crossRef("v2"),
          target: METRIC_TARGET,
          metric: METRIC_IDENTIFIER,
        }),
        pods: obj("v2.PodsMetricSource", { metric: METRIC_IDENTIFIER, target: METRIC_TARGET }),
        resource: obj("v2.ResourceMetricSource", { name: str("v1.ResourceName"), target: METRIC_TARGET }),
        containerResource: obj("v2.ContainerResourceMetricSource", {
          name: str("v1.ResourceName"),
          target: METRIC_TARGET,
          container: S,
        }),
        external: obj("v2.ExternalMetricSource", { metric: METRIC_IDENTIFIER, target: METRIC_TARGET }),
      }),
    ),
    behavior: obj("v2.HorizontalPodAutoscalerBehavior", { scaleUp: SCALING_RULES, scaleDown: SCALING_RULES }),
  }),
  status: OPEN,
});

// networking.k8s.io/v1

const INGRESS_BACKEND = obj("v1.IngressBackend", {
  service: obj("v1.IngressServiceBackend", {
    name: S,
    port: obj("v1.ServiceBackendPort", { name: S, number: I32 }),
  }),
  resource: TYPED_LOCAL_OBJECT_REFERENCE,
});

export const INGRESS = kind("Ingress", {
  spec: obj("v1.IngressSpec", {
    ingressClassName: S,
    defaultBackend: INGRESS_BACKEND,
    tls: arr(obj("v1.IngressTLS", { hosts: SARR, secretName: S })),
    rules: arr(
      obj("v1.IngressRule", {
        host: S,
        http: obj("v1.HTTPIngressRuleValue", {
          paths: arr(
            obj("v1.HTTPIngressPath", { path: S, pathType: str("v1.PathType"), backend: INGRESS_BACKEND }),
          ),
        }),
      }),
    ),
  }),
  status: OPEN,
});

export const INGRESS_CLASS = kind("IngressClass", {
  spec: obj("v1.IngressClassSpec", {
    controller: S,
    parameters: obj("v1.IngressClassParametersReference", {
      apiGroup: S,
      kind: S,
      name: S,
      scope: S,
      namespace: S,
    }),
  }),
});

// storage.k8s.io/v1

export const STORAGE_CLASS = kind("StorageClass", {
  provisioner: S,
  parameters: SMAP,
  reclaimPolicy: str("v1.PersistentVolumeReclaimPolicy"),
  mountOptions: SARR,
  allowVolumeExpansion: B,
  volumeBindingMode: str("v1.VolumeBindingMode"),
  allowedTopologies: arr(
    obj("v1.TopologySelectorTerm", {
      matchLabelExpressions: arr(obj("v1.TopologySelectorLabelRequirement", { key: S, values: SARR })),
    }),
  ),
});

// events.k8s.io/v1

export const EVENTS_V1_EVENT = kind("Event", {
  eventTime: TIME,
  series: obj("v1.EventSeries", { count: I32, lastObservedTime: TIME }),
  reportingController: S,
  reportingInstance: S,
  action: S,
  reason: S,
  regarding: OBJECT_REFERENCE,
  related: OBJECT_REFERENCE,
  note: S,
  type: S,
  deprecatedSource: obj("v1.EventSource", { component: S, host: S }),
  deprecatedFirstTimestamp: TIME,
  deprecatedLastTimestamp: TIME,
  deprecatedCount: I32,
});
