// Known fields of core/v1 PodSpec, Container and everything a container carries (Kubernetes 1.32).
import { arr, B, type Fields, I32, I64, IOS, obj, Q, RLIST, S, SARR, SMAP, str } from "./dsl.ts";
import {
  AFFINITY,
  LOCAL_OBJECT_REFERENCE,
  OBJECT_META,
  TOLERATION,
  TOPOLOGY_SPREAD_CONSTRAINT,
} from "./schema-meta.ts";
import { VOLUME } from "./schema-volumes.ts";

const EXEC = obj("v1.ExecAction", { command: SARR });
const HTTP_GET = obj("v1.HTTPGetAction", {
  path: S,
  port: IOS,
  host: S,
  scheme: str("v1.URIScheme"),
  httpHeaders: arr(obj("v1.HTTPHeader", { name: S, value: S })),
});
const TCP_SOCKET = obj("v1.TCPSocketAction", { port: IOS, host: S });
const GRPC = obj("v1.GRPCAction", { port: I32, service: S });

export const PROBE = obj("v1.Probe", {
  exec: EXEC,
  httpGet: HTTP_GET,
  tcpSocket: TCP_SOCKET,
  grpc: GRPC,
  initialDelaySeconds: I32,
  timeoutSeconds: I32,
  periodSeconds: I32,
  successThreshold: I32,
  failureThreshold: I32,
  terminationGracePeriodSeconds: I64,
});

const LIFECYCLE_HANDLER = obj("v1.LifecycleHandler", {
  exec: EXEC,
  httpGet: HTTP_GET,
  tcpSocket: TCP_SOCKET,
  sleep: obj("v1.SleepAction", { seconds: I64 }),
});

const KEY_SELECTOR_FIELDS = { name: S, key: S, optional: B };

export const OBJECT_FIELD_SELECTOR = obj("v1.ObjectFieldSelector", { apiVersion: S, fieldPath: S });
export const RESOURCE_FIELD_SELECTOR = obj("v1.ResourceFieldSelector", {
  containerName: S,
  resource: S,
  divisor: Q,
});

const ENV_VAR = obj("v1.EnvVar", {
  name: S,
  value: S,
  valueFrom: obj("v1.EnvVarSource", {
    fieldRef: OBJECT_FIELD_SELECTOR,
    resourceFieldRef: RESOURCE_FIELD_SELECTOR,
    configMapKeyRef: obj("v1.ConfigMapKeySelector", KEY_SELECTOR_FIELDS),
    secretKeyRef: obj("v1.SecretKeySelector", KEY_SELECTOR_FIELDS),
  }),
});

const ENV_FROM = obj("v1.EnvFromSource", {
  prefix: S,
  configMapRef: obj("v1.ConfigMapEnvSource", { name: S, optional: B }),
  secretRef: obj("v1.SecretEnvSource", { name: S, optional: B }),
});

export const RESOURCE_REQUIREMENTS = obj("v1.ResourceRequirements", {
  limits: RLIST,
  requests: RLIST,
  claims: arr(obj("v1.ResourceClaim", { name: S, request: S })),
});

const SE_LINUX_OPTIONS = obj("v1.SELinuxOptions", { user: S, role: S, type: S, level: S });
const WINDOWS_OPTIONS = obj("v1.WindowsSecurityContextOptions", {
  gmsaCredentialSpecName: S,
  gmsaCredentialSpec: S,
  runAsUserName: S,
  hostProcess: B,
});
const SECCOMP_PROFILE = obj("v1.SeccompProfile", { type: str("v1.SeccompProfileType"), localhostProfile: S });
const APP_ARMOR_PROFILE = obj("v1.AppArmorProfile", {
  type: str("v1.AppArmorProfileType"),
  localhostProfile: S,
});

const SECURITY_CONTEXT = obj("v1.SecurityContext", {
  capabilities: obj("v1.Capabilities", { add: arr(str("v1.Capability")), drop: arr(str("v1.Capability")) }),
  privileged: B,
  seLinuxOptions: SE_LINUX_OPTIONS,
  windowsOptions: WINDOWS_OPTIONS,
  runAsUser: I64,
  runAsGroup: I64,
  runAsNonRoot: B,
  readOnlyRootFilesystem: B,
  allowPrivilegeEscalation: B,
  procMount: str("v1.ProcMountType"),
  seccompProfile: SECCOMP_PROFILE,
  appArmorProfile: APP_ARMOR_PROFILE,
});

const POD_SECURITY_CONTEXT = obj("v1.PodSecurityContext", {
  seLinuxOptions: SE_LINUX_OPTIONS,
  windowsOptions: WINDOWS_OPTIONS,
  runAsUser: I64,
  runAsGroup: I64,
  runAsNonRoot: B,
  supplementalGroups: arr(I64),
  supplementalGroupsPolicy: str("v1.SupplementalGroupsPolicy"),
  fsGroup: I64,
  sysctls: arr(obj("v1.Sysctl", { name: S, value: S })),
  fsGroupChangePolicy: str("v1.PodFSGroupChangePolicy"),
  seccompProfile: SECCOMP_PROFILE,
  appArmorProfile: APP_ARMOR_PROFILE,
  seLinuxChangePolicy: str("v1.PodSELinuxChangePolicy"),
});

const CONTAINER_FIELDS: Fields = {
  name: S,
  image: S,
  command: SARR,
  args: SARR,
  workingDir: S,
  ports: arr(
    obj("v1.ContainerPort", {
      name: S,
      hostPort: I32,
      containerPort: I32,
      protocol: str("v1.Protocol"),
      hostIP: S,
    }),
  ),
  envFrom: arr(ENV_FROM),
  env: arr(ENV_VAR),
  resources: RESOURCE_REQUIREMENTS,
  resizePolicy: arr(
    obj("v1.ContainerResizePolicy", {
      resourceName: str("v1.ResourceName"),
      restartPolicy: str("v1.ResourceResizeRestartPolicy"),
    }),
  ),
  restartPolicy: str("v1.ContainerRestartPolicy"),
  volumeMounts: arr(
    obj("v1.VolumeMount", {
      name: S,
      readOnly: B,
      recursiveReadOnly: str("v1.RecursiveReadOnlyMode"),
      mountPath: S,
      subPath: S,
      mountPropagation: str("v1.MountPropagationMode"),
      subPathExpr: S,
    }),
  ),
  volumeDevices: arr(obj("v1.VolumeDevice", { name: S, devicePath: S })),
  livenessProbe: PROBE,
  readinessProbe: PROBE,
  startupProbe: PROBE,
  lifecycle: obj("v1.Lifecycle", { postStart: LIFECYCLE_HANDLER, preStop: LIFECYCLE_HANDLER }),
  terminationMessagePath: S,
  terminationMessagePolicy: str("v1.TerminationMessagePolicy"),
  imagePullPolicy: str("v1.PullPolicy"),
  securityContext: SECURITY_CONTEXT,
  stdin: B,
  stdinOnce: B,
  tty: B,
};

export const CONTAINER = obj("v1.Container", CONTAINER_FIELDS);
const EPHEMERAL_CONTAINER = obj("v1.EphemeralContainer", { ...CONTAINER_FIELDS, targetContainerName: S });

export const POD_SPEC = obj("v1.PodSpec", {
  volumes: arr(VOLUME),
  initContainers: arr(CONTAINER),
  containers: arr(CONTAINER),
  ephemeralContainers: arr(EPHEMERAL_CONTAINER),
  restartPolicy: str("v1.RestartPolicy"),
  terminationGracePeriodSeconds: I64,
  activeDeadlineSeconds: I64,
  dnsPolicy: str("v1.DNSPolicy"),
  nodeSelector: SMAP,
  serviceAccountName: S,
  serviceAccount: S,
  automountServiceAccountToken: B,
  nodeName: S,
  hostNetwork: B,
  hostPID: B,
  hostIPC: B,
  shareProcessNamespace: B,
  securityContext: POD_SECURITY_CONTEXT,
  imagePullSecrets: arr(LOCAL_OBJECT_REFERENCE),
  hostname: S,
  subdomain: S,
  affinity: AFFINITY,
  schedulerName: S,
  tolerations: arr(TOLERATION),
  hostAliases: arr(obj("v1.HostAlias", { ip: S, hostnames: SARR })),
  priorityClassName: S,
  priority: I32,
  dnsConfig: obj("v1.PodDNSConfig", {
    nameservers: SARR,
    searches: SARR,
    options: arr(obj("v1.PodDNSConfigOption", { name: S, value: S })),
  }),
  readinessGates: arr(obj("v1.PodReadinessGate", { conditionType: str("v1.PodConditionType") })),
  runtimeClassName: S,
  enableServiceLinks: B,
  preemptionPolicy: str("v1.PreemptionPolicy"),
  overhead: RLIST,
  topologySpreadConstraints: arr(TOPOLOGY_SPREAD_CONSTRAINT),
  setHostnameAsFQDN: B,
  os: obj("v1.PodOS", { name: str("v1.OSName") }),
  hostUsers: B,
  schedulingGates: arr(obj("v1.PodSchedulingGate", { name: S })),
  resourceClaims: arr(
    obj("v1.PodResourceClaim", { name: S, resourceClaimName: S, resourceClaimTemplateName: S }),
  ),
  resources: RESOURCE_REQUIREMENTS,
});

export const POD_TEMPLATE_SPEC = obj("v1.PodTemplateSpec", { metadata: OBJECT_META, spec: POD_SPEC });
