-- The newsroom list sorted by publication date walks this index from its keyset cursor (docs/adr/016).
CREATE INDEX "Article_deletedAt_publishedAt_id_idx" ON "Article"("deletedAt", "publishedAt", "id");
