// kubectl explain's schema data, part 4: networking, configuration, storage, namespaces and quotas.

import { kind, type TypeDef } from "./explain-data.ts";

/** Service and Ingress. */
export const NETWORK_TYPES: Record<string, TypeDef> = {
  Service: kind(
    "A Service gives a set of pods one stable name and address and spreads traffic over the ready ones.",
    {
      spec: "ServiceSpec Which pods to send traffic to, on which ports, and how to expose them.",
      status: "ServiceStatus The load balancer's address, if any. Read-only.",
    },
  ),
  ServiceSpec: {
    desc: "How a Service finds its pods and exposes them.",
    fields: {
      clusterIP: "string The virtual IP inside the cluster. Assigned for you; None makes a headless Service.",
      clusterIPs: "[]string The cluster IPs, one per IP family.",
      externalName: "string For type ExternalName: the DNS name the Service is an alias for.",
      externalTrafficPolicy: "string{Cluster,Local} Local keeps outside traffic on the node it arrived at.",
      internalTrafficPolicy: "string{Cluster,Local} Local keeps in-cluster traffic on the caller's node.",
      loadBalancerIP: "string A requested address for the load balancer. Deprecated.",
      ports: "[]ServicePort The ports the Service listens on and where each goes.",
      selector: "map[string]string Labels of the pods that receive the traffic.",
      sessionAffinity: "string{ClientIP,None} ClientIP sends a client's requests to the same pod.",
      type: "string{ClusterIP,ExternalName,LoadBalancer,NodePort} How the Service is exposed.",
    },
  },
  ServicePort: {
    desc: "One port of a Service.",
    fields: {
      appProtocol: "string The application protocol, e.g. http, as a hint for proxies.",
      name: "string A name for the port. Required when there is more than one.",
      nodePort: "integer For NodePort and LoadBalancer: the port on every node, 30000 to 32767.",
      port: "integer! The port the Service listens on.",
      protocol: "string{SCTP,TCP,UDP} The protocol. Defaults to TCP.",
      targetPort: "IntOrString The pods' port, by number or container port name. Defaults to port.",
    },
  },
  ServiceStatus: {
    desc: "The observed state of a Service.",
    fields: { loadBalancer: "LoadBalancerStatus The external address of a LoadBalancer Service." },
  },
  LoadBalancerStatus: {
    desc: "The addresses of a load balancer.",
    fields: { ingress: "[]LoadBalancerIngress One entry per address." },
  },
  LoadBalancerIngress: {
    desc: "One address of a load balancer.",
    fields: { hostname: "string A DNS name, for providers that give one.", ip: "string An IP address." },
  },
  Ingress: kind("An Ingress routes outside HTTP and HTTPS requests to Services by host name and path.", {
    spec: "IngressSpec The routing rules and TLS settings.",
    status: "IngressStatus The address the Ingress is reachable at. Read-only.",
  }),
  IngressSpec: {
    desc: "How an Ingress routes requests.",
    fields: {
      defaultBackend: "IngressBackend Where requests go that match no rule.",
      ingressClassName: "string The IngressClass, i.e. which ingress controller serves it.",
      rules: "[]IngressRule Host and path rules, checked in order.",
      tls: "[]IngressTLS Host names to serve over HTTPS, with their certificate Secrets.",
    },
  },
  IngressRule: {
    desc: "Routes for one host, or for every host when host is empty.",
    fields: {
      host: "string The host name, e.g. shop.example.com. A leading *. matches one label.",
      http: "HTTPIngressRuleValue The paths for this host.",
    },
  },
  HTTPIngressRuleValue: {
    desc: "A list of paths and where each goes.",
    fields: { paths: "[]HTTPIngressPath! The paths." },
  },
  HTTPIngressPath: {
    desc: "One path and the backend it goes to.",
    fields: {
      backend: "IngressBackend! The Service that receives the requests.",
      path: "string The path, starting with /.",
      pathType: "string{Exact,ImplementationSpecific,Prefix} How the path is matched.",
    },
  },
  IngressBackend: {
    desc: "Where matching requests go.",
    fields: { service: "IngressServiceBackend A Service and port." },
  },
  IngressServiceBackend: {
    desc: "A Service and one of its ports.",
    fields: { name: "string! The Service's name.", port: "ServiceBackendPort The port, by name or number." },
  },
  ServiceBackendPort: {
    desc: "A Service port. Set name or number.",
    fields: { name: "string The port's name.", number: "integer The port's number." },
  },
  IngressTLS: {
    desc: "HTTPS settings for some hosts.",
    fields: {
      hosts: "[]string The host names the certificate covers.",
      secretName: "string The Secret holding the certificate and key.",
    },
  },
  IngressStatus: {
    desc: "The observed state of an Ingress.",
    fields: { loadBalancer: "LoadBalancerStatus The address the ingress controller serves it on." },
  },
};

/** ConfigMap, Secret, Namespace, PersistentVolumeClaim, ResourceQuota and LimitRange. */
export const CONFIG_TYPES: Record<string, TypeDef> = {
  ConfigMap: kind(
    "A ConfigMap holds configuration as key/value pairs that pods read as variables or files.",
    {
      binaryData: "map[string]string Binary values, base64-encoded.",
      data: "map[string]string Text values. Keys may be file names.",
      immutable: "boolean If true, the data can no longer change; delete and recreate instead.",
    },
  ),
  Secret: kind(
    "A Secret holds sensitive values such as passwords and keys. Values are base64-encoded, not encrypted.",
    {
      data: "map[string]string The values, base64-encoded.",
      immutable: "boolean If true, the data can no longer change.",
      stringData: "map[string]string Plain-text values, encoded into data for you. Write-only.",
      type: "string What the Secret holds, e.g. Opaque or kubernetes.io/tls.",
    },
  ),
  Namespace: kind("A namespace groups objects and their names; most objects live in exactly one.", {
    spec: "NamespaceSpec The namespace's finalizers.",
    status: "NamespaceStatus Whether the namespace is active or being deleted. Read-only.",
  }),
  NamespaceSpec: {
    desc: "The desired state of a namespace.",
    fields: { finalizers: "[]string Tasks that must finish before the namespace is removed." },
  },
  NamespaceStatus: {
    desc: "The observed state of a namespace.",
    fields: { phase: "string{Active,Terminating} Active, or Terminating while its objects are deleted." },
  },
  PersistentVolumeClaim: kind(
    "A PersistentVolumeClaim asks for storage; Kubernetes binds it to a volume that pods can mount.",
    {
      spec: "PersistentVolumeClaimSpec How much storage, of which class and access mode.",
      status: "PersistentVolumeClaimStatus Whether the claim is bound, and its capacity. Read-only.",
    },
  ),
  PersistentVolumeClaimSpec: {
    desc: "The storage a claim asks for.",
    fields: {
      accessModes: "[]string ReadWriteOnce, ReadOnlyMany, ReadWriteMany or ReadWriteOncePod.",
      resources: "VolumeResourceRequirements The size, e.g. requests: storage: 10Gi.",
      selector: "LabelSelector Only bind to volumes with these labels.",
      storageClassName: "string The StorageClass that provisions the volume, e.g. managed-csi on AKS.",
      volumeMode: "string{Block,Filesystem} A file system or a raw block device.",
      volumeName: "string Bind to this PersistentVolume.",
    },
  },
  VolumeResourceRequirements: {
    desc: "How much storage a claim needs.",
    fields: {
      limits: "map[string]Quantity The most storage allowed.",
      requests: "map[string]Quantity The storage asked for, e.g. storage: 10Gi.",
    },
  },
  PersistentVolumeClaimStatus: {
    desc: "The observed state of a claim.",
    fields: {
      accessModes: "[]string The access modes of the bound volume.",
      capacity: "map[string]Quantity The size of the bound volume.",
      phase: "string{Bound,Lost,Pending} Pending until a volume is bound.",
    },
  },
  ResourceQuota: kind("A ResourceQuota caps the total resources and object counts of one namespace.", {
    spec: "ResourceQuotaSpec The limits.",
    status: "ResourceQuotaStatus The limits and what is used. Read-only.",
  }),
  ResourceQuotaSpec: {
    desc: "The limits of a quota.",
    fields: {
      hard: "map[string]Quantity Limits per resource, e.g. requests.cpu: 4 or pods: 20.",
      scopes: "[]string Only count objects in these scopes, e.g. BestEffort.",
    },
  },
  ResourceQuotaStatus: {
    desc: "The observed state of a quota.",
    fields: {
      hard: "map[string]Quantity The limits in force.",
      used: "map[string]Quantity What the namespace uses now.",
    },
  },
  LimitRange: kind(
    "A LimitRange sets default, smallest and largest resources for containers in a namespace.",
    {
      spec: "LimitRangeSpec The limits.",
    },
  ),
  LimitRangeSpec: {
    desc: "The limits of a LimitRange.",
    fields: { limits: "[]LimitRangeItem! One entry per kind of object." },
  },
  LimitRangeItem: {
    desc: "Limits for one kind of object.",
    fields: {
      default: "map[string]Quantity Limits given to containers that set none.",
      defaultRequest: "map[string]Quantity Requests given to containers that set none.",
      max: "map[string]Quantity The most allowed.",
      maxLimitRequestRatio: "map[string]Quantity The largest allowed limit-to-request ratio.",
      min: "map[string]Quantity The least allowed.",
      type: "string! Container, Pod or PersistentVolumeClaim.",
    },
  },
};
