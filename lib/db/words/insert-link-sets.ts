/**
 * Inserts a whole work's new automatic link sets: each chunk as one statement whose only parameter is the chunk as
 * JSON (json_to_recordset), not as Prisma's createMany. For the 100,000 sets of a five-edition novel, createMany
 * built about 1 GB of short-lived objects in the worker (a bind value per column per set, and its query plan),
 * which is what the worker's peak memory was made of while it wrote; the JSON of a chunk is a single string.
 */
import type { Tx } from "../grid/types";
import { writeInChunks } from "../write-in-chunks";
import { WORD_MODEL_VERSION } from "./link-sets";

export interface AutomaticSet {
  segmentAId: string;
  segmentBId: string;
  editionAId: string;
  editionBId: string;
  aTokens: number[];
  bTokens: number[];
  probabilities: number[];
}

export async function insertAutomaticSets(tx: Tx, workId: string, sets: readonly AutomaticSet[]): Promise<void> {
  await writeInChunks(sets, (chunk) => {
    const json = JSON.stringify(
      chunk.map((set) => ({ a: set.segmentAId, b: set.segmentBId, ea: set.editionAId, eb: set.editionBId, at: set.aTokens, bt: set.bTokens, p: set.probabilities })),
    );
    return tx.$executeRaw`
      INSERT INTO "word_link_set" ("segment_a_id", "segment_b_id", "work_id", "edition_a_id", "edition_b_id", "status", "a_tokens", "b_tokens", "probabilities", "model_version")
      SELECT s.a, s.b, ${workId}::uuid, s.ea, s.eb, 'automatic', s.at, s.bt, s.p, ${WORD_MODEL_VERSION}
      FROM json_to_recordset(${json}::json) AS s(a uuid, b uuid, ea uuid, eb uuid, at integer[], bt integer[], p real[])`;
  });
}
