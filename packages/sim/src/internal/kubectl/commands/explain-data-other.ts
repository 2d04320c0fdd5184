// kubectl explain's schema data, part 5: the other kinds the API serves, described at the top level only.

import { kind, type TypeDef } from "./explain-data.ts";

const spec = (type: string, what: string) => `${type} ${what}`;

/** Kinds Bosun lessons rarely open: their purpose and top-level fields. */
export const OTHER_TYPES: Record<string, TypeDef> = {
  Binding: kind("A Binding assigns a pod to a node. The scheduler creates these; you rarely do.", {
    target: spec("ObjectReference!", "The node to bind the pod to."),
  }),
  ComponentStatus: kind("ComponentStatus reported the health of control plane parts. Deprecated.", {
    conditions: spec("[]Condition", "Health checks of the component."),
  }),
  Endpoints: kind("Endpoints lists the ready pod addresses behind a Service. Kept up to date for you.", {
    subsets: spec("[]Object", "Groups of addresses that share the same ports."),
  }),
  Event: kind("An Event records something that happened to an object, such as a pull or a restart.", {
    count: spec("integer", "How many times this event has happened."),
    firstTimestamp: spec("Time", "When it first happened."),
    involvedObject: spec("ObjectReference!", "The object it happened to."),
    lastTimestamp: spec("Time", "When it last happened."),
    message: spec("string", "A readable description."),
    reason: spec("string", "A short CamelCase reason, e.g. Scheduled or BackOff."),
    source: spec("Object", "The component that reported it, e.g. kubelet."),
    type: spec("string", "Normal or Warning."),
  }),
  Node: kind("A node is a machine (on AKS, a virtual machine) that runs pods.", {
    spec: spec("NodeSpec", "The node's pod address range, taints and whether it is cordoned."),
    status: spec("NodeStatus", "Capacity, conditions, addresses and versions. Read-only."),
  }),
  PersistentVolume: kind("A PersistentVolume is a piece of storage in the cluster that a claim can bind.", {
    spec: spec("PersistentVolumeSpec", "Capacity, access modes and where the storage is."),
    status: spec("PersistentVolumeStatus", "Whether the volume is available, bound or released."),
  }),
  PodTemplate: kind("A PodTemplate stores a pod template under a name.", {
    template: spec("PodTemplateSpec", "The pod template."),
  }),
  ReplicationController: kind("The older form of a ReplicaSet. Use a Deployment instead.", {
    spec: spec("ReplicationControllerSpec", "The pods you want."),
    status: spec("ReplicationControllerStatus", "How many pods exist. Read-only."),
  }),
  ServiceAccount: kind("A ServiceAccount is an identity for processes in pods, used to call the API.", {
    automountServiceAccountToken: spec("boolean", "Whether pods get a token for this account mounted."),
    imagePullSecrets: spec("[]LocalObjectReference", "Registry credentials for pods using this account."),
    secrets: spec("[]ObjectReference", "Secrets this account may use."),
  }),
  ControllerRevision: kind(
    "A ControllerRevision stores one version of a StatefulSet's or DaemonSet's template.",
    {
      data: spec("Object", "The stored template."),
      revision: spec("integer!", "The revision number."),
    },
  ),
  DaemonSet: kind("A DaemonSet runs one copy of a pod on every node, or on every node that matches.", {
    spec: spec("DaemonSetSpec", "The pod to run and how to update it."),
    status: spec("DaemonSetStatus", "How many nodes run it. Read-only."),
  }),
  StatefulSet: kind("A StatefulSet runs pods with stable names and their own storage, started in order.", {
    spec: spec("StatefulSetSpec", "The pods, their storage and update order."),
    status: spec("StatefulSetStatus", "How many pods exist and are ready. Read-only."),
  }),
  Lease: kind("A Lease is a lock with an expiry, used for heartbeats and leader election.", {
    spec: spec("LeaseSpec", "Who holds the lease and until when."),
  }),
  EndpointSlice: kind("An EndpointSlice lists some of the addresses behind a Service.", {
    addressType: spec("string!", "IPv4, IPv6 or FQDN."),
    endpoints: spec("[]Object!", "The addresses and whether each is ready."),
    ports: spec("[]Object", "The ports the addresses serve."),
  }),
  IngressClass: kind("An IngressClass names an ingress controller that Ingresses can choose.", {
    spec: spec("IngressClassSpec", "The controller and its parameters."),
  }),
  NetworkPolicy: kind("A NetworkPolicy limits which traffic may reach or leave the pods it selects.", {
    spec: spec("NetworkPolicySpec", "The pods it applies to and the traffic it allows."),
  }),
  PodDisruptionBudget: kind(
    "A PodDisruptionBudget limits how many pods voluntary disruptions may take down.",
    {
      spec: spec("PodDisruptionBudgetSpec", "The pods and how many must stay up."),
      status: spec("PodDisruptionBudgetStatus", "How many disruptions are allowed now. Read-only."),
    },
  ),
  ClusterRoleBinding: kind("A ClusterRoleBinding grants a ClusterRole's permissions everywhere.", {
    roleRef: spec("RoleRef!", "The ClusterRole granted."),
    subjects: spec("[]Subject", "The users, groups or service accounts that get it."),
  }),
  ClusterRole: kind("A ClusterRole is a set of permissions that can apply cluster-wide.", {
    aggregationRule: spec("Object", "Builds the rules from other ClusterRoles."),
    rules: spec("[]PolicyRule", "The permissions."),
  }),
  RoleBinding: kind("A RoleBinding grants a Role's or ClusterRole's permissions within one namespace.", {
    roleRef: spec("RoleRef!", "The role granted."),
    subjects: spec("[]Subject", "The users, groups or service accounts that get it."),
  }),
  Role: kind("A Role is a set of permissions within one namespace.", {
    rules: spec("[]PolicyRule", "The permissions."),
  }),
  PriorityClass: kind("A PriorityClass gives pods a priority; higher ones are scheduled first.", {
    description: spec("string", "When to use this class."),
    globalDefault: spec("boolean", "Whether pods without a class get this one."),
    preemptionPolicy: spec("string", "Whether these pods may evict lower-priority pods."),
    value: spec("integer!", "The priority; higher is more important."),
  }),
  StorageClass: kind("A StorageClass describes a kind of storage and how to create volumes of it.", {
    allowVolumeExpansion: spec("boolean", "Whether claims may grow after creation."),
    parameters: spec("map[string]string", "Settings for the provisioner."),
    provisioner: spec("string!", "The driver that creates the volumes, e.g. disk.csi.azure.com."),
    reclaimPolicy: spec("string", "Delete or Retain the volume when its claim goes."),
    volumeBindingMode: spec("string", "Immediate, or WaitForFirstConsumer to create it where the pod runs."),
  }),
};
