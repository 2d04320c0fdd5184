// The best-practice coach's public surface: review applied manifests and typed commands.

export { reviewCommand } from "./command.ts";
export type { Finding, RuleId, RuleInfo } from "./finding.ts";
export { RULES } from "./finding.ts";
export { reviewManifests } from "./manifests.ts";
