-- Pruning grid snapshots (lib/db/snapshots/prune-snapshots.ts): a snapshot past the retention policy loses its
-- content but keeps its row, with the time it was pruned, so that the journal entry it belonged to can say that the
-- grid it replaced is no longer kept instead of offering a restore that would fail.

-- AlterTable
ALTER TABLE "grid_snapshot" ALTER COLUMN "content" DROP NOT NULL,
ADD COLUMN     "pruned_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "grid_snapshot_work_id_created_at_idx" ON "grid_snapshot"("work_id", "created_at");
