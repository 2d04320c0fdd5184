// The JSON az prints for subscriptions, resource groups, managed clusters and agent pools (az 2.6x shapes).

import { REGION } from "../api/nodes.ts";
import { fnv32a, Rng } from "../util/rng.ts";
import type { TableRow } from "./output.ts";
import { type AksRecord, type AzureState, nodeResourceGroup, type PoolRecord } from "./state.ts";

/** The simulated subscription: the same all-zero id the bootstrap nodes' providerID carries. */
export const SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const SUBSCRIPTION_NAME = "Bosun Learning";
export const TENANT_ID = "b05c0de5-7e4a-4c1e-9a11-0000b05c0001";
export const TENANT_DOMAIN = "bosunlearning.onmicrosoft.com";
export const USER_NAME = `learner@${TENANT_DOMAIN}`;
/** Where `az aks get-credentials` merges contexts. */
export const KUBECONFIG_PATH = "/home/learner/.kube/config";

/** Patch versions AKS offers per minor (the default is the newest). */
export const K8S_VERSIONS: Readonly<Record<string, string>> = {
  "1.30": "1.30.12",
  "1.31": "1.31.8",
  "1.32": "1.32.4",
};
export const DEFAULT_K8S_VERSION = "1.32.4";
/** The public half of the key --generate-ssh-keys made (a stand-in, as every credential here is). */
const SSH_PUBLIC_KEY =
  "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDBosunSimulatedLearnerKeyNotARealKey0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 learner@bosun";
const NODE_IMAGE = "AKSUbuntu-2204gen2containerd-202505.14.0";

/** az login's list entry (account show prints the same with environmentName instead of cloudName). */
export function subscriptionJson(cloudKey: "cloudName" | "environmentName"): Record<string, unknown> {
  return {
    [cloudKey]: "AzureCloud",
    homeTenantId: TENANT_ID,
    id: SUBSCRIPTION_ID,
    isDefault: true,
    managedByTenants: [],
    name: SUBSCRIPTION_NAME,
    state: "Enabled",
    tenantDefaultDomain: TENANT_DOMAIN,
    tenantDisplayName: SUBSCRIPTION_NAME,
    tenantId: TENANT_ID,
    user: { name: USER_NAME, type: "user" },
  };
}

/** A resource group as ARM returns it; node resource groups say which cluster manages them. */
export function groupJson(name: string, location: string, managedBy: string | null = null) {
  return {
    id: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/${name}`,
    location,
    managedBy,
    name,
    properties: { provisioningState: "Succeeded" },
    tags: managedBy ? { "aks-managed-cluster-name": managedBy.split("/").pop() ?? "" } : null,
    type: "Microsoft.Resources/resourceGroups",
  };
}

/** Every group the subscription lists: the learner's plus each cluster's node resource group. */
export function allGroups(az: AzureState) {
  const own = az.groups.map((g) => groupJson(g.name, g.location));
  const managed = az.clusters.map((r) => groupJson(nodeResourceGroup(r), r.location, clusterId(r)));
  return [...own, ...managed];
}

/** `az group list -o table`. */
export const groupTable = (result: unknown): TableRow[] =>
  (result as ReturnType<typeof groupJson>[]).map((g) => ({
    Name: g.name,
    Location: g.location,
    Status: g.properties.provisioningState,
  }));

/** azure-cli's default DNS prefix: name[:10]-group[:16]-subscription[:6], letters, digits and '-' only. */
export function dnsPrefix(r: Pick<AksRecord, "name" | "group">): string {
  let name = r.name.replace(/[^A-Za-z0-9-]/g, "").slice(0, 10);
  if (!/^[A-Za-z]/.test(name)) name = `a${name}`.slice(0, 10);
  return `${name}-${r.group.replace(/[^A-Za-z0-9-]/g, "").slice(0, 16)}-${SUBSCRIPTION_ID.slice(0, 6)}`;
}

/** Eight characters AKS appends to the DNS prefix (the same hash `kubectl cluster-info` shows). */
function fqdnHash(r: Pick<AksRecord, "name" | "clusterId">): string {
  const h = `${fnv32a(`${r.clusterId}/${r.name}`).toString(36)}${fnv32a(`${r.name}/${r.clusterId}`).toString(36)}`;
  return h.padEnd(8, "0").slice(0, 8);
}

/** The API server's name, e.g. `bosun-aks-bosun-rg-000000-k3v9x2qa.hcp.eastus.azmk8s.io`. */
export function fqdn(r: Pick<AksRecord, "name" | "group" | "clusterId" | "location">): string {
  return `${dnsPrefix(r)}-${fqdnHash(r)}.hcp.${r.location || REGION}.azmk8s.io`;
}

export function clusterId(r: Pick<AksRecord, "name" | "group">): string {
  return `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${r.group}/providers/Microsoft.ContainerService/managedClusters/${r.name}`;
}

const uuidOf = (seed: string) => new Rng(fnv32a(seed)).uuid();

/** The provisioning state now (an operation in flight shows its own state until it ends). */
export function provisioning(r: AksRecord, now: number): string {
  return r.op && now < r.op.until ? r.op.state : "Succeeded";
}

/** An agent pool's properties, as they appear in agentPoolProfiles and in `az aks nodepool show`. */
function poolProperties(r: AksRecord, p: PoolRecord, now: number) {
  return {
    availabilityZones: null,
    count: p.members.length,
    currentOrchestratorVersion: r.version,
    enableAutoScaling: false,
    enableEncryptionAtHost: false,
    enableFips: false,
    enableNodePublicIp: false,
    enableUltraSsd: false,
    kubeletDiskType: "OS",
    maxCount: null,
    maxPods: 110,
    minCount: null,
    mode: p.mode,
    nodeImageVersion: NODE_IMAGE,
    nodeLabels: null,
    nodeTaints: null,
    orchestratorVersion: r.version,
    osDiskSizeGb: 128,
    osDiskType: "Managed",
    osSku: "Ubuntu",
    osType: "Linux",
    powerState: { code: r.power },
    provisioningState: provisioning(r, now),
    scaleSetEvictionPolicy: null,
    scaleSetPriority: null,
    spotMaxPrice: null,
    tags: null,
    upgradeSettings: { drainTimeoutInMinutes: null, maxSurge: "10%", nodeSoakDurationInMinutes: null },
    vmSize: p.vmSize,
    vnetSubnetId: null,
    workloadRuntime: null,
  };
}

/** `az aks nodepool show/add/scale`: the AgentPool resource. */
export function agentPoolJson(r: AksRecord, p: PoolRecord, now: number) {
  return {
    ...poolProperties(r, p, now),
    id: `${clusterId(r)}/agentPools/${p.name}`,
    name: p.name,
    resourceGroup: r.group,
    type: "Microsoft.ContainerService/managedClusters/agentPools",
  };
}

/** `az aks show/create/scale`: the ManagedCluster resource (abridged: every field real az prints, fewer nulls). */
export function managedClusterJson(r: AksRecord, now: number) {
  const mc = nodeResourceGroup(r);
  const mcId = `/subscriptions/${SUBSCRIPTION_ID}/resourcegroups/${mc}`;
  const name = fqdn(r);
  return {
    aadProfile: null,
    addonProfiles: r.addons.includes("monitoring")
      ? {
          omsagent: {
            config: {
              logAnalyticsWorkspaceResourceID: `/subscriptions/${SUBSCRIPTION_ID}/resourceGroups/DefaultResourceGroup-EUS/providers/Microsoft.OperationalInsights/workspaces/DefaultWorkspace-${SUBSCRIPTION_ID}-EUS`,
              useAADAuth: "true",
            },
            enabled: true,
            identity: null,
          },
        }
      : null,
    agentPoolProfiles: r.pools.map((p) => ({
      ...poolProperties(r, p, now),
      name: p.name,
      type: "VirtualMachineScaleSets",
    })),
    apiServerAccessProfile: null,
    autoScalerProfile: null,
    autoUpgradeProfile: { nodeOsUpgradeChannel: "NodeImage", upgradeChannel: null },
    azureMonitorProfile: null,
    azurePortalFqdn: name.replace(".hcp.", ".portal.hcp."),
    currentKubernetesVersion: r.version,
    disableLocalAccounts: false,
    diskEncryptionSetId: null,
    dnsPrefix: dnsPrefix(r),
    enableRbac: true,
    extendedLocation: null,
    fqdn: name,
    fqdnSubdomain: null,
    httpProxyConfig: null,
    id: clusterId(r),
    identity: {
      principalId: uuidOf(`${r.clusterId}/principal`),
      tenantId: TENANT_ID,
      type: "SystemAssigned",
      userAssignedIdentities: null,
    },
    identityProfile: {
      kubeletidentity: {
        clientId: uuidOf(`${r.clusterId}/kubelet-client`),
        objectId: uuidOf(`${r.clusterId}/kubelet-object`),
        resourceId: `${mcId}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${r.name}-agentpool`,
      },
    },
    kubernetesVersion: r.version,
    linuxProfile: r.ssh
      ? { adminUsername: "azureuser", ssh: { publicKeys: [{ keyData: SSH_PUBLIC_KEY }] } }
      : null,
    location: r.location,
    maxAgentPools: 100,
    name: r.name,
    networkProfile: {
      dnsServiceIp: "10.0.0.10",
      ipFamilies: ["IPv4"],
      loadBalancerProfile: {
        backendPoolType: "nodeIPConfiguration",
        effectiveOutboundIPs: [
          {
            id: `${mcId}/providers/Microsoft.Network/publicIPAddresses/${uuidOf(`${r.clusterId}/outbound-ip`)}`,
            resourceGroup: mc,
          },
        ],
        managedOutboundIPs: { count: 1, countIpv6: null },
      },
      loadBalancerSku: "standard",
      networkPlugin: "kubenet",
      networkPolicy: "none",
      outboundType: "loadBalancer",
      podCidr: "10.244.0.0/16",
      podCidrs: ["10.244.0.0/16"],
      serviceCidr: "10.0.0.0/16",
      serviceCidrs: ["10.0.0.0/16"],
    },
    nodeResourceGroup: mc,
    oidcIssuerProfile: { enabled: false, issuerUrl: null },
    podIdentityProfile: null,
    powerState: { code: r.power },
    privateFqdn: null,
    privateLinkResources: null,
    provisioningState: provisioning(r, now),
    publicNetworkAccess: null,
    resourceGroup: r.group,
    resourceUid: ["uid", "uid2", "uid3"]
      .map((k) => fnv32a(`${r.clusterId}/${k}`).toString(16).padStart(8, "0"))
      .join(""),
    servicePrincipalProfile: { clientId: "msi" },
    sku: { name: "Base", tier: r.tier },
    storageProfile: {
      blobCsiDriver: null,
      diskCsiDriver: { enabled: true },
      fileCsiDriver: { enabled: true },
      snapshotController: { enabled: true },
    },
    supportPlan: "KubernetesOfficial",
    systemData: null,
    tags: null,
    type: "Microsoft.ContainerService/ManagedClusters",
    upgradeSettings: null,
    windowsProfile: null,
    workloadAutoScalerProfile: { keda: null, verticalPodAutoscaler: null },
  };
}

/** azure-cli's aks table transformer (show and list). */
export const aksTable = (result: unknown): TableRow[] =>
  (Array.isArray(result) ? result : [result]).map((c: Record<string, unknown>) => ({
    name: c.name,
    location: c.location,
    resourceGroup: c.resourceGroup,
    kubernetesVersion: c.kubernetesVersion,
    currentKubernetesVersion: c.currentKubernetesVersion,
    provisioningState: c.provisioningState,
    fqdn: c.fqdn ?? c.privateFqdn,
  }));

/** azure-cli's agent pool table transformer: it asks for osDiskSizeGB, which az's JSON spells osDiskSizeGb. */
export const poolTable = (result: unknown): TableRow[] =>
  (Array.isArray(result) ? result : [result]).map((p: Record<string, unknown>) => ({
    name: p.name,
    osType: p.osType,
    kubernetesVersion: p.orchestratorVersion,
    vmSize: p.vmSize,
    osDiskSizeGB: p.osDiskSizeGB ?? null,
    count: p.count,
    maxPods: p.maxPods,
    provisioningState: p.provisioningState,
    mode: p.mode,
  }));
