// Zod schema of the image catalogue: one entry per repository, its real tags and per-tag variants.
import { z } from "zod";
import { isTagPattern } from "./image-tag-pattern.ts";

export const KiB = 1024;
export const MiB = 1024 * 1024;

const tagPatternSchema = z.string().refine(isTagPattern, { message: "not a valid tag pattern" });

/**
 * Environment the entrypoint insists on. Each `anyOf` item is `NAME` (set and non-empty) or
 * `NAME=value` (exactly that value); one is enough. `orMount` names a directory whose mounted
 * volume also satisfies it (haproxy needs a config file, not a variable: its `anyOf` is empty).
 */
export const requiredEnvSchema = z
  .object({
    anyOf: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*(=.*)?$/)),
    orMount: z.string().startsWith("/").optional(),
    exitCode: z.number().int().min(1).max(255),
    log: z.array(z.string()).min(1).max(12),
  })
  .strict();

const traits = {
  /** Version printed in logs (`{version}`); see `resolveVersion` in images.ts. */
  version: z.string().min(1),
  sizeBytes: z.number().int().positive(),
  ports: z.array(z.number().int().min(1).max(65535)),
  httpPaths: z.array(z.string().startsWith("/")),
  /** Milliseconds after start when the HTTP paths stop answering 200 (k8s.gcr.io/liveness). */
  httpFailAfterMs: z.number().int().positive(),
  behaviour: z.enum(["server", "shell", "exit"]),
  requiredEnv: requiredEnvSchema,
  minMemoryBytes: z.number().int().positive(),
  startupLogs: z.array(z.string()).max(12),
  requestLog: z.string().min(1),
  os: z.enum(["linux", "windows"]),
};

/** Overrides for the tags matching `match`; every matching variant applies, in order. */
const variantSchema = z
  .object({
    match: z.array(tagPatternSchema).min(1),
    ...traits,
  })
  .partial()
  .required({ match: true })
  .strict();

export const catalogueEntrySchema = z
  .object({
    /** Canonical repository names, registry included: "docker.io/library/nginx". */
    names: z.array(z.string().regex(/^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+$/)).min(1),
    /** The tags the repository really has; a tag matching none of them is "not found". */
    tags: z.array(tagPatternSchema).min(1),
    variants: z.array(variantSchema).default([]),
    ...traits,
    httpFailAfterMs: traits.httpFailAfterMs.optional(),
    requiredEnv: traits.requiredEnv.optional(),
    requestLog: traits.requestLog.optional(),
    os: traits.os.default("linux"),
  })
  .strict();

export const catalogueSchema = z.array(catalogueEntrySchema).min(1);

/** What a catalogue file writes (defaults not yet applied). */
export type CatalogueEntryInput = z.input<typeof catalogueEntrySchema>;
export type CatalogueEntry = z.output<typeof catalogueEntrySchema>;
export type CatalogueVariant = CatalogueEntry["variants"][number];
export type RequiredEnv = z.output<typeof requiredEnvSchema>;
