-- Search (docs/adr/004-search.md): refresh one article at a time. With `"articleId" = ANY (array)`
-- and stale statistics the planner walked the "deletedAt" index and filtered every article, so
-- each trigger call read the whole table; an equality on the primary key cannot be planned that way.

CREATE FUNCTION search_refresh_article(article_id integer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = article_id;
    INSERT INTO "SearchDoc" SELECT * FROM "SearchSource" WHERE "articleId" = article_id;
END;
$$;

CREATE OR REPLACE FUNCTION search_article_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM search_refresh_article(OLD."id");
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."id" <> OLD."id") THEN
        PERFORM search_refresh_article(NEW."id");
    END IF;
    RETURN NULL;
END;
$$;

CREATE OR REPLACE FUNCTION search_byline_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM search_refresh_article(OLD."articleId");
    END IF;
    IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW."articleId" <> OLD."articleId") THEN
        PERFORM search_refresh_article(NEW."articleId");
    END IF;
    RETURN NULL;
END;
$$;

DROP FUNCTION search_refresh(integer[]);

-- PL/pgSQL keeps its plans for the session; SQL-language functions with a FROM clause are planned
-- again in every statement, which cost each trigger call ~10 ms.
CREATE OR REPLACE FUNCTION search_body_text(body jsonb) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
    RETURN (
        SELECT coalesce(string_agg(value #>> '{}', E'\n'), '')
        FROM jsonb_path_query(coalesce(body, '{}'::jsonb), 'strict $.** ? (@.type() == "object")') AS node,
             LATERAL (SELECT node -> 'text' AS value UNION ALL SELECT node -> 'caption') AS member
        WHERE jsonb_typeof(value) = 'string'
    );
END;
$$;
