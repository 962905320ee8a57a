-- WordPress dated permalinks (/yyyy/mm/dd/slug) are resolved by slug alone; without this index each
-- such request scanned every article: 2.5 s at 1,000,000 articles, for any URL anyone can make up.
CREATE INDEX "Article_slug_idx" ON "Article"("slug");
