CREATE INDEX "Article_deletedAt_updatedAt_id_idx" ON "Article"("deletedAt", "updatedAt", "id");
