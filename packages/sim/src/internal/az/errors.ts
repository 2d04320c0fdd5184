// az's errors: the text knack's logger prints and the exit code azure-cli returns for each kind.

/**
 * An error az reports. Exit codes as azure-cli's handle_exception gives them: 2 for argument and
 * command-not-found errors (argparse), 3 for a missing resource (HTTP 404), 1 for the rest.
 */
export class AzError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 | 3 = 1,
    /** Lines printed after the error (azure-cli's recommendations). */
    readonly recommendations: readonly string[] = [],
  ) {
    super(message);
    this.name = "AzError";
  }
}

/** An argparse error: usage mistakes exit with 2. */
export function usageError(message: string, recommendations: readonly string[] = []): AzError {
  return new AzError(message, 2, recommendations);
}

/**
 * An ARM error response as azure-cli prints it: `(Code) message`, then the code and message again.
 * A 404 (ResourceNotFound, ResourceGroupNotFound) exits with 3.
 */
export function armError(code: string, message: string, notFound = false): AzError {
  return new AzError(`(${code}) ${message}\nCode: ${code}\nMessage: ${message}`, notFound ? 3 : 1);
}

export function groupNotFound(group: string): AzError {
  return armError("ResourceGroupNotFound", `Resource group '${group}' could not be found.`, true);
}

/** ARM's 404 for a resource of `type` (e.g. `Microsoft.ContainerService/managedClusters/aks1`). */
export function resourceNotFound(type: string, name: string, group: string): AzError {
  return armError(
    "ResourceNotFound",
    `The Resource '${type}/${name}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    true,
  );
}

/** What a confirmation prompt does when there is no terminal to ask on (chat, scripts). */
export const NO_TTY_CONFIRM = "Unable to prompt for confirmation as no tty available. Use --yes.";

/** knack's message when no account is logged in. */
export const LOGIN_FIRST = "Please run 'az login' to setup account.";
