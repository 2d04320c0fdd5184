// kubectl explain's schema data, part 1: the format, shared types (metadata, selectors) and the Pod.
//
// Every description here is Bosun's own short wording for learners; field names and types follow
// the Kubernetes 1.32 API. A field is written "<type> <description>", where the type is kubectl's
// short form (string, integer, boolean, Object, []Container, map[string]string, ...) followed by
// `!` when the field is required and `{A,B}` when it only takes those values.

/** One schema type: what it is for, and its fields in the notation above. */
export interface TypeDef {
  desc: string;
  fields?: Record<string, string>;
}

const API_VERSION = "string Which version of the API this object is written for, e.g. v1 or apps/v1.";
const KIND = "string What sort of object this is, e.g. Pod or Deployment. Written in CamelCase.";
const METADATA = "ObjectMeta The object's name, namespace, labels and other bookkeeping.";

/** A top-level kind: apiVersion, kind and metadata plus its own fields. */
export function kind(desc: string, fields: Record<string, string>): TypeDef {
  return { desc, fields: { apiVersion: API_VERSION, kind: KIND, metadata: METADATA, ...fields } };
}

/** Shared types: metadata, selectors and the value types several kinds use. */
export const COMMON_TYPES: Record<string, TypeDef> = {
  ObjectMeta: {
    desc: "Metadata every object has: its identity, labels, annotations and owners.",
    fields: {
      annotations: "map[string]string Free-form notes for tools and people. Not used to select objects.",
      creationTimestamp: "Time When the API server stored the object. Set by the server; read-only.",
      deletionTimestamp: "Time When deletion was requested. The object goes once its finalizers finish.",
      finalizers: "[]string Tasks that must finish before the object may be deleted.",
      generateName: "string A prefix the server completes with random characters when name is empty.",
      generation: "integer A counter the server raises each time the desired state (spec) changes.",
      labels: "map[string]string Key/value tags. Selectors in Services and workloads match on these.",
      name: "string The object's name, unique among objects of this kind in its namespace.",
      namespace: "string The namespace the object lives in. Empty for cluster-wide kinds.",
      ownerReferences: "[]OwnerReference Objects this one belongs to; it is deleted when they are.",
      resourceVersion: "string An opaque version the server changes on every write. Read-only.",
      uid: "string A unique ID the server gives the object. Never reused. Read-only.",
    },
  },
  OwnerReference: {
    desc: "Points to the object that owns this one, such as the ReplicaSet that created a pod.",
    fields: {
      apiVersion: "string! The API version of the owner.",
      blockOwnerDeletion: "boolean If true, the owner is not fully deleted until this object is gone.",
      controller: "boolean True for the one owner that manages this object.",
      kind: "string! The kind of the owner, e.g. ReplicaSet.",
      name: "string! The name of the owner.",
      uid: "string! The unique ID of the owner.",
    },
  },
  Time: { desc: "A point in time, written in RFC 3339 form such as 2025-01-06T09:00:00Z." },
  Quantity: {
    desc: "An amount with an optional unit suffix: 250m is a quarter of a CPU, 128Mi is 128 mebibytes.",
  },
  IntOrString: { desc: "A value that may be a number (80) or a name (http), depending on what you need." },
  LabelSelector: {
    desc: "Chooses objects by their labels. All conditions must hold; an empty selector matches all.",
    fields: {
      matchExpressions: "[]LabelSelectorRequirement Conditions such as 'tier In (web, api)'.",
      matchLabels: "map[string]string Labels an object must have, with exactly these values.",
    },
  },
  LabelSelectorRequirement: {
    desc: "One condition on a label: the key, a comparison and the values it compares with.",
    fields: {
      key: "string! The label key the condition looks at.",
      operator: "string! In, NotIn, Exists or DoesNotExist.",
      values: "[]string The values for In and NotIn. Must be empty for Exists and DoesNotExist.",
    },
  },
  LocalObjectReference: {
    desc: "Names another object in the same namespace.",
    fields: { name: "string The name of the object." },
  },
  ObjectReference: {
    desc: "Points to another object by kind, namespace and name.",
    fields: {
      apiVersion: "string The API version of the object.",
      kind: "string The kind of the object.",
      name: "string The name of the object.",
      namespace: "string The namespace of the object.",
      uid: "string The unique ID of the object.",
    },
  },
  Condition: {
    desc: "One aspect of the object's state: whether it holds, since when and why.",
    fields: {
      lastTransitionTime: "Time When the status last changed.",
      message: "string A readable explanation of the current status.",
      reason: "string A one-word CamelCase reason for the current status.",
      status: "string! True, False or Unknown.",
      type: "string! Which aspect of the state this condition describes.",
    },
  },
};

/** The Pod kind and the types of its spec and status (containers are in explain-data-pod.ts). */
export const POD_TYPES: Record<string, TypeDef> = {
  Pod: kind(
    "A pod is the smallest thing Kubernetes runs: one or more containers that share a network address and storage, scheduled together onto one node.",
    {
      spec: "PodSpec What should run: the containers, volumes and scheduling wishes.",
      status: "PodStatus What is happening now, as reported by the node. Read-only.",
    },
  ),
  PodSpec: {
    desc: "The desired state of a pod: its containers and how and where to run them.",
    fields: {
      activeDeadlineSeconds: "integer Seconds the pod may run before the kubelet stops it.",
      affinity: "Affinity Rules that attract the pod to, or keep it from, certain nodes and pods.",
      containers: "[]Container! The containers to run. A pod needs at least one.",
      dnsPolicy: "string{ClusterFirst,ClusterFirstWithHostNet,Default,None} How the pod resolves names.",
      hostname: "string The pod's host name. Defaults to the pod's name.",
      imagePullSecrets: "[]LocalObjectReference Secrets with registry credentials for private images.",
      initContainers: "[]Container Containers that run to completion, one by one, before the others.",
      nodeName: "string The node the pod runs on. Normally set by the scheduler, not by you.",
      nodeSelector: "map[string]string Labels a node must have for the pod to be scheduled there.",
      priorityClassName: "string The PriorityClass that sets how important the pod is.",
      restartPolicy: "string{Always,Never,OnFailure} What the kubelet does when a container exits.",
      schedulerName: "string The scheduler that places the pod. Defaults to default-scheduler.",
      securityContext: "PodSecurityContext Security settings that apply to every container.",
      serviceAccountName: "string The ServiceAccount the pod's processes act as.",
      terminationGracePeriodSeconds: "integer Seconds containers get to stop after SIGTERM before SIGKILL.",
      tolerations: "[]Toleration Taints the pod accepts, so it may run on tainted nodes.",
      volumes: "[]Volume Storage the containers can mount, each with a name.",
    },
  },
  Affinity: {
    desc: "Scheduling preferences and requirements about nodes and other pods.",
    fields: {
      nodeAffinity: "Object Which nodes the pod must or would like to run on, by node labels.",
      podAffinity: "Object Pods this pod should run near.",
      podAntiAffinity: "Object Pods this pod should keep away from.",
    },
  },
  PodSecurityContext: {
    desc: "Security settings for all containers of a pod.",
    fields: {
      fsGroup: "integer A group ID that owns mounted volumes.",
      runAsGroup: "integer The group ID processes run as.",
      runAsNonRoot: "boolean If true, the kubelet refuses to start a container that would run as root.",
      runAsUser: "integer The user ID processes run as.",
    },
  },
  Toleration: {
    desc: "Lets a pod run on a node with a matching taint.",
    fields: {
      effect: "string{NoExecute,NoSchedule,PreferNoSchedule} The taint effect to tolerate; empty means all.",
      key: "string The taint key to tolerate; empty with Exists tolerates every taint.",
      operator: "string{Equal,Exists} Equal compares the value; Exists ignores it.",
      tolerationSeconds: "integer For NoExecute: how long the pod stays once the taint appears.",
      value: "string The taint value to match when the operator is Equal.",
    },
  },
  PodStatus: {
    desc: "The observed state of a pod. Written by the kubelet; read-only for you.",
    fields: {
      conditions: "[]PodCondition Whether the pod is scheduled, initialized, ready and so on.",
      containerStatuses: "[]ContainerStatus The state of each container, in the order of the spec.",
      hostIP: "string The IP address of the node the pod runs on.",
      initContainerStatuses: "[]ContainerStatus The state of each init container.",
      message: "string A readable note on why the pod is in its phase.",
      phase: "string{Failed,Pending,Running,Succeeded,Unknown} Where the pod is in its life.",
      podIP: "string The pod's IP address inside the cluster network.",
      qosClass: "string{BestEffort,Burstable,Guaranteed} The quality-of-service class from resources.",
      reason: "string A short CamelCase reason, such as Evicted.",
      startTime: "Time When the kubelet accepted the pod.",
    },
  },
  PodCondition: {
    desc: "One aspect of a pod's state, such as Ready or PodScheduled.",
    fields: {
      lastProbeTime: "Time When this condition was last checked.",
      lastTransitionTime: "Time When the status last changed.",
      message: "string A readable explanation.",
      reason: "string A one-word CamelCase reason.",
      status: "string! True, False or Unknown.",
      type: "string! The condition, e.g. Ready, ContainersReady, Initialized or PodScheduled.",
    },
  },
  PodTemplateSpec: {
    desc: "The pod a workload creates, without a name: its labels and its spec.",
    fields: {
      metadata: "ObjectMeta Labels and annotations every created pod gets.",
      spec: "PodSpec The spec every created pod gets.",
    },
  },
};
