/** A pair of segmented texts with its gold alignment, as used by the benchmark. */
import type { BeadLike } from "./metrics";

export interface BenchSegment {
  text: string;
  paragraph?: number;
  heading?: boolean;
}

export interface Bitext {
  name: string;
  langA: string;
  langB: string;
  a: BenchSegment[];
  b: BenchSegment[];
  gold: BeadLike[];
}
