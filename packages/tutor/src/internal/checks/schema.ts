// The outcome-check language: a YAML object with exactly one key, validated once when content loads.

import { z } from "zod";
import { KNOWN_KINDS, resourceOf } from "./match.ts";

/** An exact count, or a range: `3`, `{min: 2}`, `{min: 1, max: 5}`. */
export const countSchema = z.union([
  z.number().int().nonnegative(),
  z
    .object({
      min: z.number().int().nonnegative().optional(),
      max: z.number().int().nonnegative().optional(),
    })
    .strict(),
]);
export type Count = z.infer<typeof countSchema>;

const labelsSchema = z.record(z.string(), z.string());
const nameSchema = z.string().min(1);
/** A kind the checks know how to look up (case-insensitive): Pod, ConfigMap, PersistentVolumeClaim… */
const kindSchema = z.string().refine((k) => resourceOf(k) !== undefined, {
  message: `unknown kind; expected one of ${KNOWN_KINDS.join(", ")}`,
});

/**
 * What a field at a dotted path must hold: a scalar (compared as text), `{exists: bool}`, or a
 * numeric range. Paths use `.` between keys, `[0]` for an index and `[*]` for "any element":
 * `spec.template.spec.containers[*].livenessProbe`.
 */
export const fieldExpectSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.object({ exists: z.boolean() }).strict(),
  z.object({ min: z.number().optional(), max: z.number().optional() }).strict(),
]);
export type FieldExpect = z.infer<typeof fieldExpectSchema>;
const fieldsSchema = z.record(z.string().min(1), fieldExpectSchema);

/** A Deployment, found by name or by its pods' labels, with the state it must have reached. */
export const deploymentCheckSchema = z
  .object({
    name: nameSchema.optional(),
    namespace: nameSchema.optional(),
    labels: labelsSchema.optional(),
    replicas: countSchema.optional(),
    readyReplicas: countSchema.optional(),
    updatedReplicas: countSchema.optional(),
    availableReplicas: countSchema.optional(),
    image: nameSchema.optional(),
    fields: fieldsSchema.optional(),
  })
  .strict();

/** How many pods (by selector or name) are in a given state. `count` defaults to `{min: 1}`. */
export const podsCheckSchema = z
  .object({
    namespace: nameSchema.optional(),
    selector: labelsSchema.optional(),
    name: nameSchema.optional(),
    /** "none" for a bare Pod, or the kind of its controller (ReplicaSet, Job, …). */
    owner: nameSchema.optional(),
    count: countSchema.optional(),
    phase: z.enum(["Pending", "Running", "Succeeded", "Failed", "Unknown"]).optional(),
    ready: z.boolean().optional(),
    image: nameSchema.optional(),
    /** The STATUS column: a waiting reason (CrashLoopBackOff, ImagePullBackOff, …) or the phase. */
    status: nameSchema.optional(),
    restarts: countSchema.optional(),
    fields: fieldsSchema.optional(),
  })
  .strict();

export const serviceCheckSchema = z
  .object({
    name: nameSchema,
    namespace: nameSchema.optional(),
    type: z.enum(["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"]).optional(),
    port: z.number().int().positive().optional(),
    targetPort: z.union([z.number().int().positive(), z.string()]).optional(),
    selector: labelsSchema.optional(),
    /** Ready endpoint addresses behind the Service. */
    endpoints: countSchema.optional(),
    /** A LoadBalancer Service has (true) or has not yet (false) received an external IP. */
    externalIP: z.boolean().optional(),
    externalName: nameSchema.optional(),
  })
  .strict();

/** Any object by kind and name; `data` compares ConfigMap values, and Secret values once decoded. */
export const objectCheckSchema = z
  .object({
    kind: kindSchema,
    name: nameSchema,
    namespace: nameSchema.optional(),
    labels: labelsSchema.optional(),
    data: z.record(z.string(), z.string()).optional(),
    keys: z.array(z.string()).optional(),
    fields: fieldsSchema.optional(),
  })
  .strict();

export const refSchema = z
  .object({ kind: kindSchema, name: nameSchema, namespace: nameSchema.optional() })
  .strict();

export const rolloutCheckSchema = z
  .object({
    deployment: nameSchema,
    namespace: nameSchema.optional(),
    /** The deployment.kubernetes.io/revision annotation. */
    revision: countSchema.optional(),
    /** Every replica updated and available, and the controller has seen the latest spec. */
    complete: z.boolean().optional(),
    /** The pod template carries kubectl.kubernetes.io/restartedAt (kubectl rollout restart). */
    restarted: z.boolean().optional(),
    image: nameSchema.optional(),
  })
  .strict();

export const hpaCheckSchema = z
  .object({
    name: nameSchema.optional(),
    namespace: nameSchema.optional(),
    /** The name of the Deployment it scales. */
    target: nameSchema.optional(),
    minReplicas: countSchema.optional(),
    maxReplicas: countSchema.optional(),
    /** Target average utilisation, in percent. */
    cpu: z.number().int().positive().optional(),
    memory: z.number().int().positive().optional(),
    currentReplicas: countSchema.optional(),
  })
  .strict();

export const nodeCheckSchema = z
  .object({
    labels: labelsSchema.optional(),
    count: countSchema.optional(),
    ready: z.boolean().optional(),
    schedulable: z.boolean().optional(),
    instanceType: nameSchema.optional(),
  })
  .strict();

/** An event the cluster recorded, such as Scheduled, Pulled, Started or FailedScheduling. */
export const eventCheckSchema = z
  .object({
    reason: nameSchema,
    kind: nameSchema.optional(),
    /** The involved object's name starts with this. */
    name: nameSchema.optional(),
    namespace: nameSchema.optional(),
  })
  .strict();

export const contextCheckSchema = z
  .object({ current: nameSchema.optional(), namespace: nameSchema.optional() })
  .strict();

/** The learner's last command, for steps where typing it is the lesson (explain, cluster-info…). */
export const commandCheckSchema = z
  .object({
    program: z.enum(["kubectl", "az"]).optional(),
    /** Leading words after the program: "explain", "get", "aks get-credentials". */
    verb: nameSchema,
    /** Accepted spellings of the next word, the resource: [nodes, node, no]. */
    resource: z.array(nameSchema).min(1).optional(),
    /** At least one of these flags must be present: [-A, --all-namespaces]. */
    flags: z.array(z.string().startsWith("-")).min(1).optional(),
    exitCode: z.number().int().nonnegative().optional(),
  })
  .strict();

const LEAVES = [
  "deployment",
  "pods",
  "service",
  "object",
  "exists",
  "absent",
  "rollout",
  "hpa",
  "node",
  "event",
  "context",
  "command",
] as const;

type Opt<T> = T | undefined;

/**
 * A check: an object with exactly one key. Leaves test one part of the cluster; `all`, `any` and
 * `not` combine them. Spelled out by hand because it is recursive (zod cannot infer that).
 */
export interface Check {
  deployment?: Opt<z.infer<typeof deploymentCheckSchema>>;
  pods?: Opt<z.infer<typeof podsCheckSchema>>;
  service?: Opt<z.infer<typeof serviceCheckSchema>>;
  object?: Opt<z.infer<typeof objectCheckSchema>>;
  exists?: Opt<z.infer<typeof refSchema>>;
  absent?: Opt<z.infer<typeof refSchema>>;
  rollout?: Opt<z.infer<typeof rolloutCheckSchema>>;
  hpa?: Opt<z.infer<typeof hpaCheckSchema>>;
  node?: Opt<z.infer<typeof nodeCheckSchema>>;
  event?: Opt<z.infer<typeof eventCheckSchema>>;
  context?: Opt<z.infer<typeof contextCheckSchema>>;
  command?: Opt<z.infer<typeof commandCheckSchema>>;
  all?: Opt<Check[]>;
  any?: Opt<Check[]>;
  not?: Opt<Check>;
}

/**
 * Validates a check. Written as optional keys (not a union) so a mistake deep inside reports its
 * exact path, e.g. `check.all[1].deployment: Unrecognized key: "readyReplica"`.
 */
export const checkSchema: z.ZodType<Check> = z.lazy(() =>
  z
    .object({
      deployment: deploymentCheckSchema.optional(),
      pods: podsCheckSchema.optional(),
      service: serviceCheckSchema.optional(),
      object: objectCheckSchema.optional(),
      exists: refSchema.optional(),
      absent: refSchema.optional(),
      rollout: rolloutCheckSchema.optional(),
      hpa: hpaCheckSchema.optional(),
      node: nodeCheckSchema.optional(),
      event: eventCheckSchema.optional(),
      context: contextCheckSchema.optional(),
      command: commandCheckSchema.optional(),
      all: z.array(checkSchema).min(1).optional(),
      any: z.array(checkSchema).min(1).optional(),
      not: checkSchema.optional(),
    })
    .strict()
    .refine((c) => Object.keys(c).length === 1, {
      message: `a check has exactly one key: one of ${[...LEAVES, "all", "any", "not"].join(", ")}`,
    }),
);
