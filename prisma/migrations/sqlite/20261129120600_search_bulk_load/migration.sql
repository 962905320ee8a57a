-- Bulk loads (the seed) suspend the search triggers and rebuild the index once at the end
-- (docs/adr/016-bulk-seeding-and-scale.md): per row, the triggers re-read the article through the
-- views once for the article and again for every byline, which made seeding 1,000,000 articles
-- take hours. SQLite cannot disable a trigger, and dropping them would lose them to a crash, so
-- each trigger now checks "bulkLoad", a flag that lives in the database: an interrupted seed
-- leaves it set where `npm run search:reindex` (which clears it, then rebuilds) finds it.
ALTER TABLE "SearchIndexState" ADD COLUMN "bulkLoad" INTEGER NOT NULL DEFAULT 0;

DROP TRIGGER "Article_search_ai";
DROP TRIGGER "Article_search_reader_au";
DROP TRIGGER "Article_search_staff_au";
DROP TRIGGER "Article_search_ad";
DROP TRIGGER "ArticleByline_search_ai";
DROP TRIGGER "ArticleByline_search_ad";
DROP TRIGGER "ArticleByline_search_au";

CREATE TRIGGER "Article_search_ai" AFTER INSERT ON "Article"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0
BEGIN
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = NEW."id";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = NEW."id";
END;
CREATE TRIGGER "Article_search_reader_au" AFTER UPDATE ON "Article"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0 AND (
    OLD."headline" IS NOT NEW."headline" OR OLD."standfirst" IS NOT NEW."standfirst" OR OLD."body" IS NOT NEW."body"
    OR OLD."publicationState" IS NOT NEW."publicationState" OR OLD."publishedAt" IS NOT NEW."publishedAt" OR OLD."deletedAt" IS NOT NEW."deletedAt"
    OR OLD."primarySectionId" IS NOT NEW."primarySectionId" OR OLD."topSectionId" IS NOT NEW."topSectionId" OR OLD."id" IS NOT NEW."id")
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = OLD."id";
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = NEW."id";
END;
CREATE TRIGGER "Article_search_staff_au" AFTER UPDATE ON "Article"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0 AND (
    OLD."headline" IS NOT NEW."headline" OR OLD."standfirst" IS NOT NEW."standfirst" OR OLD."body" IS NOT NEW."body"
    OR OLD."stagedCopy" IS NOT NEW."stagedCopy" OR OLD."deletedAt" IS NOT NEW."deletedAt"
    OR OLD."primarySectionId" IS NOT NEW."primarySectionId" OR OLD."topSectionId" IS NOT NEW."topSectionId" OR OLD."id" IS NOT NEW."id")
BEGIN
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = OLD."id";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = NEW."id";
END;
CREATE TRIGGER "Article_search_ad" AFTER DELETE ON "Article"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = OLD."id";
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = OLD."id";
END;
CREATE TRIGGER "ArticleByline_search_ai" AFTER INSERT ON "ArticleByline"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = NEW."articleId";
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = NEW."articleId";
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = NEW."articleId";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = NEW."articleId";
END;
CREATE TRIGGER "ArticleByline_search_ad" AFTER DELETE ON "ArticleByline"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = OLD."articleId";
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = OLD."articleId";
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = OLD."articleId";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = OLD."articleId";
END;
CREATE TRIGGER "ArticleByline_search_au" AFTER UPDATE ON "ArticleByline"
WHEN (SELECT "bulkLoad" FROM "SearchIndexState") = 0 AND (OLD."personId" IS NOT NEW."personId" OR OLD."articleId" IS NOT NEW."articleId")
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
    DELETE FROM "StaffSearchDoc" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
END;
