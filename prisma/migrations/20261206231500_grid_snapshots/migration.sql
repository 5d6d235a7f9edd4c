-- Grid snapshots: the grid a whole-grid write replaced (aligning a work, importing an edition into it, restoring an
-- earlier grid), kept with the journal entry of that write so that an editor can restore it. The content is one
-- jsonb document (lib/db/snapshots/snapshot-content.ts): the work's rows, each segment's row, word-link sets, the
-- rows' cached signals and word statistics, where variants and bookmarks pointed, and, when a restore removed an
-- edition, that edition with its text.

-- CreateTable
CREATE TABLE "grid_snapshot" (
    "id" UUID NOT NULL,
    "work_id" UUID NOT NULL,
    "operation_id" UUID,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "grid_snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "grid_snapshot_operation_id_key" ON "grid_snapshot"("operation_id");

-- CreateIndex
CREATE INDEX "grid_snapshot_work_id_idx" ON "grid_snapshot"("work_id");

-- AddForeignKey
ALTER TABLE "grid_snapshot" ADD CONSTRAINT "grid_snapshot_work_id_fkey" FOREIGN KEY ("work_id") REFERENCES "work"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "grid_snapshot" ADD CONSTRAINT "grid_snapshot_operation_id_fkey" FOREIGN KEY ("operation_id") REFERENCES "grid_operation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
