// pnpm bench: every benchmark section, one JSON object per line on stdout.

import { hpaBench } from "./hpa.bench.ts";
import { rolloutBench } from "./rollout.bench.ts";
import { simBench } from "./sim.bench.ts";
import { tutorBench } from "./tutor.bench.ts";

simBench();
rolloutBench();
hpaBench();
tutorBench();
