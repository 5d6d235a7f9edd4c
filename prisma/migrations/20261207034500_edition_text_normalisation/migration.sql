-- Imports store text in Unicode normal form C (issue 10). What the import changed to get there is provenance of the
-- text and is kept on the edition: the form, how many letters the file wrote otherwise and in how many segments.
-- All three are NULL when the file was already in NFC (and for editions imported before this migration, whose
-- text is left exactly as it was stored).
ALTER TABLE "edition" ADD COLUMN "normalised_to" TEXT,
  ADD COLUMN "normalised_letters" INTEGER,
  ADD COLUMN "normalised_segments" INTEGER;

ALTER TABLE "edition" ADD CONSTRAINT "edition_normalised_check" CHECK (
  ("normalised_to" IS NULL AND "normalised_letters" IS NULL AND "normalised_segments" IS NULL)
  OR ("normalised_to" = 'NFC' AND "normalised_letters" > 0 AND "normalised_segments" >= 0)
);
