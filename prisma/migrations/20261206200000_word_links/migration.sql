-- Word links: inside the grid's rows, which words of one edition render which words of another. Stored per pair of
-- segments (one set of links between segment A and segment B, token positions within each segment), so links follow
-- their segments through grid operations. Automatic sets come from the word aligner; edited and confirmed sets come
-- from editors and are never replaced by the aligner.

-- CreateEnum
CREATE TYPE "word_link_status" AS ENUM ('automatic', 'edited', 'confirmed');

-- CreateTable
CREATE TABLE "word_link_set" (
    "segment_a_id" UUID NOT NULL,
    "segment_b_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "edition_a_id" UUID NOT NULL,
    "edition_b_id" UUID NOT NULL,
    "status" "word_link_status" NOT NULL DEFAULT 'automatic',
    "a_tokens" INTEGER[],
    "b_tokens" INTEGER[],
    "probabilities" REAL[],
    "dropped" INTEGER NOT NULL DEFAULT 0,
    "model_version" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "word_link_set_pkey" PRIMARY KEY ("segment_a_id","segment_b_id"),
    CONSTRAINT "word_link_set_edition_order" CHECK ("edition_a_id" < "edition_b_id"),
    CONSTRAINT "word_link_set_same_length" CHECK (cardinality("a_tokens") = cardinality("b_tokens") AND cardinality("a_tokens") = cardinality("probabilities"))
);

-- CreateIndex
CREATE INDEX "word_link_set_segment_b_id_idx" ON "word_link_set"("segment_b_id");

-- CreateIndex
CREATE INDEX "word_link_set_work_id_edition_a_id_edition_b_id_idx" ON "word_link_set"("work_id", "edition_a_id", "edition_b_id");

-- AddForeignKey
ALTER TABLE "word_link_set" ADD CONSTRAINT "word_link_set_segment_a_id_fkey" FOREIGN KEY ("segment_a_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "word_link_set" ADD CONSTRAINT "word_link_set_segment_b_id_fkey" FOREIGN KEY ("segment_b_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "word_link_set" ADD CONSTRAINT "word_link_set_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Word-level divergence of each row from the work's pivot, per edition, written by every run of the word aligner:
-- what the overview strip and the "most divergent rows" list read without touching the links themselves.
CREATE TABLE "row_word_stat" (
    "row_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "base_edition_id" UUID NOT NULL,
    "divergence" JSONB NOT NULL,
    "max_divergence" REAL NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "row_word_stat_pkey" PRIMARY KEY ("row_id")
);

-- CreateIndex
CREATE INDEX "row_word_stat_work_id_max_divergence_idx" ON "row_word_stat"("work_id", "max_divergence");

-- AddForeignKey
ALTER TABLE "row_word_stat" ADD CONSTRAINT "row_word_stat_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "alignment_row"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "row_word_stat" ADD CONSTRAINT "row_word_stat_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An editor's glossary for a work: term pairs between two languages that the word aligner takes as dictionary entries.
CREATE TABLE "glossary_entry" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "language_a" TEXT NOT NULL,
    "language_b" TEXT NOT NULL,
    "term_a" TEXT NOT NULL,
    "term_b" TEXT NOT NULL,
    "note" TEXT,
    "added_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "glossary_entry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "glossary_entry_work_id_language_a_language_b_term_a_term_b_key" ON "glossary_entry"("work_id", "language_a", "language_b", "term_a", "term_b");

-- AddForeignKey
ALTER TABLE "glossary_entry" ADD CONSTRAINT "glossary_entry_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "glossary_entry" ADD CONSTRAINT "glossary_entry_added_by_id_fkey" FOREIGN KEY ("added_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
