-- Export files: an export of a large work written by the `export-work` job (lib/db/jobs/kinds/export-work.ts), kept
-- with the job that made it until `expires_at` (workers prune expired files). The bytes are stored in chunks of at
-- most 1 MiB, so a download streams them one chunk at a time; the file and its chunks are written in the
-- transaction that completes the job, so a run that dies or is cancelled leaves nothing behind.

-- CreateTable
CREATE TABLE "export_file" (
    "job_id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "bytes" BIGINT NOT NULL,
    "chunks" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "export_file_pkey" PRIMARY KEY ("job_id")
);

-- CreateTable
CREATE TABLE "export_file_chunk" (
    "job_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "export_file_chunk_pkey" PRIMARY KEY ("job_id", "seq"),
    CONSTRAINT "export_file_chunk_size" CHECK (octet_length("data") BETWEEN 1 AND 1048576)
);

-- CreateIndex
CREATE INDEX "export_file_work_id_created_at_idx" ON "export_file"("work_id", "created_at");

-- CreateIndex
CREATE INDEX "export_file_expires_at_idx" ON "export_file"("expires_at");

-- AddForeignKey
ALTER TABLE "export_file" ADD CONSTRAINT "export_file_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "job"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_file" ADD CONSTRAINT "export_file_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "export_file_chunk" ADD CONSTRAINT "export_file_chunk_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "export_file"("job_id") ON DELETE CASCADE ON UPDATE CASCADE;
