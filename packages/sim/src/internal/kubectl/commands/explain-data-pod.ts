// kubectl explain's schema data, part 2: containers, probes, environment, resources and volumes.

import type { TypeDef } from "./explain-data.ts";

/** The container and everything a container spec refers to. */
export const CONTAINER_TYPES: Record<string, TypeDef> = {
  Container: {
    desc: "One program to run in the pod, from a container image.",
    fields: {
      args: "[]string Arguments for the command. Replaces the image's CMD.",
      command: "[]string The program to run. Replaces the image's ENTRYPOINT; not run in a shell.",
      env: "[]EnvVar Environment variables to set in the container.",
      envFrom: "[]EnvFromSource Sets a variable for every key of a ConfigMap or Secret.",
      image: "string The container image to run, e.g. nginx:1.27 or myregistry.azurecr.io/app:v2.",
      imagePullPolicy: "string{Always,IfNotPresent,Never} When the kubelet pulls the image.",
      lifecycle: "Object Commands or requests to run just after start and just before stop.",
      livenessProbe: "Probe A check that the container still works; failing it restarts the container.",
      name: "string! The container's name, unique within the pod. Used by logs and exec -c.",
      ports: "[]ContainerPort Ports the program listens on. Mostly informative.",
      readinessProbe:
        "Probe A check that the container can take traffic; failing it removes the pod from Services.",
      resources: "ResourceRequirements The CPU and memory the container asks for and may use.",
      securityContext: "SecurityContext Security settings for this container.",
      startupProbe: "Probe A check for slow starters; the other probes wait until it succeeds.",
      stdin: "boolean Keeps standard input open, for attach.",
      tty: "boolean Gives the container a terminal. Usually set with stdin.",
      volumeMounts: "[]VolumeMount Where the pod's volumes appear inside this container.",
      workingDir: "string The directory the program starts in.",
    },
  },
  ContainerPort: {
    desc: "A port a container listens on.",
    fields: {
      containerPort: "integer! The port number inside the container, 1 to 65535.",
      hostPort: "integer Also expose the port on the node's own address. Rarely needed.",
      name: "string A name for the port that Services can refer to as targetPort.",
      protocol: "string{SCTP,TCP,UDP} The protocol. Defaults to TCP.",
    },
  },
  EnvVar: {
    desc: "One environment variable: a literal value or a value taken from elsewhere.",
    fields: {
      name: "string! The variable's name.",
      value: "string A literal value. $(OTHER) refers to a variable defined earlier.",
      valueFrom: "EnvVarSource Take the value from a ConfigMap, a Secret or the pod itself.",
    },
  },
  EnvVarSource: {
    desc: "Where an environment variable's value comes from. Set exactly one field.",
    fields: {
      configMapKeyRef: "ConfigMapKeySelector One key of a ConfigMap.",
      fieldRef: "ObjectFieldSelector A field of the pod, such as metadata.name or status.podIP.",
      resourceFieldRef: "ResourceFieldSelector A container's resource request or limit.",
      secretKeyRef: "SecretKeySelector One key of a Secret.",
    },
  },
  ConfigMapKeySelector: {
    desc: "Selects one key of a ConfigMap in the pod's namespace.",
    fields: {
      key: "string! The key to read.",
      name: "string The ConfigMap's name.",
      optional: "boolean If true, a missing ConfigMap or key is not an error.",
    },
  },
  SecretKeySelector: {
    desc: "Selects one key of a Secret in the pod's namespace.",
    fields: {
      key: "string! The key to read.",
      name: "string The Secret's name.",
      optional: "boolean If true, a missing Secret or key is not an error.",
    },
  },
  ObjectFieldSelector: {
    desc: "Selects a field of the pod.",
    fields: {
      apiVersion: "string The version the field path is written for. Defaults to v1.",
      fieldPath: "string! The field, e.g. metadata.name, metadata.namespace or status.podIP.",
    },
  },
  ResourceFieldSelector: {
    desc: "Selects a container's resource request or limit.",
    fields: {
      containerName: "string The container; defaults to the one being configured.",
      divisor: "Quantity The unit of the value, e.g. 1m or 1Mi.",
      resource: "string! The resource, e.g. limits.cpu or requests.memory.",
    },
  },
  EnvFromSource: {
    desc: "Turns every key of a ConfigMap or Secret into an environment variable.",
    fields: {
      configMapRef: "ConfigMapEnvSource The ConfigMap to read.",
      prefix: "string Text put in front of every variable name.",
      secretRef: "SecretEnvSource The Secret to read.",
    },
  },
  ConfigMapEnvSource: {
    desc: "A ConfigMap whose keys become environment variables.",
    fields: {
      name: "string The ConfigMap's name.",
      optional: "boolean If true, a missing ConfigMap is not an error.",
    },
  },
  SecretEnvSource: {
    desc: "A Secret whose keys become environment variables.",
    fields: {
      name: "string The Secret's name.",
      optional: "boolean If true, a missing Secret is not an error.",
    },
  },
  ResourceRequirements: {
    desc: "Compute resources: requests are reserved for scheduling, limits are enforced while running.",
    fields: {
      limits: "map[string]Quantity The most the container may use. Over the memory limit it is killed.",
      requests: "map[string]Quantity What the scheduler reserves on a node for the container.",
    },
  },
  Probe: {
    desc: "A health check the kubelet runs against a container. Use one of exec, httpGet or tcpSocket.",
    fields: {
      exec: "ExecAction Run a command in the container; exit code 0 means healthy.",
      failureThreshold: "integer Failures in a row before the probe counts as failed. Default 3.",
      httpGet: "HTTPGetAction Send an HTTP GET; a status from 200 to 399 means healthy.",
      initialDelaySeconds: "integer Seconds to wait after the container starts before the first check.",
      periodSeconds: "integer Seconds between checks. Default 10.",
      successThreshold: "integer Successes in a row needed after a failure. Default 1.",
      tcpSocket: "TCPSocketAction Open a TCP connection; connecting means healthy.",
      terminationGracePeriodSeconds: "integer Grace period when a failed probe stops the container.",
      timeoutSeconds: "integer Seconds before one check gives up. Default 1.",
    },
  },
  ExecAction: {
    desc: "A command to run inside the container.",
    fields: { command: "[]string The command and its arguments. Not run in a shell unless you call one." },
  },
  HTTPGetAction: {
    desc: "An HTTP GET request the kubelet sends to the container.",
    fields: {
      host: "string The host to connect to. Defaults to the pod's IP.",
      httpHeaders: "[]HTTPHeader Extra headers to send.",
      path: "string The path to request, e.g. /healthz.",
      port: "IntOrString! The port, by number or by the name of a container port.",
      scheme: "string{HTTP,HTTPS} HTTP or HTTPS. Defaults to HTTP.",
    },
  },
  HTTPHeader: {
    desc: "One HTTP header.",
    fields: { name: "string! The header name.", value: "string! The header value." },
  },
  TCPSocketAction: {
    desc: "A TCP connection the kubelet opens to the container.",
    fields: {
      host: "string The host to connect to. Defaults to the pod's IP.",
      port: "IntOrString! The port, by number or by name.",
    },
  },
  SecurityContext: {
    desc: "Security settings for one container.",
    fields: {
      allowPrivilegeEscalation: "boolean Whether a process may gain more privileges than its parent.",
      privileged: "boolean Runs with nearly all the node's privileges. Avoid.",
      readOnlyRootFilesystem: "boolean Makes the container's own file system read-only.",
      runAsNonRoot: "boolean If true, the kubelet refuses to start the container as root.",
      runAsUser: "integer The user ID the process runs as.",
    },
  },
  VolumeMount: {
    desc: "Mounts one of the pod's volumes into the container.",
    fields: {
      mountPath: "string! Where the volume appears in the container. Must not contain ':'.",
      name: "string! The name of the pod volume to mount.",
      readOnly: "boolean Mount read-only. Defaults to false.",
      subPath: "string Mount only this path inside the volume instead of its root.",
    },
  },
  Volume: {
    desc: "A named piece of storage the pod's containers can mount. Set name and one source.",
    fields: {
      configMap: "ConfigMapVolumeSource Files made from the keys of a ConfigMap.",
      emptyDir: "EmptyDirVolumeSource An empty directory that lives as long as the pod.",
      hostPath: "HostPathVolumeSource A directory of the node. Risky; mostly for system pods.",
      name: "string! The volume's name, which volumeMounts refer to.",
      persistentVolumeClaim:
        "PersistentVolumeClaimVolumeSource Storage claimed with a PersistentVolumeClaim.",
      secret: "SecretVolumeSource Files made from the keys of a Secret.",
    },
  },
  ConfigMapVolumeSource: {
    desc: "Projects a ConfigMap's keys as files.",
    fields: {
      defaultMode: "integer File permission bits, e.g. 0644 (420 in decimal).",
      items: "[]KeyToPath Only these keys, at these paths. Default: every key, named after it.",
      name: "string The ConfigMap's name.",
      optional: "boolean If true, a missing ConfigMap is not an error.",
    },
  },
  SecretVolumeSource: {
    desc: "Projects a Secret's keys as files.",
    fields: {
      defaultMode: "integer File permission bits, e.g. 0400 (256 in decimal).",
      items: "[]KeyToPath Only these keys, at these paths.",
      optional: "boolean If true, a missing Secret is not an error.",
      secretName: "string The Secret's name.",
    },
  },
  KeyToPath: {
    desc: "Maps one key to a file path in the volume.",
    fields: {
      key: "string! The key to project.",
      mode: "integer File permission bits for this file.",
      path: "string! The relative file path to write the value to.",
    },
  },
  EmptyDirVolumeSource: {
    desc: "A scratch directory, created empty when the pod starts and removed with it.",
    fields: {
      medium: "string Where to store it: empty for the node's disk, Memory for RAM.",
      sizeLimit: "Quantity The most data the directory may hold.",
    },
  },
  PersistentVolumeClaimVolumeSource: {
    desc: "Mounts the volume bound to a PersistentVolumeClaim in the same namespace.",
    fields: {
      claimName: "string! The name of the PersistentVolumeClaim.",
      readOnly: "boolean Mount read-only.",
    },
  },
  HostPathVolumeSource: {
    desc: "A file or directory of the node the pod runs on.",
    fields: { path: "string! The path on the node.", type: "string What must exist there, e.g. Directory." },
  },
  ContainerStatus: {
    desc: "What the kubelet reports about one container.",
    fields: {
      containerID: "string The runtime's ID for the container, e.g. containerd://....",
      image: "string! The image the container runs.",
      imageID: "string! The exact image digest that was pulled.",
      lastState: "ContainerState How the previous run ended, if it restarted.",
      name: "string! The container's name.",
      ready: "boolean! Whether the container passes its readiness probe.",
      restartCount: "integer! How many times the container has restarted.",
      started: "boolean Whether the container has started and passed its startup probe.",
      state: "ContainerState What the container is doing now.",
    },
  },
  ContainerState: {
    desc: "One of: waiting, running or terminated.",
    fields: {
      running: "ContainerStateRunning Set while the container runs.",
      terminated: "ContainerStateTerminated Set when the container has stopped.",
      waiting: "ContainerStateWaiting Set while it waits, e.g. for an image pull or a back-off.",
    },
  },
  ContainerStateRunning: {
    desc: "A running container.",
    fields: { startedAt: "Time When it started." },
  },
  ContainerStateTerminated: {
    desc: "A container that has stopped.",
    fields: {
      containerID: "string The runtime's ID for the container.",
      exitCode: "integer! The exit code; 0 means success, 137 means killed.",
      finishedAt: "Time When it stopped.",
      message: "string Details about the stop.",
      reason: "string Why it stopped, e.g. Completed, Error or OOMKilled.",
      signal: "integer The signal that stopped it, if any.",
      startedAt: "Time When it started.",
    },
  },
  ContainerStateWaiting: {
    desc: "A container that is not running yet.",
    fields: {
      message: "string Details, e.g. the image pull error.",
      reason: "string Why it waits, e.g. ContainerCreating, ImagePullBackOff or CrashLoopBackOff.",
    },
  },
};
