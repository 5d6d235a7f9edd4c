-- Edition roles and provenance: an edition can stand in for the original without being it (a working translation
-- into the original's language, until the published original is imported); who edited an edition, the published
-- text its text is that of, the edition a translation was made from, when it was made, whether its title is ours,
-- and where it deliberately departs from its source. Corrections to a source say what kind they are: a repair of
-- extraction damage, an editorial emendation of the source, or markup.

-- CreateEnum
CREATE TYPE "correction_kind" AS ENUM ('extraction', 'emendation', 'markup');

-- AlterTable
ALTER TABLE "edition"
    ADD COLUMN "stands_in_for_original" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "editor" TEXT,
    ADD COLUMN "based_on" TEXT,
    ADD COLUMN "translated_from" TEXT,
    ADD COLUMN "made" TEXT,
    ADD COLUMN "title_ours" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "departures" TEXT;

-- AlterTable
ALTER TABLE "source_correction" ADD COLUMN "kind" "correction_kind";

-- A working translation was stored as the original before this migration when it took the original's place: it
-- stands in for the original instead.
UPDATE "edition" SET "is_original" = false, "stands_in_for_original" = true
 WHERE "is_original" AND "provenance" = 'working_translation';

-- A working translation is never the original; an edition standing in for the original is not the original.
ALTER TABLE "edition" ADD CONSTRAINT "edition_working_translation_not_original" CHECK (NOT ("is_original" AND "provenance" = 'working_translation'));
ALTER TABLE "edition" ADD CONSTRAINT "edition_stand_in_not_original" CHECK (NOT ("is_original" AND "stands_in_for_original"));
ALTER TABLE "edition" ADD CONSTRAINT "edition_translated_from_check" CHECK ("translated_from" IS NULL OR "translated_from" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
