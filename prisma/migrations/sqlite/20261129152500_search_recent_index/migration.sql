-- A second reader index over the newest published copies only (docs/adr/021). FTS5 does work in
-- proportion to a term's whole doclist in two places whatever LIMIT the query has: bm25() counts
-- every document containing each phrase, and a prefix term merges the doclists of every token it
-- matches. At 1,000,000 articles a common word cost 35-40 ms in bm25 and 60-110 ms as a prefix;
-- over the newest 100,000 the same work is a tenth. Queries try this index first and fall back to
-- "SearchFts" when it holds fewer matches than they rank.
--
-- It indexes exactly the "SearchDoc" rows with "docId" >= "recentFloor" (docIds are publication
-- order). The floor starts above every docId (the index is empty and unused) and is moved by
-- lib/search/recent.ts, which adds or removes the rows between the old and the new floor in small
-- batches. Like "SearchFts" it is external content; never run its 'rebuild' or 'integrity-check',
-- which assume it holds every "SearchDoc" row.
ALTER TABLE "SearchIndexState" ADD COLUMN "recentFloor" INTEGER NOT NULL DEFAULT 9223372036854775807;

CREATE VIRTUAL TABLE "RecentSearchFts" USING fts5(
    "headline", "standfirst", "body", "facets",
    content = 'SearchDoc', content_rowid = 'docId',
    tokenize = 'unicode61 remove_diacritics 2'
);

DROP TRIGGER "SearchDoc_ai";
DROP TRIGGER "SearchDoc_ad";

CREATE TRIGGER "SearchDoc_ai" AFTER INSERT ON "SearchDoc" WHEN (SELECT "paused" FROM "SearchIndexState") = 0 BEGIN
    INSERT INTO "SearchFts" ("rowid", "headline", "standfirst", "body", "facets") VALUES (NEW."docId", NEW."headline", NEW."standfirst", NEW."body", NEW."facets");
    INSERT INTO "RecentSearchFts" ("rowid", "headline", "standfirst", "body", "facets")
        SELECT NEW."docId", NEW."headline", NEW."standfirst", NEW."body", NEW."facets" FROM "SearchIndexState" WHERE NEW."docId" >= "recentFloor";
END;
CREATE TRIGGER "SearchDoc_ad" AFTER DELETE ON "SearchDoc" WHEN (SELECT "paused" FROM "SearchIndexState") = 0 BEGIN
    INSERT INTO "SearchFts" ("SearchFts", "rowid", "headline", "standfirst", "body", "facets") VALUES ('delete', OLD."docId", OLD."headline", OLD."standfirst", OLD."body", OLD."facets");
    INSERT INTO "RecentSearchFts" ("RecentSearchFts", "rowid", "headline", "standfirst", "body", "facets")
        SELECT 'delete', OLD."docId", OLD."headline", OLD."standfirst", OLD."body", OLD."facets" FROM "SearchIndexState" WHERE OLD."docId" >= "recentFloor";
END;
