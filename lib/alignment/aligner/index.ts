export type { AlignOptions, AlignSegment, Bead } from "./types";
export { alignPair } from "./align-pair";
