// kubectl explain: a kind's or field's description and fields, laid out as kubectl 1.32's plaintext template.

import { findResource } from "../../api/resources.ts";
import * as cmd from "../command.ts";
import { COMMON_TYPES, POD_TYPES, type TypeDef } from "./explain-data.ts";
import { AUTOSCALING_TYPES, WORKLOAD_TYPES } from "./explain-data-apps.ts";
import { CONFIG_TYPES, NETWORK_TYPES } from "./explain-data-net.ts";
import { OTHER_TYPES } from "./explain-data-other.ts";
import { CONTAINER_TYPES } from "./explain-data-pod.ts";

/** Every type explain knows, by name. */
export const EXPLAIN_TYPES: Readonly<Record<string, TypeDef>> = {
  ...COMMON_TYPES,
  ...POD_TYPES,
  ...CONTAINER_TYPES,
  ...WORKLOAD_TYPES,
  ...AUTOSCALING_TYPES,
  ...NETWORK_TYPES,
  ...CONFIG_TYPES,
  ...OTHER_TYPES,
};

/** A field parsed from the data notation "<type>[!][{A,B}] <description>". */
export interface FieldInfo {
  type: string;
  required: boolean;
  values: string[];
  desc: string;
}

/** Parses one field of the explain data. */
export function parseField(spec: string): FieldInfo {
  const space = spec.indexOf(" ");
  const token = space < 0 ? spec : spec.slice(0, space);
  const values = /\{([^}]*)\}/.exec(token)?.[1]?.split(",") ?? [];
  const type = token.replace(/\{[^}]*\}/, "").replace("!", "");
  return { type, required: token.includes("!"), values, desc: space < 0 ? "" : spec.slice(space + 1) };
}

/** The named type behind `[]Container` or `map[string]Quantity`. */
const baseType = (type: string) => type.replace(/^(\[\]|map\[string\])+/, "");
/** kubectl shows a reference to a string-typed schema (Time) as `string`. */
const shown = (type: string) => type.replace(/(^|\])Time$/, "$1string");

/** mitchellh/go-wordwrap, as kubectl uses it: greedy, breaks only at spaces (a long word gets its own line), keeps newlines. */
export function wrap(text: string, limit: number): string {
  return text
    .split("\n")
    .map((para) => {
      const lines: string[] = [];
      let line = "";
      for (const word of para.split(" ")) {
        if (line !== "" && line.length + 1 + word.length > limit) {
          lines.push(line);
          line = word;
        } else line = line === "" ? word : `${line} ${word}`;
      }
      return [...lines, line].join("\n");
    })
    .join("\n");
}

/** sprig's indent: pads the start and every line after a newline (so a trailing newline gets a padded line). */
const indent = (n: number, text: string) => {
  const pad = " ".repeat(n);
  return pad + text.replaceAll("\n", `\n${pad}`);
};

/** The FIELDS list at `level` (1 = top): name, <type>, -required-, enum, then description unless recursive. */
export function fieldList(typeName: string, level: number, recursive: boolean, seen: string[] = []): string {
  const fields = EXPLAIN_TYPES[typeName]?.fields ?? {};
  const at = level * 2;
  let out = "";
  for (const name of Object.keys(fields).sort()) {
    const f = parseField(fields[name] ?? "");
    const more = f.values.length > 4 ? ", ...." : "";
    const enumLine = f.values.length
      ? `\n${" ".repeat(at)}enum: ${f.values.slice(0, 4).join(", ")}${more}`
      : "";
    out += `${" ".repeat(at)}${name}\t<${shown(f.type)}>${f.required ? " -required-" : ""}${enumLine}\n`;
    if (!recursive) out += `${indent(at + 2, wrap(f.desc || "<no description>", 78 - at))}\n\n`;
    const child = baseType(f.type);
    if (recursive && EXPLAIN_TYPES[child] && !seen.includes(child)) {
      out += fieldList(child, level + 1, true, [...seen, child]);
    }
  }
  return out;
}

/** The DESCRIPTION block and, when the type has fields, the FIELDS block. */
function body(descriptions: string[], typeName: string, recursive: boolean): string {
  const text = descriptions.filter((d) => d !== "").join("\n");
  const fields = fieldList(typeName, 1, recursive, [typeName]);
  return `DESCRIPTION:\n${indent(4, wrap(text ? `${text}\n` : "<empty>", 76))}\n${fields ? `FIELDS:\n${fields}` : ""}`;
}

/**
 * Renders `kubectl explain <kind>[.field…]`. Throws a CommandError (after writing the header, as
 * kubectl does) when a field does not exist; kubectl then names the path's last element.
 */
export function explainText(
  kind: string,
  group: string,
  version: string,
  path: string[],
  recursive: boolean,
) {
  let text = `${group ? `GROUP:      ${group}\n` : ""}KIND:       ${kind}\nVERSION:    ${version}\n\n`;
  let typeName = kind;
  let field: FieldInfo | undefined;
  for (const [i, name] of path.entries()) {
    const spec = EXPLAIN_TYPES[typeName]?.fields?.[name];
    if (spec === undefined) return { text, error: `error: field "${path[path.length - 1]}" does not exist` };
    field = parseField(spec);
    typeName = baseType(field.type);
    if (i === path.length - 1) {
      const enumLong = field.values.length ? `ENUM:${field.values.map((v) => `\n    ${v}`).join("")}` : "";
      text += `FIELD: ${name} <${shown(field.type)}>\n${enumLong}\n\n`;
    }
  }
  const descs = field ? [field.desc, EXPLAIN_TYPES[typeName]?.desc ?? ""] : [EXPLAIN_TYPES[kind]?.desc ?? ""];
  return { text: `${text}${body(descs, typeName, recursive)}\n`, error: undefined };
}

function run(ctx: cmd.CommandContext): number {
  const args = ctx.args.positionals;
  if (args.length === 0) {
    throw new cmd.CommandError(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  if (args.length > 1) throw new cmd.CommandError("error: We accept only this format: explain RESOURCE");
  const [resource = "", ...path] = (args[0] ?? "").replace(/\.$/, "").split(".");
  const info = findResource(resource);
  if (!info) {
    ctx.out.err(`the server doesn't have a resource type "${resource}"`);
    return 1;
  }
  const apiVersion = cmd.flagString(ctx, "api-version");
  const [g, v] = apiVersion.includes("/") ? apiVersion.split("/") : ["", apiVersion];
  if (apiVersion && (g !== info.group || v !== info.version)) {
    throw new cmd.CommandError(`error: couldn't find resource for "${g}/${v}, Resource=${info.resource}"`);
  }
  const output = cmd.flagString(ctx, "output");
  if (output === "plaintext-openapiv2")
    throw new cmd.CommandError("error: Bosun shows explain only as plaintext");
  if (output !== "plaintext") throw new cmd.CommandError(`error: unrecognized format: ${output}`);
  const { text, error } = explainText(
    info.kind,
    info.group,
    info.version,
    path,
    cmd.flagBool(ctx, "recursive"),
  );
  ctx.out.chunks.push({ stream: "out", text });
  if (error) throw new cmd.CommandError(error);
  return 0;
}

/** `kubectl explain`: what a kind or field is for, in Bosun's own words, in kubectl's layout. */
export const explainCommand: cmd.Command = {
  name: "explain",
  summary: "Get documentation for a resource",
  flags: [
    { name: "recursive", type: "bool", default: false },
    { name: "api-version", type: "string", default: "" },
    { name: "output", short: "o", type: "string", default: "plaintext" },
  ],
  run,
};
