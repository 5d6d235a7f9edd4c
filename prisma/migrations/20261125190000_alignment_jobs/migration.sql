-- Alignment jobs: one run of the automatic aligner over a work, with its progress, kept in the database so that
-- every app server can show it.

-- CreateEnum
CREATE TYPE "alignment_job_mode" AS ENUM ('align', 'realign');

-- CreateEnum
CREATE TYPE "alignment_job_status" AS ENUM ('queued', 'running', 'done', 'failed');

-- CreateTable
CREATE TABLE "alignment_job" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "mode" "alignment_job_mode" NOT NULL,
    "status" "alignment_job_status" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "pivot_edition_id" UUID,
    "user_id" TEXT,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "alignment_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alignment_job_work_id_created_at_idx" ON "alignment_job"("work_id", "created_at");

-- CreateIndex
CREATE INDEX "alignment_job_pivot_edition_id_idx" ON "alignment_job"("pivot_edition_id");

-- CreateIndex
CREATE INDEX "alignment_job_user_id_idx" ON "alignment_job"("user_id");

-- AddForeignKey
ALTER TABLE "alignment_job" ADD CONSTRAINT "alignment_job_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alignment_job" ADD CONSTRAINT "alignment_job_pivot_edition_id_fkey" FOREIGN KEY ("pivot_edition_id") REFERENCES "edition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alignment_job" ADD CONSTRAINT "alignment_job_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Progress is a share.
ALTER TABLE "alignment_job" ADD CONSTRAINT "alignment_job_progress_check" CHECK ("progress" >= 0 AND "progress" <= 1);

-- A work cannot have two jobs queued or running at once: a partial uniqueness of work_id over the active jobs.
-- Written as an exclusion constraint (equality on work_id, restricted to active jobs), which enforces exactly
-- what a partial unique index would; unlike one, it is not a unique key of the table, which schema.prisma can
-- only declare for a whole column (@@unique([workId]) would be false here).
ALTER TABLE "alignment_job" ADD CONSTRAINT "alignment_job_one_active_per_work"
    EXCLUDE USING btree ("work_id" WITH =) WHERE ("status" IN ('queued', 'running'));
