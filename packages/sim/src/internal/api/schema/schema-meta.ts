// Known fields of metav1 types and small core/v1 references shared by every kind (Kubernetes 1.32).
import { arr, B, I32, I64, OPEN, obj, S, SARR, SMAP, str, TIME } from "./dsl.ts";

export const OWNER_REFERENCE = obj("v1.OwnerReference", {
  apiVersion: S,
  kind: S,
  name: S,
  uid: str("types.UID"),
  controller: B,
  blockOwnerDeletion: B,
});

export const OBJECT_META = obj("v1.ObjectMeta", {
  name: S,
  generateName: S,
  namespace: S,
  selfLink: S,
  uid: str("types.UID"),
  resourceVersion: S,
  generation: I64,
  creationTimestamp: TIME,
  deletionTimestamp: TIME,
  deletionGracePeriodSeconds: I64,
  labels: SMAP,
  annotations: SMAP,
  ownerReferences: arr(OWNER_REFERENCE),
  finalizers: SARR,
  managedFields: arr(OPEN),
});

export const LABEL_SELECTOR = obj("v1.LabelSelector", {
  matchLabels: SMAP,
  matchExpressions: arr(
    obj("v1.LabelSelectorRequirement", { key: S, operator: str("v1.LabelSelectorOperator"), values: SARR }),
  ),
});

export const OBJECT_REFERENCE = obj("v1.ObjectReference", {
  kind: S,
  namespace: S,
  name: S,
  uid: str("types.UID"),
  apiVersion: S,
  resourceVersion: S,
  fieldPath: S,
});

export const LOCAL_OBJECT_REFERENCE = obj("v1.LocalObjectReference", { name: S });

export const TYPED_LOCAL_OBJECT_REFERENCE = obj("v1.TypedLocalObjectReference", {
  apiGroup: S,
  kind: S,
  name: S,
});

const NODE_SELECTOR_REQUIREMENT = obj("v1.NodeSelectorRequirement", {
  key: S,
  operator: str("v1.NodeSelectorOperator"),
  values: SARR,
});

export const NODE_SELECTOR_TERM = obj("v1.NodeSelectorTerm", {
  matchExpressions: arr(NODE_SELECTOR_REQUIREMENT),
  matchFields: arr(NODE_SELECTOR_REQUIREMENT),
});

export const NODE_SELECTOR = obj("v1.NodeSelector", { nodeSelectorTerms: arr(NODE_SELECTOR_TERM) });

const POD_AFFINITY_TERM = obj("v1.PodAffinityTerm", {
  labelSelector: LABEL_SELECTOR,
  namespaces: SARR,
  topologyKey: S,
  namespaceSelector: LABEL_SELECTOR,
  matchLabelKeys: SARR,
  mismatchLabelKeys: SARR,
});

const WEIGHTED_POD_AFFINITY_TERM = obj("v1.WeightedPodAffinityTerm", {
  weight: I32,
  podAffinityTerm: POD_AFFINITY_TERM,
});

const POD_AFFINITY_FIELDS = {
  requiredDuringSchedulingIgnoredDuringExecution: arr(POD_AFFINITY_TERM),
  preferredDuringSchedulingIgnoredDuringExecution: arr(WEIGHTED_POD_AFFINITY_TERM),
};

export const AFFINITY = obj("v1.Affinity", {
  nodeAffinity: obj("v1.NodeAffinity", {
    requiredDuringSchedulingIgnoredDuringExecution: NODE_SELECTOR,
    preferredDuringSchedulingIgnoredDuringExecution: arr(
      obj("v1.PreferredSchedulingTerm", { weight: I32, preference: NODE_SELECTOR_TERM }),
    ),
  }),
  podAffinity: obj("v1.PodAffinity", POD_AFFINITY_FIELDS),
  podAntiAffinity: obj("v1.PodAntiAffinity", POD_AFFINITY_FIELDS),
});

export const TOLERATION = obj("v1.Toleration", {
  key: S,
  operator: str("v1.TolerationOperator"),
  value: S,
  effect: str("v1.TaintEffect"),
  tolerationSeconds: I64,
});

export const TOPOLOGY_SPREAD_CONSTRAINT = obj("v1.TopologySpreadConstraint", {
  maxSkew: I32,
  topologyKey: S,
  whenUnsatisfiable: str("v1.UnsatisfiableConstraintAction"),
  labelSelector: LABEL_SELECTOR,
  minDomains: I32,
  nodeAffinityPolicy: str("v1.NodeInclusionPolicy"),
  nodeTaintsPolicy: str("v1.NodeInclusionPolicy"),
  matchLabelKeys: SARR,
});
