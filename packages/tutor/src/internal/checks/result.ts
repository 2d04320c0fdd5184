// The result of evaluating a check: whether it passed, and what is missing in the learner's words.

/** `detail` says what is missing ("web has 2 of 3 ready replicas") or, on a pass, what was found. */
export interface CheckResult {
  pass: boolean;
  detail: string;
}
