-- Full-text search (DESIGN §6, docs/adr/004-search.md).
--
-- "SearchDoc" holds one row per article not in the trash: a stored tsvector of the published copy
-- ("readerDoc", NULL unless live) and one of the working copy ("staffDoc", stagedCopy when present),
-- each with a GIN index. Triggers on "Article" and "ArticleByline" rebuild an article's row in the
-- same transaction as every write, whoever makes it.
-- Weights: A headline, B standfirst, C body, D filter tokens (s<sectionId> for the primary and
-- top-level section, a<personId> per byline); the query builder confines user terms to A-C.
-- The 'simple' configuration (no stemming, no stop words) behind unaccent matches SQLite's
-- unicode61 remove_diacritics, so both databases find the same articles.
-- Thai has no spaces between words and no parser here segments it, so Thai characters are indexed
-- one per lexeme and Thai query text becomes a phrase of characters (an exact substring match).

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE FUNCTION search_text(content text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT regexp_replace(coalesce(content, ''), '([\u0E00-\u0E7F])', '\1 ', 'g')
$$;

-- The body's text lives in "text" members (inlines, headings, pull quotes) and image captions.
CREATE FUNCTION search_body_text(body jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(value #>> '{}', E'\n'), '')
    FROM jsonb_path_query(coalesce(body, '{}'::jsonb), 'strict $.** ? (@.type() == "object")') AS node,
         LATERAL (SELECT node -> 'text' AS value UNION ALL SELECT node -> 'caption') AS member
    WHERE jsonb_typeof(value) = 'string'
$$;

CREATE FUNCTION search_vector(headline text, standfirst text, body jsonb, facets text) RETURNS tsvector
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('simple', unaccent(search_text(headline))), 'A')
        || setweight(to_tsvector('simple', unaccent(search_text(standfirst))), 'B')
        || setweight(to_tsvector('simple', unaccent(search_text(search_body_text(body)))), 'C')
        || setweight(to_tsvector('simple', facets), 'D')
$$;

CREATE TABLE "SearchDoc" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "publishedAt" TIMESTAMP(3),
    "readerDoc" TSVECTOR,
    "staffDoc" TSVECTOR NOT NULL
);
CREATE INDEX "SearchDoc_readerDoc_idx" ON "SearchDoc" USING GIN ("readerDoc");
CREATE INDEX "SearchDoc_staffDoc_idx" ON "SearchDoc" USING GIN ("staffDoc");
CREATE INDEX "SearchDoc_publishedAt_idx" ON "SearchDoc" ("publishedAt" DESC) WHERE "readerDoc" IS NOT NULL;

CREATE VIEW "SearchSource" AS
SELECT
    a."id" AS "articleId",
    CASE WHEN live THEN a."publishedAt" END AS "publishedAt",
    CASE WHEN live THEN published END AS "readerDoc",
    CASE WHEN jsonb_typeof(a."stagedCopy") = 'object' THEN
        search_vector(
            coalesce(a."stagedCopy" ->> 'headline', a."headline"),
            coalesce(a."stagedCopy" ->> 'standfirst', a."standfirst"),
            coalesce(a."stagedCopy" -> 'body', a."body"),
            facets)
    ELSE published END AS "staffDoc"
FROM "Article" a,
    LATERAL (SELECT a."publicationState" = 'published' AND a."publishedAt" IS NOT NULL AS live) l,
    LATERAL (
        SELECT 's' || a."primarySectionId" || ' s' || a."topSectionId"
            || coalesce((SELECT ' ' || string_agg('a' || b."personId", ' ') FROM "ArticleByline" b WHERE b."articleId" = a."id"), '') AS facets
    ) f,
    LATERAL (SELECT search_vector(a."headline", a."standfirst", a."body", facets) AS published) p
WHERE a."deletedAt" IS NULL;

CREATE FUNCTION search_refresh(article_ids integer[]) RETURNS void
LANGUAGE sql AS $$
    DELETE FROM "SearchDoc" WHERE "articleId" = ANY (article_ids);
    INSERT INTO "SearchDoc" SELECT * FROM "SearchSource" WHERE "articleId" = ANY (article_ids);
$$;

CREATE FUNCTION search_article_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM search_refresh(ARRAY[OLD."id"]);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM search_refresh(ARRAY[NEW."id"]);
    ELSE
        PERFORM search_refresh(ARRAY[OLD."id", NEW."id"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION search_byline_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM search_refresh(ARRAY[OLD."articleId"]);
    ELSIF TG_OP = 'INSERT' THEN
        PERFORM search_refresh(ARRAY[NEW."articleId"]);
    ELSE
        PERFORM search_refresh(ARRAY[OLD."articleId", NEW."articleId"]);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search_insert_delete" AFTER INSERT OR DELETE ON "Article"
    FOR EACH ROW EXECUTE FUNCTION search_article_changed();
CREATE TRIGGER "Article_search_update" AFTER UPDATE ON "Article"
    FOR EACH ROW
    WHEN (OLD."headline" IS DISTINCT FROM NEW."headline" OR OLD."standfirst" IS DISTINCT FROM NEW."standfirst"
        OR OLD."body" IS DISTINCT FROM NEW."body" OR OLD."stagedCopy" IS DISTINCT FROM NEW."stagedCopy"
        OR OLD."publicationState" IS DISTINCT FROM NEW."publicationState" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
        OR OLD."deletedAt" IS DISTINCT FROM NEW."deletedAt" OR OLD."primarySectionId" IS DISTINCT FROM NEW."primarySectionId"
        OR OLD."topSectionId" IS DISTINCT FROM NEW."topSectionId" OR OLD."id" IS DISTINCT FROM NEW."id")
    EXECUTE FUNCTION search_article_changed();
CREATE TRIGGER "ArticleByline_search_insert_delete" AFTER INSERT OR DELETE ON "ArticleByline"
    FOR EACH ROW EXECUTE FUNCTION search_byline_changed();
CREATE TRIGGER "ArticleByline_search_update" AFTER UPDATE ON "ArticleByline"
    FOR EACH ROW
    WHEN (OLD."personId" IS DISTINCT FROM NEW."personId" OR OLD."articleId" IS DISTINCT FROM NEW."articleId")
    EXECUTE FUNCTION search_byline_changed();

-- Index what already exists.
INSERT INTO "SearchDoc" SELECT * FROM "SearchSource";
