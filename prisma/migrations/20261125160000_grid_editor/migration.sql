-- The alignment editor: one recorded operation per grid version of a work (the journal is gap-free for the
-- changes the editor makes), and a GIN index so that a row's history is found by its id in row_ids.

-- CreateIndex
CREATE UNIQUE INDEX "grid_operation_work_id_grid_version_key" ON "grid_operation"("work_id", "grid_version");

-- Per-row history: operations whose row_ids contain a row.
CREATE INDEX "grid_operation_row_ids_idx" ON "grid_operation" USING GIN ("row_ids");

-- The journal filters by kind.
CREATE INDEX "grid_operation_work_id_kind_grid_version_idx" ON "grid_operation"("work_id", "kind", "grid_version");
