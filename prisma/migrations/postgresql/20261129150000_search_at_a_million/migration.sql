-- Search at 1,000,000 articles (docs/adr/019-postgresql-search-at-a-million.md).
--
-- 1. Filter tokens become lexemes no text can produce ('facet s12', 'facet a7': the parser never
--    yields a token with a space), so user terms need no weights to stay off them. A weighted
--    tsquery operand makes GIN recheck every candidate row, reading its vector from TOAST; without
--    weights GIN answers a query without phrases exactly.
-- 2. "staffDoc" is NULL when the working copy is the published copy (a live article without a
--    staged edit, nearly all of them): staff search reads coalesce("staffDoc", "readerDoc"). The
--    index stores and sorts each vector once instead of twice, which halves the work of a rebuild.
-- 3. The published copy's vector also holds its day of publication ('day 2026-11-29', UTC): a
--    query can then ask GIN for the matches of a few days only and recheck just those (phrases,
--    whose word positions only the stored vector has; lib/search/postgres.ts).
-- 4. Writes reach "SearchDocNext" too while it exists: `search:reindex` builds the new index there
--    and swaps it in (lib/search/reindex.ts), so readers search the complete old index meanwhile.

CREATE OR REPLACE FUNCTION search_vector(headline text, standfirst text, body jsonb, facets text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', unaccent(search_text(headline))), 'A')
        || setweight(to_tsvector('simple', unaccent(search_text(standfirst))), 'B')
        || setweight(to_tsvector('simple', unaccent(search_text(search_body_text(body)))), 'C')
        || array_to_tsvector(string_to_array('facet ' || replace(facets, ' ', ',facet '), ','))
$$;

CREATE OR REPLACE VIEW "SearchSource" AS
SELECT
    a."id" AS "articleId",
    CASE WHEN live THEN a."publishedAt" END AS "publishedAt",
    CASE WHEN live THEN published || array_to_tsvector(ARRAY['day ' || to_char(a."publishedAt", 'YYYY-MM-DD')]) END AS "readerDoc",
    CASE WHEN jsonb_typeof(a."stagedCopy") = 'object' THEN
        search_vector(
            coalesce(a."stagedCopy" ->> 'headline', a."headline"),
            coalesce(a."stagedCopy" ->> 'standfirst', a."standfirst"),
            coalesce(a."stagedCopy" -> 'body', a."body"),
            facets)
    WHEN NOT live THEN published END AS "staffDoc"
FROM "Article" a,
    LATERAL (SELECT a."publicationState" = 'published' AND a."publishedAt" IS NOT NULL AS live) l,
    LATERAL (
        SELECT 's' || a."primarySectionId" || ' s' || a."topSectionId"
            || coalesce((SELECT ' ' || string_agg('a' || b."personId", ' ') FROM "ArticleByline" b WHERE b."articleId" = a."id"), '') AS facets
        OFFSET 0
    ) f,
    LATERAL (SELECT search_vector(a."headline", a."standfirst", a."body", facets) AS published OFFSET 0) p
WHERE a."deletedAt" IS NULL;

ALTER TABLE "SearchDoc" ALTER COLUMN "staffDoc" DROP NOT NULL;

CREATE OR REPLACE FUNCTION search_refresh_article(article_id integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = article_id;
    INSERT INTO "SearchDoc" SELECT * FROM "SearchSource" WHERE "articleId" = article_id;
    IF to_regclass('"SearchDocNext"') IS NOT NULL THEN
        -- The rebuild may be copying this article at the same moment: its INSERT skips rows that
        -- exist, and this upsert overwrites a row it copied from an older snapshot.
        DELETE FROM "SearchDocNext" WHERE "articleId" = article_id;
        INSERT INTO "SearchDocNext" SELECT * FROM "SearchDoc" WHERE "articleId" = article_id
        ON CONFLICT ("articleId") DO UPDATE
            SET "publishedAt" = EXCLUDED."publishedAt", "readerDoc" = EXCLUDED."readerDoc", "staffDoc" = EXCLUDED."staffDoc";
    END IF;
END;
$$;

-- Every stored vector changes (facet lexemes, NULL working copies). The GIN indexes are dropped
-- for the refill and built again (the working copies' index now only over the rows that have
-- one): a build sorts, row-by-row GIN inserts would take hours at 1,000,000 articles.
DROP INDEX "SearchDoc_readerDoc_idx";
DROP INDEX "SearchDoc_staffDoc_idx";
TRUNCATE "SearchDoc";
INSERT INTO "SearchDoc" SELECT * FROM "SearchSource";
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX "SearchDoc_readerDoc_idx" ON "SearchDoc" USING GIN ("readerDoc");
CREATE INDEX "SearchDoc_staffDoc_idx" ON "SearchDoc" USING GIN ("staffDoc") WHERE "staffDoc" IS NOT NULL;
ANALYZE "SearchDoc";
