-- PDF exports: a parallel edition printed by the `export-pdf` job (lib/db/jobs/kinds/export-pdf.ts), kept with the
-- job that made it (and forgotten with it). A file is at most 50 MB; the job keeps the latest few per work.

-- CreateTable
CREATE TABLE "pdf_export" (
    "job_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "file_name" TEXT NOT NULL,
    "pages" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "content" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "pdf_export_pkey" PRIMARY KEY ("job_id"),
    CONSTRAINT "pdf_export_size" CHECK (octet_length("content") = "bytes" AND "bytes" <= 52428800)
);

-- CreateIndex
CREATE INDEX "pdf_export_work_id_created_at_idx" ON "pdf_export"("work_id", "created_at");

-- AddForeignKey
ALTER TABLE "pdf_export" ADD CONSTRAINT "pdf_export_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pdf_export" ADD CONSTRAINT "pdf_export_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;
