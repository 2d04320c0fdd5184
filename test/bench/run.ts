// pnpm bench: every benchmark section, one JSON object per line on stdout.

import { simBench } from "./sim.bench.ts";

simBench();
