-- Jobs: heavy work (aligning a work, placing an imported edition in the grid, computing row signals) run by worker
-- processes from a PostgreSQL queue, never on a request. `job` is the record the UI reads; it replaces
-- `alignment_job`, whose rows it takes over. `job_worker` lists the worker processes. The queue itself
-- (graphile-worker's schema `graphile_worker`) is installed by lib/db/jobs/queue-schema.ts after the migrations.

-- CreateEnum
CREATE TYPE "job_status" AS ENUM ('queued', 'running', 'done', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "job_worker" (
    "id" SERIAL NOT NULL,
    "hostname" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "concurrency" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_worker_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "job" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "work_id" UUID NOT NULL,
    "user_id" TEXT,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "exclusive_group" TEXT,
    "status" "job_status" NOT NULL DEFAULT 'queued',
    "progress" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "message" TEXT NOT NULL DEFAULT '',
    "result" JSONB,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 3,
    "run_token" UUID,
    "worker_id" INTEGER,
    "lease_until" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3),
    "cancelled_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "job_work_id_created_at_idx" ON "job"("work_id", "created_at");

-- CreateIndex
CREATE INDEX "job_user_id_idx" ON "job"("user_id");

-- CreateIndex
CREATE INDEX "job_cancelled_by_id_idx" ON "job"("cancelled_by_id");

-- CreateIndex
CREATE INDEX "job_worker_id_idx" ON "job"("worker_id");

-- AddForeignKey
ALTER TABLE "job" ADD CONSTRAINT "job_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job" ADD CONSTRAINT "job_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job" ADD CONSTRAINT "job_cancelled_by_id_fkey" FOREIGN KEY ("cancelled_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job" ADD CONSTRAINT "job_worker_id_fkey" FOREIGN KEY ("worker_id") REFERENCES "job_worker"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "job" ADD CONSTRAINT "job_progress_check" CHECK ("progress" >= 0 AND "progress" <= 1);
ALTER TABLE "job" ADD CONSTRAINT "job_attempts_check" CHECK ("attempts" >= 0 AND "max_attempts" >= 1);

-- At most one queued or running job per work and exclusive group (e.g. one alignment at a time per work). An
-- exclusion constraint rather than a partial unique index, for the reason given in 20261125190000_alignment_jobs.
ALTER TABLE "job" ADD CONSTRAINT "job_one_active_per_work_and_group"
    EXCLUDE USING btree ("work_id" WITH =, "exclusive_group" WITH =)
    WHERE ("status" IN ('queued', 'running') AND "exclusive_group" IS NOT NULL);

-- What workers scan every few seconds: the active jobs.
CREATE INDEX "job_active_idx" ON "job"("status", "lease_until") WHERE "status" IN ('queued', 'running');

-- The alignment jobs so far become jobs of kind "align" / "realign". One that was queued or running ran inside an
-- app server that is now being replaced: it is recorded as failed, having changed nothing (its write was one
-- transaction that never committed).
INSERT INTO "job" ("id", "kind", "work_id", "user_id", "payload", "exclusive_group", "status", "progress", "message",
                   "result", "attempts", "max_attempts", "created_at", "started_at", "heartbeat_at", "finished_at")
SELECT "id", "mode"::text, "work_id", "user_id",
       CASE WHEN "pivot_edition_id" IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('pivotEditionId', "pivot_edition_id") END,
       'alignment',
       CASE WHEN "status" IN ('queued', 'running') THEN 'failed'::"job_status" ELSE "status"::text::"job_status" END,
       "progress",
       CASE WHEN "status" IN ('queued', 'running')
            THEN 'Stopped when Hexapla moved alignment to workers; the grid was not changed. Start it again.'
            ELSE "message" END,
       "result",
       CASE WHEN "started_at" IS NULL THEN 0 ELSE 1 END,
       3, "created_at", "started_at", "heartbeat_at",
       CASE WHEN "status" IN ('queued', 'running') THEN CURRENT_TIMESTAMP ELSE "finished_at" END
FROM "alignment_job";

-- DropTable
DROP TABLE "alignment_job";

-- DropEnum
DROP TYPE "alignment_job_mode";

-- DropEnum
DROP TYPE "alignment_job_status";
