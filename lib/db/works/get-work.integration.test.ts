import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/database";
import { createScholarWork } from "../search/scholar-work.fixtures";
import { NotFoundError } from "../errors";
import { trustedReadAccess } from "../users/reading-access";
import { getWork } from "./get-work";
import { createWitnessWork, WITNESS_EDITIONS } from "./witness-work.fixtures";

describe("getWork", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it("returns a replaced edition only as an earlier witness, with what replaced it and when", async () => {
    const { replacement } = await createWitnessWork(database.prisma, "witnessed");
    expect(replacement).toMatchObject({ status: "created", replaced: { slug: "fr", keptAs: "fr-superseded" } });
    const successor = await database.prisma.edition.findFirstOrThrow({ where: { work: { slug: "witnessed" }, slug: "fr" } });

    const work = await getWork(trustedReadAccess(), "witnessed", database.prisma);

    expect(work.editions.map((edition) => [edition.slug, edition.provenance])).toEqual([
      ["en", "published"],
      ["fr", "published"],
    ]);
    expect(work.earlierWitnesses).toHaveLength(1);
    const [witness] = work.earlierWitnesses;
    expect([witness.slug, witness.language, witness.title, witness.provenance, witness.supersededById]).toEqual([
      "fr-superseded",
      "fr",
      "La soif du pouvoir",
      "working_translation",
      successor.id,
    ]);
    expect(witness.replacedBy).toEqual({ slug: "fr", title: successor.title, language: "fr" });
    expect(witness.replacedAt).toEqual(successor.importedAt);
    expect(witness.inGrid).toBe(true);
  });

  it("tells an earlier witness whose segments left the grid", async () => {
    await createWitnessWork(database.prisma, "witness-out-of-grid");
    await database.prisma.segment.updateMany({ where: { edition: { slug: "fr-superseded", work: { slug: "witness-out-of-grid" } } }, data: { rowId: null } });
    const work = await getWork(trustedReadAccess(), "witness-out-of-grid", database.prisma);
    expect(work.earlierWitnesses.map((witness) => [witness.slug, witness.inGrid])).toEqual([["fr-superseded", false]]);
  });

  it("has no earlier witnesses for a work whose editions were never replaced", async () => {
    await createScholarWork(database.prisma, "unreplaced", WITNESS_EDITIONS);
    const work = await getWork(trustedReadAccess(), "unreplaced", database.prisma);
    expect(work.editions.map((edition) => edition.slug)).toEqual(["en", "fr"]);
    expect(work.earlierWitnesses).toEqual([]);
  });

  it("refuses an unknown work", async () => {
    await expect(getWork(trustedReadAccess(), "no-such-work", database.prisma)).rejects.toBeInstanceOf(NotFoundError);
  });
});
