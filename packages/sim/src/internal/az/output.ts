// az's output formats (knack): json with sorted keys, tabulate "simple" tables, tsv, PyYAML-style yaml.

import { stringify } from "yaml";

/** A row a table transformer makes: an ordered record, like azure-cli's OrderedDicts. */
export type TableRow = Record<string, unknown>;

type Plain = null | boolean | number | string | Plain[] | { [k: string]: Plain };

/** The result as plain JSON with keys sorted (how Python dicts print with sort_keys, and what --query sees). */
export function sortKeys(v: unknown): Plain {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .filter((k) => o[k] !== undefined)
        .map((k) => [k, sortKeys(o[k])]),
    );
  }
  return v as Plain;
}

/** json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False). */
export function formatJson(result: unknown): string {
  return `${JSON.stringify(sortKeys(result), null, 2)}\n`;
}

/** yaml.safe_dump(result, default_flow_style=False): sorted keys, block style, sequences not indented. */
export function formatYaml(result: unknown): string {
  return stringify(sortKeys(result), {
    indentSeq: false,
    singleQuote: true,
    lineWidth: 80,
    minContentWidth: 0,
  });
}

const pyStr = (v: unknown): string =>
  v === true ? "True" : v === false ? "False" : v === null || v === undefined ? "" : String(v);

/**
 * tabulate(rows, headers="keys", tablefmt="simple", disable_numparse=True): every column at least
 * its header plus two wide, cells left-aligned and two spaces apart, each line right-trimmed.
 * Worked example: a "Location" column holding "eastus" is 10 wide (8 + 2), so its rule is 10 dashes.
 */
export function tabulate(rows: readonly [string, unknown][][]): string {
  const headers: string[] = [];
  for (const row of rows) for (const [k] of row) if (!headers.includes(k)) headers.push(k);
  if (headers.length === 0) return "";
  const cells = rows.map((row) => headers.map((h) => pyStr(row.find(([k]) => k === h)?.[1])));
  const widths = headers.map((h, c) => Math.max(h.length + 2, ...cells.map((r) => (r[c] ?? "").length)));
  const line = (vals: string[]) =>
    vals
      .map((v, c) => v.padEnd(widths[c] ?? 0))
      .join("  ")
      .trimEnd();
  return `${[line(headers), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n")}\n`;
}

const SKIP_KEYS = ["id", "type", "etag"];

/** knack's automatic table: scalar fields only (minus id, type, etag), headers capitalised. */
function autoRow(item: unknown, sortKeysToo: boolean): [string, unknown][] {
  if (item === null || typeof item !== "object") return [["Result", item]];
  if (Array.isArray(item)) return item.map((v, i): [string, unknown] => [`Column${i + 1}`, v]);
  const o = item as Record<string, unknown>;
  const keys = sortKeysToo ? Object.keys(o).sort() : Object.keys(o);
  return keys
    .filter((k) => !SKIP_KEYS.includes(k) && o[k] !== null && o[k] !== undefined && typeof o[k] !== "object")
    .map((k): [string, unknown] => [k.charAt(0).toUpperCase() + k.slice(1), o[k]]);
}

/**
 * `-o table`: the command's transformer (when there is no --query), then knack's automatic table
 * over it: keys sorted only when neither a query nor a transformer shaped the result, and null or
 * nested values dropped, so a column that is null in every row disappears.
 */
export function formatTable(
  result: unknown,
  transformer: ((r: unknown) => TableRow[]) | undefined,
  queryActive: boolean,
): string {
  const shaped = transformer && !queryActive ? transformer(result) : result;
  const list = Array.isArray(shaped) ? shaped : [shaped];
  return tabulate(list.map((item) => autoRow(item, !queryActive && !transformer)));
}

function tsvCell(v: unknown): string {
  if (Array.isArray(v)) return String(v.length);
  if (v !== null && typeof v === "object") return "";
  return pyStr(v).replace(/^$/, v === null ? "None" : "");
}

/**
 * `-o tsv`: one line per item; an object gives its values (sorted by key: callers pass sortKeys'd
 * data, and a --query selection keeps its own order), a nested list its length, a nested object ''.
 */
export function formatTsv(result: unknown): string {
  const list = Array.isArray(result) ? result : [result];
  return list
    .map((item) => {
      if (Array.isArray(item)) return `${item.map(tsvCell).join("\t")}\n`;
      if (item !== null && typeof item === "object") {
        const o = item as Record<string, unknown>;
        return `${Object.values(o).map(tsvCell).join("\t")}\n`;
      }
      if (typeof item === "boolean") return `${String(item)}\n`;
      return `${tsvCell(item)}\n`;
    })
    .join("");
}
