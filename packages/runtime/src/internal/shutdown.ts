// Graceful shutdown on SIGTERM/SIGINT: close what the process started, with a deadline, then exit.

/** What the shutdown logs through (pino fits). */
export interface ShutdownLogger {
  info(o: object, msg?: string): void;
  warn(o: object, msg?: string): void;
  error(o: object, msg?: string): void;
}

/** The log messages of a shutdown; an app keeps its own words. */
export interface ShutdownMessages {
  /** First signal: closing starts. */
  stopping: string;
  /** A second signal: exiting at once. */
  again: string;
  /** The deadline passed. */
  timedOut: string;
  /** `close` rejected. */
  failed: string;
}

/** Exit codes: 0 stopped cleanly, 1 failed, forced or timed out. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;

const DEFAULT_MESSAGES: ShutdownMessages = {
  stopping: "shutting down",
  again: "second signal: exiting without waiting",
  timedOut: "shutdown timed out; exiting",
  failed: "error while stopping",
};

/** What {@link stopOnSignals} needs. */
export interface ShutdownOptions {
  /** Closes what the process started (may first wait for start-up to finish). */
  close(): Promise<void>;
  /** Longest the close may take before the process exits with 1. */
  timeoutMs: number;
  logger: ShutdownLogger;
  messages?: Partial<ShutdownMessages>;
  /** Log fields for an error (default `{ err }`). */
  errorFields?(err: unknown): object;
  signals?: readonly NodeJS.Signals[];
  /** Where signals come from and how the process ends (tests pass their own). */
  emitter?: Pick<NodeJS.EventEmitter, "on">;
  exit?(code: number): void;
}

/**
 * Closes the process gracefully on the first SIGTERM or SIGINT and exits 0, or 1 when closing fails
 * or outlasts `timeoutMs`; a second signal exits 1 at once. Returns the handler (tests call it).
 */
export function stopOnSignals(opts: ShutdownOptions): (signal: NodeJS.Signals) => void {
  const words = { ...DEFAULT_MESSAGES, ...opts.messages };
  const exit = opts.exit ?? ((code: number) => process.exit(code));
  const errorFields = opts.errorFields ?? ((err: unknown) => ({ err }));
  const { logger, timeoutMs } = opts;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) {
      logger.warn({ signal }, words.again);
      exit(EXIT_FAILED);
      return;
    }
    stopping = true;
    logger.info({ signal, timeoutMs }, words.stopping);
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, words.timedOut);
      exit(EXIT_FAILED);
    }, timeoutMs);
    // Not unref'd: should closing stall with nothing else pending, the deadline still ends the process with 1.
    opts.close().then(
      () => {
        clearTimeout(timer);
        exit(EXIT_OK);
      },
      (err: unknown) => {
        clearTimeout(timer);
        logger.error(errorFields(err), words.failed);
        exit(EXIT_FAILED);
      },
    );
  };
  const emitter = opts.emitter ?? process;
  for (const s of opts.signals ?? ["SIGTERM", "SIGINT"]) emitter.on(s, onSignal);
  return onSignal;
}
