// The `az` front end: az login, az group, az aks … against the session's simulated subscription (issue 3, AKS).

import type { Cluster } from "../api/cluster.ts";
import { Output } from "../kubectl/command.ts";
import type { AzCommand, AzContext } from "./command.ts";
import { COMMANDS, commandHelp, groupHelp, resolve } from "./commands.ts";
import { AzError, LOGIN_FIRST, usageError } from "./errors.ts";
import { compileQuery, QueryError, runQuery } from "./jmespath.ts";
import { formatJson, formatTable, formatTsv, formatYaml, sortKeys } from "./output.ts";
import { parseArgs } from "./parse.ts";
import { azureOf } from "./state.ts";

/**
 * knack prints `ERROR: `/`WARNING: ` before a message only without colour; a learner's terminal has
 * colour, so the chat shows the messages bare, as the terminal does (in red and yellow there).
 */
const LEVEL_PREFIX = false;
const err = (m: string) => (LEVEL_PREFIX ? `ERROR: ${m}` : m);
const warning = (m: string) => (LEVEL_PREFIX ? `WARNING: ${m}` : m);

const BANNER = `
     /\\
    /  \\    _____   _ _  ___ _
   / /\\ \\  |_  / | | | \\'__/ _\\
  / ____ \\  / /| |_| | | |  __/
 /_/    \\_\\/___|\\__,_|_|  \\___|


Welcome to the cool new Azure CLI!

Use \`az --version\` to display the current version.
Here are the base commands Bosun simulates:

    account  : Manage Azure subscription information.
    aks      : Azure Kubernetes Service.
    group    : Manage resource groups and template deployments.
    login    : Log in to Azure.
    logout   : Log out to remove access to Azure subscriptions.
    version  : Show the versions of Azure CLI modules and extensions in JSON format by default or
               format configured by --output.
`;

const VERSION_TEXT = `azure-cli                         2.67.0

core                              2.67.0
telemetry                          1.1.0

Dependencies:
msal                              1.31.0
azure-mgmt-resource               23.1.1

Python location '/opt/az/bin/python3'
Extensions directory '/home/learner/.azure/cliextensions'

Python (Linux) 3.12.7 (main, Nov  5 2024, 03:15:30) [GCC 12.2.0]

Legal docs and information: aka.ms/AzureCliLegal


Your CLI is up-to-date.
`;

function formatResult(
  command: AzCommand,
  result: unknown,
  output: string,
  query: string | undefined,
): string {
  if (result === undefined || output === "none") return "";
  let data: unknown = sortKeys(result);
  if (query !== undefined) data = runQuery(query, data);
  if (data === null || data === undefined) return "";
  if (output === "table") return formatTable(data, command.table, query !== undefined);
  if (output === "tsv") return formatTsv(data);
  if (output === "yaml" || output === "yamlc") return formatYaml(data);
  return formatJson(data);
}

const QUERY_REFERENCE =
  "To learn more about --query, please visit: 'https://learn.microsoft.com/cli/azure/query-azure-cli'";

/**
 * Refuses a --query before the command runs, as knack's jmespath_type does. Valid JMESPath the
 * subset does not evaluate (functions, pipes, other comparisons) gets Bosun's own explanation.
 */
function checkQuery(query: string): void {
  try {
    compileQuery(query);
  } catch (e) {
    if (!(e instanceof QueryError)) throw e;
    if (/[(|&<>]|![^=]/.test(query))
      throw usageError(
        `--query '${query}' uses JMESPath that Bosun's simulated az does not evaluate (functions, pipes, and comparisons other than == and !=). It understands paths (a.b), [] and [*] projections, [0] indexes, [?field=='value'] filters, and selections such as {name: name} and [name, location].`,
        [QUERY_REFERENCE],
      );
    throw usageError(`argument --query: invalid jmespath_type value: '${query}'`, [QUERY_REFERENCE]);
  }
}

function execute(cluster: Cluster, argv: string[], out: Output): number {
  if (argv.length === 0) {
    out.out(BANNER);
    return 0;
  }
  if (argv.length === 1 && argv[0] === "--version") {
    out.out(VERSION_TEXT);
    return 0;
  }
  const found = resolve(argv);
  if (found.kind === "group") {
    const extra = argv.filter((a) => !["-h", "--help"].includes(a) && a.startsWith("-"));
    if (extra.length) throw usageError(`unrecognized arguments: ${extra.join(" ")}`);
    out.out(groupHelp(found.prefix));
    return 0;
  }
  const { command, rest } = found;
  if (rest.includes("-h") || rest.includes("--help")) {
    out.out(commandHelp(command));
    return 0;
  }
  const prog = `az ${command.path}`;
  const values = parseArgs(prog, command.args, rest);
  const query = typeof values.query === "string" ? values.query : undefined;
  if (query !== undefined) checkQuery(query);
  const az = azureOf(cluster.state);
  if (!command.anonymous && !az.loggedIn) throw new AzError(LOGIN_FIRST);
  const ctx: AzContext = { cluster, az, values, prog, warn: (m) => out.err(warning(m)) };
  const result = command.run(ctx);
  const text = formatResult(
    command,
    result,
    typeof values.output === "string" ? values.output : "json",
    query,
  );
  if (text) out.out(text);
  return 0;
}

/** Runs `az <argv…>`; `argv` excludes the word "az". Never throws for anything a user can type. */
export function runAz(cluster: Cluster, argv: string[]): { output: Output; exitCode: number } {
  const out = new Output();
  try {
    const exitCode = execute(cluster, argv, out);
    cluster.store.sync();
    return { output: out, exitCode };
  } catch (e) {
    if (!(e instanceof AzError))
      out.err(
        err(`The command failed with an unexpected error: ${e instanceof Error ? e.message : String(e)}`),
      );
    else out.err(err(e.message));
    if (!(e instanceof AzError)) return { output: out, exitCode: 1 };
    for (const line of e.recommendations) out.err(line);
    cluster.store.sync();
    return { output: out, exitCode: e.exitCode };
  }
}

/** The commands az knows in Bosun (for the tutor's help). */
export const AZ_COMMAND_PATHS: readonly string[] = COMMANDS.map((c) => c.path);
