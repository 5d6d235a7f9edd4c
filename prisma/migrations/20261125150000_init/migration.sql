-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role" AS ENUM ('scholar', 'editor', 'admin');

-- CreateEnum
CREATE TYPE "provenance" AS ENUM ('published', 'working_translation', 'imported');

-- CreateEnum
CREATE TYPE "segment_kind" AS ENUM ('heading', 'paragraph', 'blockquote', 'dateline', 'note');

-- CreateEnum
CREATE TYPE "row_status" AS ENUM ('automatic', 'confirmed');

-- CreateEnum
CREATE TYPE "variant_category" AS ENUM ('omission', 'addition', 'substitution', 'name_form', 'number_date', 'softening_intensifying', 'mistranslation', 'other');

-- CreateEnum
CREATE TYPE "variant_status" AS ENUM ('open', 'confirmed', 'rejected');

-- CreateTable
CREATE TABLE "work" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "author" TEXT,
    "pivot_edition_id" UUID,
    "grid_version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "work_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "edition" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "translator" TEXT,
    "publisher" TEXT,
    "place" TEXT,
    "year" INTEGER,
    "is_original" BOOLEAN NOT NULL,
    "provenance" "provenance" NOT NULL,
    "source" TEXT,
    "imported_by_id" TEXT,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "source_file" TEXT,
    "source_checksum" TEXT,
    "position" INTEGER NOT NULL,
    "superseded_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "edition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment" (
    "id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "row_id" UUID,
    "position" INTEGER NOT NULL,
    "paragraph" INTEGER NOT NULL,
    "kind" "segment_kind" NOT NULL,
    "heading_level" INTEGER,
    "text" TEXT NOT NULL,
    "xml_id" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "segment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "segment_lineage" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "source_segment_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "operation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "segment_lineage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alignment_row" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "status" "row_status" NOT NULL DEFAULT 'automatic',
    "confidence" DOUBLE PRECISION,
    "version" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "alignment_row_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "revision" (
    "id" UUID NOT NULL,
    "segment_id" UUID NOT NULL,
    "author_id" TEXT,
    "reason" TEXT NOT NULL,
    "old_text" TEXT NOT NULL,
    "new_text" TEXT NOT NULL,
    "operation_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "grid_operation" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "user_id" TEXT,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "inverse" JSONB NOT NULL,
    "row_ids" UUID[],
    "grid_version" INTEGER NOT NULL,
    "undone_at" TIMESTAMPTZ(3),
    "undo_of_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "grid_operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "variant" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "row_id" UUID NOT NULL,
    "category" "variant_category" NOT NULL,
    "note" TEXT NOT NULL,
    "status" "variant_status" NOT NULL DEFAULT 'open',
    "author_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "variant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "variant_edition" (
    "variant_id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,

    CONSTRAINT "variant_edition_pkey" PRIMARY KEY ("variant_id","edition_id")
);

-- CreateTable
CREATE TABLE "apparatus_block" (
    "id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "segment_kind" NOT NULL,
    "heading_level" INTEGER,
    "label" TEXT,
    "text" TEXT NOT NULL,

    CONSTRAINT "apparatus_block_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source_correction" (
    "id" UUID NOT NULL,
    "edition_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "source_line" INTEGER NOT NULL,
    "before" TEXT NOT NULL,
    "after" TEXT NOT NULL,
    "reason" TEXT NOT NULL,

    CONSTRAINT "source_correction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bookmark" (
    "user_id" TEXT NOT NULL,
    "row_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "bookmark_pkey" PRIMARY KEY ("user_id","row_id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "role" NOT NULL DEFAULT 'scholar',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "last_request" BIGINT NOT NULL,

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_token" (
    "id" UUID NOT NULL,
    "user_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_token_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_setting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,

    CONSTRAINT "app_setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "work_slug_key" ON "work"("slug");

-- CreateIndex
CREATE INDEX "edition_imported_by_id_idx" ON "edition"("imported_by_id");

-- CreateIndex
CREATE INDEX "edition_superseded_by_id_idx" ON "edition"("superseded_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "edition_work_id_slug_key" ON "edition"("work_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "edition_id_work_id_key" ON "edition"("id", "work_id");

-- CreateIndex
CREATE INDEX "segment_work_id_idx" ON "segment"("work_id");

-- CreateIndex
CREATE INDEX "segment_row_id_idx" ON "segment"("row_id");

-- CreateIndex
CREATE UNIQUE INDEX "segment_edition_id_position_key" ON "segment"("edition_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "segment_edition_id_xml_id_key" ON "segment"("edition_id", "xml_id");

-- CreateIndex
CREATE INDEX "segment_lineage_segment_id_idx" ON "segment_lineage"("segment_id");

-- CreateIndex
CREATE INDEX "segment_lineage_source_segment_id_idx" ON "segment_lineage"("source_segment_id");

-- CreateIndex
CREATE INDEX "segment_lineage_operation_id_idx" ON "segment_lineage"("operation_id");

-- CreateIndex
CREATE UNIQUE INDEX "alignment_row_work_id_position_key" ON "alignment_row"("work_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "alignment_row_id_work_id_key" ON "alignment_row"("id", "work_id");

-- CreateIndex
CREATE INDEX "revision_segment_id_created_at_idx" ON "revision"("segment_id", "created_at");

-- CreateIndex
CREATE INDEX "revision_author_id_idx" ON "revision"("author_id");

-- CreateIndex
CREATE INDEX "revision_operation_id_idx" ON "revision"("operation_id");

-- CreateIndex
CREATE INDEX "grid_operation_work_id_created_at_idx" ON "grid_operation"("work_id", "created_at");

-- CreateIndex
CREATE INDEX "grid_operation_user_id_work_id_created_at_idx" ON "grid_operation"("user_id", "work_id", "created_at");

-- CreateIndex
CREATE INDEX "grid_operation_undo_of_id_idx" ON "grid_operation"("undo_of_id");

-- CreateIndex
CREATE INDEX "variant_work_id_status_idx" ON "variant"("work_id", "status");

-- CreateIndex
CREATE INDEX "variant_row_id_idx" ON "variant"("row_id");

-- CreateIndex
CREATE INDEX "variant_author_id_idx" ON "variant"("author_id");

-- CreateIndex
CREATE INDEX "variant_edition_edition_id_idx" ON "variant_edition"("edition_id");

-- CreateIndex
CREATE UNIQUE INDEX "apparatus_block_edition_id_position_key" ON "apparatus_block"("edition_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "source_correction_edition_id_position_key" ON "source_correction"("edition_id", "position");

-- CreateIndex
CREATE INDEX "bookmark_row_id_idx" ON "bookmark"("row_id");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "rate_limit_key_key" ON "rate_limit"("key");

-- CreateIndex
CREATE UNIQUE INDEX "api_token_token_hash_key" ON "api_token"("token_hash");

-- CreateIndex
CREATE INDEX "api_token_user_id_idx" ON "api_token"("user_id");

-- AddForeignKey
ALTER TABLE "work" ADD CONSTRAINT "work_pivot_edition_id_fkey" FOREIGN KEY ("pivot_edition_id") REFERENCES "edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edition" ADD CONSTRAINT "edition_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edition" ADD CONSTRAINT "edition_imported_by_id_fkey" FOREIGN KEY ("imported_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "edition" ADD CONSTRAINT "edition_superseded_by_id_fkey" FOREIGN KEY ("superseded_by_id") REFERENCES "edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_edition_id_work_id_fkey" FOREIGN KEY ("edition_id", "work_id") REFERENCES "edition"("id", "work_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment" ADD CONSTRAINT "segment_row_id_work_id_fkey" FOREIGN KEY ("row_id", "work_id") REFERENCES "alignment_row"("id", "work_id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_lineage" ADD CONSTRAINT "segment_lineage_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_lineage" ADD CONSTRAINT "segment_lineage_source_segment_id_fkey" FOREIGN KEY ("source_segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "segment_lineage" ADD CONSTRAINT "segment_lineage_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "grid_operation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alignment_row" ADD CONSTRAINT "alignment_row_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_segment_id_fkey" FOREIGN KEY ("segment_id") REFERENCES "segment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "revision" ADD CONSTRAINT "revision_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "grid_operation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grid_operation" ADD CONSTRAINT "grid_operation_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grid_operation" ADD CONSTRAINT "grid_operation_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grid_operation" ADD CONSTRAINT "grid_operation_undo_of_id_fkey" FOREIGN KEY ("undo_of_id") REFERENCES "grid_operation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant" ADD CONSTRAINT "variant_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant" ADD CONSTRAINT "variant_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "alignment_row"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant" ADD CONSTRAINT "variant_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_edition" ADD CONSTRAINT "variant_edition_variant_id_fkey" FOREIGN KEY ("variant_id") REFERENCES "variant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "variant_edition" ADD CONSTRAINT "variant_edition_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "apparatus_block" ADD CONSTRAINT "apparatus_block_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source_correction" ADD CONSTRAINT "source_correction_edition_id_fkey" FOREIGN KEY ("edition_id") REFERENCES "edition"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bookmark" ADD CONSTRAINT "bookmark_row_id_fkey" FOREIGN KEY ("row_id") REFERENCES "alignment_row"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_token" ADD CONSTRAINT "api_token_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Checks the schema language cannot express
ALTER TABLE "edition" ADD CONSTRAINT "edition_year_check" CHECK ("year" IS NULL OR "year" BETWEEN 1000 AND 2999);
ALTER TABLE "edition" ADD CONSTRAINT "edition_language_check" CHECK ("language" ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$');
ALTER TABLE "edition" ADD CONSTRAINT "edition_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "work" ADD CONSTRAINT "work_slug_check" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
ALTER TABLE "segment" ADD CONSTRAINT "segment_text_check" CHECK (length("text") > 0);
ALTER TABLE "segment" ADD CONSTRAINT "segment_position_check" CHECK ("position" >= 0 AND "paragraph" >= 0);
ALTER TABLE "alignment_row" ADD CONSTRAINT "alignment_row_confidence_check" CHECK ("confidence" IS NULL OR ("confidence" >= 0 AND "confidence" <= 1));
ALTER TABLE "revision" ADD CONSTRAINT "revision_reason_check" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "segment_lineage" ADD CONSTRAINT "segment_lineage_kind_check" CHECK ("kind" IN ('split', 'merge'));
