CREATE INDEX "Article_publicationState_publishedAt_contentUpdatedAt_idx" ON "Article"("publicationState", "publishedAt", "contentUpdatedAt");
