// Known fields of the core/v1 kinds (Kubernetes 1.32): Pod, Service, ConfigMap, Secret and the rest.
import {
  arr,
  B,
  BYTES,
  I32,
  IOS,
  kindNode,
  map,
  type Node,
  OPEN,
  obj,
  RLIST,
  S,
  SARR,
  SMAP,
  str,
  TIME,
} from "./dsl.ts";
import { LOCAL_OBJECT_REFERENCE, OBJECT_META, OBJECT_REFERENCE } from "./schema-meta.ts";
import { POD_SPEC } from "./schema-pod.ts";
import { PV_SPEC, PVC_SPEC } from "./schema-volumes.ts";

const core = (kind: string, f: Parameters<typeof kindNode>[2]): Node => kindNode(kind, OBJECT_META, f);

export const POD = core("Pod", { spec: POD_SPEC, status: OPEN });

export const SERVICE = core("Service", {
  spec: obj("v1.ServiceSpec", {
    ports: arr(
      obj("v1.ServicePort", {
        name: S,
        protocol: str("v1.Protocol"),
        appProtocol: S,
        port: I32,
        targetPort: IOS,
        nodePort: I32,
      }),
    ),
    selector: SMAP,
    clusterIP: S,
    clusterIPs: SARR,
    type: str("v1.ServiceType"),
    externalIPs: SARR,
    sessionAffinity: str("v1.ServiceAffinity"),
    loadBalancerIP: S,
    loadBalancerSourceRanges: SARR,
    externalName: S,
    externalTrafficPolicy: str("v1.ServiceExternalTrafficPolicy"),
    healthCheckNodePort: I32,
    publishNotReadyAddresses: B,
    sessionAffinityConfig: obj("v1.SessionAffinityConfig", {
      clientIP: obj("v1.ClientIPConfig", { timeoutSeconds: I32 }),
    }),
    ipFamilies: arr(str("v1.IPFamily")),
    ipFamilyPolicy: str("v1.IPFamilyPolicy"),
    allocateLoadBalancerNodePorts: B,
    loadBalancerClass: S,
    internalTrafficPolicy: str("v1.ServiceInternalTrafficPolicy"),
    trafficDistribution: S,
  }),
  status: OPEN,
});

const ENDPOINT_ADDRESS = obj("v1.EndpointAddress", {
  ip: S,
  hostname: S,
  nodeName: S,
  targetRef: OBJECT_REFERENCE,
});

export const ENDPOINTS = core("Endpoints", {
  subsets: arr(
    obj("v1.EndpointSubset", {
      addresses: arr(ENDPOINT_ADDRESS),
      notReadyAddresses: arr(ENDPOINT_ADDRESS),
      ports: arr(
        obj("v1.EndpointPort", { name: S, port: I32, protocol: str("v1.Protocol"), appProtocol: S }),
      ),
    }),
  ),
});

export const CONFIG_MAP = core("ConfigMap", { immutable: B, data: SMAP, binaryData: map(BYTES) });

export const SECRET = core("Secret", {
  immutable: B,
  data: map(BYTES),
  stringData: SMAP,
  type: str("v1.SecretType"),
});

export const NAMESPACE = core("Namespace", {
  spec: obj("v1.NamespaceSpec", { finalizers: arr(str("v1.FinalizerName")) }),
  status: OPEN,
});

export const NODE = core("Node", {
  spec: obj("v1.NodeSpec", {
    podCIDR: S,
    podCIDRs: SARR,
    providerID: S,
    unschedulable: B,
    taints: arr(obj("v1.Taint", { key: S, value: S, effect: str("v1.TaintEffect"), timeAdded: TIME })),
    configSource: OPEN,
    externalID: S,
  }),
  status: OPEN,
});

export const EVENT = core("Event", {
  involvedObject: OBJECT_REFERENCE,
  reason: S,
  message: S,
  source: obj("v1.EventSource", { component: S, host: S }),
  firstTimestamp: TIME,
  lastTimestamp: TIME,
  count: I32,
  type: S,
  eventTime: TIME,
  series: obj("v1.EventSeries", { count: I32, lastObservedTime: TIME }),
  action: S,
  related: OBJECT_REFERENCE,
  reportingComponent: S,
  reportingInstance: S,
});

export const PERSISTENT_VOLUME_CLAIM = core("PersistentVolumeClaim", { spec: PVC_SPEC, status: OPEN });

export const PERSISTENT_VOLUME = core("PersistentVolume", { spec: PV_SPEC, status: OPEN });

export const RESOURCE_QUOTA = core("ResourceQuota", {
  spec: obj("v1.ResourceQuotaSpec", {
    hard: RLIST,
    scopes: arr(str("v1.ResourceQuotaScope")),
    scopeSelector: obj("v1.ScopeSelector", {
      matchExpressions: arr(
        obj("v1.ScopedResourceSelectorRequirement", {
          scopeName: str("v1.ResourceQuotaScope"),
          operator: str("v1.ScopeSelectorOperator"),
          values: SARR,
        }),
      ),
    }),
  }),
  status: OPEN,
});

export const LIMIT_RANGE = core("LimitRange", {
  spec: obj("v1.LimitRangeSpec", {
    limits: arr(
      obj("v1.LimitRangeItem", {
        type: str("v1.LimitType"),
        max: RLIST,
        min: RLIST,
        default: RLIST,
        defaultRequest: RLIST,
        maxLimitRequestRatio: RLIST,
      }),
    ),
  }),
});

export const SERVICE_ACCOUNT = core("ServiceAccount", {
  secrets: arr(OBJECT_REFERENCE),
  imagePullSecrets: arr(LOCAL_OBJECT_REFERENCE),
  automountServiceAccountToken: B,
});
