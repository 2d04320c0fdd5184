// az login, az account and az group: the simulated "Bosun Learning" subscription and its resource groups.

import { deleteCluster } from "./aks-lifecycle.ts";
import type { AzCommand } from "./command.ts";
import { AzError, armError, groupNotFound, NO_TTY_CONFIRM } from "./errors.ts";
import { allGroups, groupJson, groupTable, SUBSCRIPTION_ID, subscriptionJson } from "./model.ts";
import { ARG, flag, opt, str } from "./parse.ts";
import { findGroup, nodeResourceGroup } from "./state.ts";

/** Azure regions the simulated subscription offers (`az account list-locations` names). */
export const LOCATIONS = [
  "australiaeast",
  "brazilsouth",
  "canadacentral",
  "centralindia",
  "centralus",
  "eastasia",
  "eastus",
  "eastus2",
  "francecentral",
  "germanywestcentral",
  "japaneast",
  "koreacentral",
  "northeurope",
  "norwayeast",
  "southafricanorth",
  "southcentralus",
  "southeastasia",
  "swedencentral",
  "switzerlandnorth",
  "uaenorth",
  "uksouth",
  "westeurope",
  "westus",
  "westus2",
  "westus3",
];

/** ARM normalises "East US" to "eastus"; an unknown region is refused as ARM refuses it. */
export function normaliseLocation(raw: string, forWhat: "resource group" | "cluster"): string {
  const loc = raw.replace(/\s+/g, "").toLowerCase();
  if (LOCATIONS.includes(loc)) return loc;
  if (forWhat === "resource group")
    throw armError(
      "LocationNotAvailableForResourceGroup",
      `The provided location '${raw}' is not available for resource group. List of available regions is '${LOCATIONS.join(",")}'.`,
    );
  throw armError(
    "NoRegisteredProviderFound",
    `No registered resource provider found for location '${raw}' and API version '2025-02-01' for type 'managedClusters'.`,
  );
}

const GROUP_NAME = {
  dest: "group",
  options: ["--name", "--resource-group", "-n", "-g"],
  kind: "string",
  required: true,
} as const;

/** The account and resource group commands. */
export const ACCOUNT_COMMANDS: AzCommand[] = [
  {
    path: "login",
    summary: "Log in to Azure.",
    args: [
      { dest: "use_device_code", options: ["--use-device-code"], kind: "flag" },
      { dest: "tenant", options: ["--tenant", "-t"], kind: "string" },
    ],
    anonymous: true,
    run(ctx) {
      ctx.az.loggedIn = true;
      return [subscriptionJson("cloudName")];
    },
  },
  {
    path: "logout",
    summary: "Log out to remove access to Azure subscriptions.",
    args: [],
    run(ctx) {
      ctx.az.loggedIn = false;
      return undefined;
    },
  },
  {
    path: "account show",
    summary: "Get the details of a subscription.",
    args: [{ dest: "name", options: ["--name", "--subscription", "-n", "-s"], kind: "string" }],
    run(ctx) {
      const wanted = opt(ctx.values, "name");
      const sub = subscriptionJson("environmentName");
      if (wanted && ![SUBSCRIPTION_ID, String(sub.name).toLowerCase()].includes(wanted.toLowerCase()))
        throw new AzError(`Subscription '${wanted}' not found. Check the spelling and casing and try again.`);
      return sub;
    },
  },
  {
    path: "account list",
    summary: "Get a list of subscriptions for the logged in account.",
    args: [{ dest: "all", options: ["--all"], kind: "flag" }],
    run: () => [subscriptionJson("cloudName")],
    table: (r) =>
      (r as Record<string, unknown>[]).map((s) => ({
        Name: s.name,
        CloudName: s.cloudName,
        SubscriptionId: s.id,
        TenantId: s.tenantId,
        State: s.state,
        IsDefault: s.isDefault,
      })),
  },
  {
    path: "group create",
    summary: "Create a new resource group.",
    args: [GROUP_NAME, { dest: "location", options: ["--location", "-l"], kind: "string", required: true }],
    run(ctx) {
      const name = str(ctx.values, "group");
      const location = normaliseLocation(str(ctx.values, "location"), "resource group");
      const existing = findGroup(ctx.az, name);
      if (existing && existing.location !== location)
        throw armError(
          "InvalidResourceGroupLocation",
          `Invalid resource group location '${location}'. The Resource group already exists in location '${existing.location}'.`,
        );
      if (!existing) ctx.az.groups.push({ name, location });
      const g = existing ?? { name, location };
      return groupJson(g.name, g.location);
    },
  },
  {
    path: "group list",
    summary: "List resource groups.",
    args: [{ dest: "tag", options: ["--tag"], kind: "string" }],
    run: (ctx) => allGroups(ctx.az),
    table: groupTable,
  },
  {
    path: "group show",
    summary: "Gets a resource group.",
    args: [GROUP_NAME],
    run(ctx) {
      const name = str(ctx.values, "group");
      const found = allGroups(ctx.az).find((g) => g.name.toLowerCase() === name.toLowerCase());
      if (!found) throw groupNotFound(name);
      return found;
    },
  },
  {
    path: "group exists",
    summary: "Check if a resource group exists.",
    args: [GROUP_NAME],
    run(ctx) {
      const name = str(ctx.values, "group").toLowerCase();
      return allGroups(ctx.az).some((g) => g.name.toLowerCase() === name);
    },
  },
  {
    path: "group delete",
    summary: "Delete a resource group.",
    args: [GROUP_NAME, ARG.yes, ARG.noWait],
    run(ctx) {
      const name = str(ctx.values, "group");
      const group = findGroup(ctx.az, name);
      const managedBy = ctx.az.clusters.find(
        (r) => nodeResourceGroup(r).toLowerCase() === name.toLowerCase(),
      );
      if (!group && !managedBy) throw groupNotFound(name);
      if (!flag(ctx.values, "yes")) throw new AzError(NO_TTY_CONFIRM);
      if (managedBy)
        throw armError(
          "DenyAssignmentAuthorizationFailed",
          `The client '${"learner@bosunlearning.onmicrosoft.com"}' cannot delete resource group '${name}': it is managed by AKS cluster '${managedBy.name}'. Delete the cluster instead.`,
        );
      for (const r of ctx.az.clusters.filter((c) => c.group.toLowerCase() === name.toLowerCase()))
        deleteCluster(ctx, r);
      ctx.az.groups = ctx.az.groups.filter((g) => g !== group);
      if (!flag(ctx.values, "no_wait")) ctx.cluster.advance(60_000);
      return undefined;
    },
  },
];
