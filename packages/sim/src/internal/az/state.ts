// The simulated Azure subscription of one session: resource groups, AKS clusters, node pools (issue 3, AKS).

/** Stored inside ClusterState.azure; plain JSON. */
export interface AzureState {
  loggedIn: boolean;
  [key: string]: unknown;
}
