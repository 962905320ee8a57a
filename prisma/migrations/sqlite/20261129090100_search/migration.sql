-- Full-text search (DESIGN §6, docs/adr/004-search.md).
--
-- Two external-content FTS5 indexes, each over a plain content table that triggers keep in step
-- with "Article" and "ArticleByline", so every write path (newsroom, scheduler, import, a direct
-- UPDATE in a SQL shell) updates search in the same transaction:
--   "SearchDoc"/"SearchFts"           the published copy of live articles (readers);
--   "StaffSearchDoc"/"StaffSearchFts" the working copy (stagedCopy when present) of every
--                                     article not in the trash (newsroom).
-- Reader rowids are publishedAt in milliseconds * 2^20 + (id mod 2^20), so rowid order is
-- publication order and "the newest K matches" is a backwards walk of the FTS doclists.
-- Column "facets" holds filter tokens (s<sectionId> for the primary and top-level section,
-- a<personId> per byline); user terms are confined to the other columns by the query builder.
-- Thai is written without spaces between words and unicode61 cannot segment it, so Thai
-- characters are indexed one per token and Thai query text becomes a phrase of characters:
-- an exact substring match, with no dictionary (see the ADR).

CREATE TABLE "SearchIndexState" (
    "id" INTEGER PRIMARY KEY CHECK ("id" = 1),
    -- 1 only inside the reindex transaction that empties the indexes (scripts/search-reindex.ts).
    "paused" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "SearchIndexState" ("id", "paused") VALUES (1, 0);

-- Plain text of both copies of every article. The body's text lives in "text" members (inlines,
-- headings, pull quotes) and image captions.
CREATE VIEW "SearchArticleText" AS
SELECT
    a."id" AS "articleId",
    a."publicationState" = 'published' AND a."deletedAt" IS NULL AND a."publishedAt" IS NOT NULL AS "live",
    a."deletedAt" IS NULL AS "kept",
    a."publishedAt" AS "publishedAt",
    a."headline" AS "headline",
    a."standfirst" AS "standfirst",
    CASE WHEN json_valid(a."body") THEN
        (SELECT coalesce(group_concat(j."value", char(10)), '') FROM json_tree(a."body") j WHERE j."key" IN ('text', 'caption') AND j."type" = 'text')
    ELSE '' END AS "body",
    CASE WHEN json_valid(a."stagedCopy") AND json_type(a."stagedCopy", '$.headline') = 'text' THEN json_extract(a."stagedCopy", '$.headline') ELSE a."headline" END AS "workingHeadline",
    CASE WHEN json_valid(a."stagedCopy") AND json_type(a."stagedCopy", '$.standfirst') = 'text' THEN json_extract(a."stagedCopy", '$.standfirst') ELSE a."standfirst" END AS "workingStandfirst",
    CASE WHEN json_valid(a."stagedCopy") AND json_type(a."stagedCopy", '$.body') = 'object' THEN
        (SELECT coalesce(group_concat(j."value", char(10)), '') FROM json_tree(a."stagedCopy", '$.body') j WHERE j."key" IN ('text', 'caption') AND j."type" = 'text')
    WHEN json_valid(a."body") THEN
        (SELECT coalesce(group_concat(j."value", char(10)), '') FROM json_tree(a."body") j WHERE j."key" IN ('text', 'caption') AND j."type" = 'text')
    ELSE '' END AS "workingBody",
    's' || a."primarySectionId" || ' s' || a."topSectionId"
        || coalesce((SELECT ' ' || group_concat('a' || b."personId", ' ') FROM "ArticleByline" b WHERE b."articleId" = a."id"), '') AS "facets"
FROM "Article" a;

CREATE VIEW "SearchReaderSource" AS
SELECT
    CAST(round(unixepoch(t."publishedAt", 'subsec') * 1000) AS INTEGER) * 1048576 + (t."articleId" % 1048576) AS "docId",
    t."articleId" AS "articleId",
    CASE WHEN t."headline" GLOB '*[ก-๛]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t."headline", 'ก', 'ก '), 'ข', 'ข '), 'ฃ', 'ฃ '), 'ค', 'ค '), 'ฅ', 'ฅ '), 'ฆ', 'ฆ '), 'ง', 'ง '), 'จ', 'จ '), 'ฉ', 'ฉ '), 'ช', 'ช '), 'ซ', 'ซ '), 'ฌ', 'ฌ '), 'ญ', 'ญ '), 'ฎ', 'ฎ '), 'ฏ', 'ฏ '), 'ฐ', 'ฐ '), 'ฑ', 'ฑ '), 'ฒ', 'ฒ '), 'ณ', 'ณ '), 'ด', 'ด '), 'ต', 'ต '), 'ถ', 'ถ '), 'ท', 'ท '), 'ธ', 'ธ '), 'น', 'น '), 'บ', 'บ '), 'ป', 'ป '), 'ผ', 'ผ '), 'ฝ', 'ฝ '), 'พ', 'พ '), 'ฟ', 'ฟ '), 'ภ', 'ภ '), 'ม', 'ม '), 'ย', 'ย '), 'ร', 'ร '), 'ฤ', 'ฤ '), 'ล', 'ล '), 'ฦ', 'ฦ '), 'ว', 'ว '), 'ศ', 'ศ '), 'ษ', 'ษ '), 'ส', 'ส '), 'ห', 'ห '), 'ฬ', 'ฬ '), 'อ', 'อ '), 'ฮ', 'ฮ '), 'ฯ', 'ฯ '), 'ะ', 'ะ '), 'ั', 'ั '), 'า', 'า '), 'ำ', 'ำ '), 'ิ', 'ิ '), 'ี', 'ี '), 'ึ', 'ึ '), 'ื', 'ื '), 'ุ', 'ุ '), 'ู', 'ู '), 'ฺ', 'ฺ '), '฿', '฿ '), 'เ', 'เ '), 'แ', 'แ '), 'โ', 'โ '), 'ใ', 'ใ '), 'ไ', 'ไ '), 'ๅ', 'ๅ '), 'ๆ', 'ๆ '), '็', '็ '), '่', '่ '), '้', '้ '), '๊', '๊ '), '๋', '๋ '), '์', '์ '), 'ํ', 'ํ '), '๎', '๎ '), '๏', '๏ '), '๐', '๐ '), '๑', '๑ '), '๒', '๒ '), '๓', '๓ '), '๔', '๔ '), '๕', '๕ '), '๖', '๖ '), '๗', '๗ '), '๘', '๘ '), '๙', '๙ '), '๚', '๚ '), '๛', '๛ ') ELSE t."headline" END AS "headline",
    CASE WHEN t."standfirst" GLOB '*[ก-๛]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t."standfirst", 'ก', 'ก '), 'ข', 'ข '), 'ฃ', 'ฃ '), 'ค', 'ค '), 'ฅ', 'ฅ '), 'ฆ', 'ฆ '), 'ง', 'ง '), 'จ', 'จ '), 'ฉ', 'ฉ '), 'ช', 'ช '), 'ซ', 'ซ '), 'ฌ', 'ฌ '), 'ญ', 'ญ '), 'ฎ', 'ฎ '), 'ฏ', 'ฏ '), 'ฐ', 'ฐ '), 'ฑ', 'ฑ '), 'ฒ', 'ฒ '), 'ณ', 'ณ '), 'ด', 'ด '), 'ต', 'ต '), 'ถ', 'ถ '), 'ท', 'ท '), 'ธ', 'ธ '), 'น', 'น '), 'บ', 'บ '), 'ป', 'ป '), 'ผ', 'ผ '), 'ฝ', 'ฝ '), 'พ', 'พ '), 'ฟ', 'ฟ '), 'ภ', 'ภ '), 'ม', 'ม '), 'ย', 'ย '), 'ร', 'ร '), 'ฤ', 'ฤ '), 'ล', 'ล '), 'ฦ', 'ฦ '), 'ว', 'ว '), 'ศ', 'ศ '), 'ษ', 'ษ '), 'ส', 'ส '), 'ห', 'ห '), 'ฬ', 'ฬ '), 'อ', 'อ '), 'ฮ', 'ฮ '), 'ฯ', 'ฯ '), 'ะ', 'ะ '), 'ั', 'ั '), 'า', 'า '), 'ำ', 'ำ '), 'ิ', 'ิ '), 'ี', 'ี '), 'ึ', 'ึ '), 'ื', 'ื '), 'ุ', 'ุ '), 'ู', 'ู '), 'ฺ', 'ฺ '), '฿', '฿ '), 'เ', 'เ '), 'แ', 'แ '), 'โ', 'โ '), 'ใ', 'ใ '), 'ไ', 'ไ '), 'ๅ', 'ๅ '), 'ๆ', 'ๆ '), '็', '็ '), '่', '่ '), '้', '้ '), '๊', '๊ '), '๋', '๋ '), '์', '์ '), 'ํ', 'ํ '), '๎', '๎ '), '๏', '๏ '), '๐', '๐ '), '๑', '๑ '), '๒', '๒ '), '๓', '๓ '), '๔', '๔ '), '๕', '๕ '), '๖', '๖ '), '๗', '๗ '), '๘', '๘ '), '๙', '๙ '), '๚', '๚ '), '๛', '๛ ') ELSE t."standfirst" END AS "standfirst",
    CASE WHEN t."body" GLOB '*[ก-๛]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t."body", 'ก', 'ก '), 'ข', 'ข '), 'ฃ', 'ฃ '), 'ค', 'ค '), 'ฅ', 'ฅ '), 'ฆ', 'ฆ '), 'ง', 'ง '), 'จ', 'จ '), 'ฉ', 'ฉ '), 'ช', 'ช '), 'ซ', 'ซ '), 'ฌ', 'ฌ '), 'ญ', 'ญ '), 'ฎ', 'ฎ '), 'ฏ', 'ฏ '), 'ฐ', 'ฐ '), 'ฑ', 'ฑ '), 'ฒ', 'ฒ '), 'ณ', 'ณ '), 'ด', 'ด '), 'ต', 'ต '), 'ถ', 'ถ '), 'ท', 'ท '), 'ธ', 'ธ '), 'น', 'น '), 'บ', 'บ '), 'ป', 'ป '), 'ผ', 'ผ '), 'ฝ', 'ฝ '), 'พ', 'พ '), 'ฟ', 'ฟ '), 'ภ', 'ภ '), 'ม', 'ม '), 'ย', 'ย '), 'ร', 'ร '), 'ฤ', 'ฤ '), 'ล', 'ล '), 'ฦ', 'ฦ '), 'ว', 'ว '), 'ศ', 'ศ '), 'ษ', 'ษ '), 'ส', 'ส '), 'ห', 'ห '), 'ฬ', 'ฬ '), 'อ', 'อ '), 'ฮ', 'ฮ '), 'ฯ', 'ฯ '), 'ะ', 'ะ '), 'ั', 'ั '), 'า', 'า '), 'ำ', 'ำ '), 'ิ', 'ิ '), 'ี', 'ี '), 'ึ', 'ึ '), 'ื', 'ื '), 'ุ', 'ุ '), 'ู', 'ู '), 'ฺ', 'ฺ '), '฿', '฿ '), 'เ', 'เ '), 'แ', 'แ '), 'โ', 'โ '), 'ใ', 'ใ '), 'ไ', 'ไ '), 'ๅ', 'ๅ '), 'ๆ', 'ๆ '), '็', '็ '), '่', '่ '), '้', '้ '), '๊', '๊ '), '๋', '๋ '), '์', '์ '), 'ํ', 'ํ '), '๎', '๎ '), '๏', '๏ '), '๐', '๐ '), '๑', '๑ '), '๒', '๒ '), '๓', '๓ '), '๔', '๔ '), '๕', '๕ '), '๖', '๖ '), '๗', '๗ '), '๘', '๘ '), '๙', '๙ '), '๚', '๚ '), '๛', '๛ ') ELSE t."body" END AS "body",
    t."facets" AS "facets"
FROM "SearchArticleText" t
WHERE t."live";

CREATE VIEW "SearchStaffSource" AS
SELECT
    t."articleId" AS "articleId",
    CASE WHEN t."workingHeadline" GLOB '*[ก-๛]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t."workingHeadline", 'ก', 'ก '), 'ข', 'ข '), 'ฃ', 'ฃ '), 'ค', 'ค '), 'ฅ', 'ฅ '), 'ฆ', 'ฆ '), 'ง', 'ง '), 'จ', 'จ '), 'ฉ', 'ฉ '), 'ช', 'ช '), 'ซ', 'ซ '), 'ฌ', 'ฌ '), 'ญ', 'ญ '), 'ฎ', 'ฎ '), 'ฏ', 'ฏ '), 'ฐ', 'ฐ '), 'ฑ', 'ฑ '), 'ฒ', 'ฒ '), 'ณ', 'ณ '), 'ด', 'ด '), 'ต', 'ต '), 'ถ', 'ถ '), 'ท', 'ท '), 'ธ', 'ธ '), 'น', 'น '), 'บ', 'บ '), 'ป', 'ป '), 'ผ', 'ผ '), 'ฝ', 'ฝ '), 'พ', 'พ '), 'ฟ', 'ฟ '), 'ภ', 'ภ '), 'ม', 'ม '), 'ย', 'ย '), 'ร', 'ร '), 'ฤ', 'ฤ '), 'ล', 'ล '), 'ฦ', 'ฦ '), 'ว', 'ว '), 'ศ', 'ศ '), 'ษ', 'ษ '), 'ส', 'ส '), 'ห', 'ห '), 'ฬ', 'ฬ '), 'อ', 'อ '), 'ฮ', 'ฮ '), 'ฯ', 'ฯ '), 'ะ', 'ะ '), 'ั', 'ั '), 'า', 'า '), 'ำ', 'ำ '), 'ิ', 'ิ '), 'ี', 'ี '), 'ึ', 'ึ '), 'ื', 'ื '), 'ุ', 'ุ '), 'ู', 'ู '), 'ฺ', 'ฺ '), '฿', '฿ '), 'เ', 'เ '), 'แ', 'แ '), 'โ', 'โ '), 'ใ', 'ใ '), 'ไ', 'ไ '), 'ๅ', 'ๅ '), 'ๆ', 'ๆ '), '็', '็ '), '่', '่ '), '้', '้ '), '๊', '๊ '), '๋', '๋ '), '์', '์ '), 'ํ', 'ํ '), '๎', '๎ '), '๏', '๏ '), '๐', '๐ '), '๑', '๑ '), '๒', '๒ '), '๓', '๓ '), '๔', '๔ '), '๕', '๕ '), '๖', '๖ '), '๗', '๗ '), '๘', '๘ '), '๙', '๙ '), '๚', '๚ '), '๛', '๛ ') ELSE t."workingHeadline" END AS "headline",
    CASE WHEN t."workingStandfirst" GLOB '*[ก-๛]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t."workingStandfirst", 'ก', 'ก '), 'ข', 'ข '), 'ฃ', 'ฃ '), 'ค', 'ค '), 'ฅ', 'ฅ '), 'ฆ', 'ฆ '), 'ง', 'ง '), 'จ', 'จ '), 'ฉ', 'ฉ '), 'ช', 'ช '), 'ซ', 'ซ '), 'ฌ', 'ฌ '), 'ญ', 'ญ '), 'ฎ', 'ฎ '), 'ฏ', 'ฏ '), 'ฐ', 'ฐ '), 'ฑ', 'ฑ '), 'ฒ', 'ฒ '), 'ณ', 'ณ '), 'ด', 'ด '), 'ต', 'ต '), 'ถ', 'ถ '), 'ท', 'ท '), 'ธ', 'ธ '), 'น', 'น '), 'บ', 'บ '), 'ป', 'ป '), 'ผ', 'ผ '), 'ฝ', 'ฝ '), 'พ', 'พ '), 'ฟ', 'ฟ '), 'ภ', 'ภ '), 'ม', 'ม '), 'ย', 'ย '), 'ร', 'ร '), 'ฤ', 'ฤ '), 'ล', 'ล '), 'ฦ', 'ฦ '), 'ว', 'ว '), 'ศ', 'ศ '), 'ษ', 'ษ '), 'ส', 'ส '), 'ห', 'ห '), 'ฬ', 'ฬ '), 'อ', 'อ '), 'ฮ', 'ฮ '), 'ฯ', 'ฯ '), 'ะ', 'ะ '), 'ั', 'ั '), 'า', 'า '), 'ำ', 'ำ '), 'ิ', 'ิ '), 'ี', 'ี '), 'ึ', 'ึ '), 'ื', 'ื '), 'ุ', 'ุ '), 'ู', 'ู '), 'ฺ', 'ฺ '), '฿', '฿ '), 'เ', 'เ '), 'แ', 'แ '), 'โ', 'โ '), 'ใ', 'ใ '), 'ไ', 'ไ '), 'ๅ', 'ๅ '), 'ๆ', 'ๆ '), '็', '็ '), '่', '่ '), '้', '้ '), '๊', '๊ '), '๋', '๋ '), '์', '์ '), 'ํ', 'ํ '), '๎', '๎ '), '๏', '๏ '), '๐', '๐ '), '๑', '๑ '), '๒', '๒ '), '๓', '๓ '), '๔', '๔ '), '๕', '๕ '), '๖', '๖ '), '๗', '๗ '), '๘', '๘ '), '๙', '๙ '), '๚', '๚ '), '๛', '๛ ') ELSE t."workingStandfirst" END AS "standfirst",
    CASE WHEN t."workingBody" GLOB '*[ก-๛]*' THEN replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(t."workingBody", 'ก', 'ก '), 'ข', 'ข '), 'ฃ', 'ฃ '), 'ค', 'ค '), 'ฅ', 'ฅ '), 'ฆ', 'ฆ '), 'ง', 'ง '), 'จ', 'จ '), 'ฉ', 'ฉ '), 'ช', 'ช '), 'ซ', 'ซ '), 'ฌ', 'ฌ '), 'ญ', 'ญ '), 'ฎ', 'ฎ '), 'ฏ', 'ฏ '), 'ฐ', 'ฐ '), 'ฑ', 'ฑ '), 'ฒ', 'ฒ '), 'ณ', 'ณ '), 'ด', 'ด '), 'ต', 'ต '), 'ถ', 'ถ '), 'ท', 'ท '), 'ธ', 'ธ '), 'น', 'น '), 'บ', 'บ '), 'ป', 'ป '), 'ผ', 'ผ '), 'ฝ', 'ฝ '), 'พ', 'พ '), 'ฟ', 'ฟ '), 'ภ', 'ภ '), 'ม', 'ม '), 'ย', 'ย '), 'ร', 'ร '), 'ฤ', 'ฤ '), 'ล', 'ล '), 'ฦ', 'ฦ '), 'ว', 'ว '), 'ศ', 'ศ '), 'ษ', 'ษ '), 'ส', 'ส '), 'ห', 'ห '), 'ฬ', 'ฬ '), 'อ', 'อ '), 'ฮ', 'ฮ '), 'ฯ', 'ฯ '), 'ะ', 'ะ '), 'ั', 'ั '), 'า', 'า '), 'ำ', 'ำ '), 'ิ', 'ิ '), 'ี', 'ี '), 'ึ', 'ึ '), 'ื', 'ื '), 'ุ', 'ุ '), 'ู', 'ู '), 'ฺ', 'ฺ '), '฿', '฿ '), 'เ', 'เ '), 'แ', 'แ '), 'โ', 'โ '), 'ใ', 'ใ '), 'ไ', 'ไ '), 'ๅ', 'ๅ '), 'ๆ', 'ๆ '), '็', '็ '), '่', '่ '), '้', '้ '), '๊', '๊ '), '๋', '๋ '), '์', '์ '), 'ํ', 'ํ '), '๎', '๎ '), '๏', '๏ '), '๐', '๐ '), '๑', '๑ '), '๒', '๒ '), '๓', '๓ '), '๔', '๔ '), '๕', '๕ '), '๖', '๖ '), '๗', '๗ '), '๘', '๘ '), '๙', '๙ '), '๚', '๚ '), '๛', '๛ ') ELSE t."workingBody" END AS "body",
    t."facets" AS "facets"
FROM "SearchArticleText" t
WHERE t."kept";

CREATE TABLE "SearchDoc" (
    "docId" INTEGER PRIMARY KEY,
    "articleId" INTEGER NOT NULL,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "facets" TEXT NOT NULL
);
CREATE UNIQUE INDEX "SearchDoc_articleId_key" ON "SearchDoc"("articleId");

CREATE TABLE "StaffSearchDoc" (
    "articleId" INTEGER PRIMARY KEY,
    "headline" TEXT NOT NULL,
    "standfirst" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "facets" TEXT NOT NULL
);

CREATE VIRTUAL TABLE "SearchFts" USING fts5(
    "headline", "standfirst", "body", "facets",
    content = 'SearchDoc', content_rowid = 'docId',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE "StaffSearchFts" USING fts5(
    "headline", "standfirst", "body", "facets",
    content = 'StaffSearchDoc', content_rowid = 'articleId',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Content tables -> FTS (the documented external-content pattern; rows are never updated in place).
CREATE TRIGGER "SearchDoc_ai" AFTER INSERT ON "SearchDoc" WHEN (SELECT "paused" FROM "SearchIndexState") = 0 BEGIN
    INSERT INTO "SearchFts" ("rowid", "headline", "standfirst", "body", "facets") VALUES (NEW."docId", NEW."headline", NEW."standfirst", NEW."body", NEW."facets");
END;
CREATE TRIGGER "SearchDoc_ad" AFTER DELETE ON "SearchDoc" WHEN (SELECT "paused" FROM "SearchIndexState") = 0 BEGIN
    INSERT INTO "SearchFts" ("SearchFts", "rowid", "headline", "standfirst", "body", "facets") VALUES ('delete', OLD."docId", OLD."headline", OLD."standfirst", OLD."body", OLD."facets");
END;
CREATE TRIGGER "StaffSearchDoc_ai" AFTER INSERT ON "StaffSearchDoc" WHEN (SELECT "paused" FROM "SearchIndexState") = 0 BEGIN
    INSERT INTO "StaffSearchFts" ("rowid", "headline", "standfirst", "body", "facets") VALUES (NEW."articleId", NEW."headline", NEW."standfirst", NEW."body", NEW."facets");
END;
CREATE TRIGGER "StaffSearchDoc_ad" AFTER DELETE ON "StaffSearchDoc" WHEN (SELECT "paused" FROM "SearchIndexState") = 0 BEGIN
    INSERT INTO "StaffSearchFts" ("StaffSearchFts", "rowid", "headline", "standfirst", "body", "facets") VALUES ('delete', OLD."articleId", OLD."headline", OLD."standfirst", OLD."body", OLD."facets");
END;

-- Article and byline writes -> content tables.
CREATE TRIGGER "Article_search_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = NEW."id";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = NEW."id";
END;
CREATE TRIGGER "Article_search_reader_au" AFTER UPDATE ON "Article"
WHEN OLD."headline" IS NOT NEW."headline" OR OLD."standfirst" IS NOT NEW."standfirst" OR OLD."body" IS NOT NEW."body"
    OR OLD."publicationState" IS NOT NEW."publicationState" OR OLD."publishedAt" IS NOT NEW."publishedAt" OR OLD."deletedAt" IS NOT NEW."deletedAt"
    OR OLD."primarySectionId" IS NOT NEW."primarySectionId" OR OLD."topSectionId" IS NOT NEW."topSectionId" OR OLD."id" IS NOT NEW."id"
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = OLD."id";
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = NEW."id";
END;
CREATE TRIGGER "Article_search_staff_au" AFTER UPDATE ON "Article"
WHEN OLD."headline" IS NOT NEW."headline" OR OLD."standfirst" IS NOT NEW."standfirst" OR OLD."body" IS NOT NEW."body"
    OR OLD."stagedCopy" IS NOT NEW."stagedCopy" OR OLD."deletedAt" IS NOT NEW."deletedAt"
    OR OLD."primarySectionId" IS NOT NEW."primarySectionId" OR OLD."topSectionId" IS NOT NEW."topSectionId" OR OLD."id" IS NOT NEW."id"
BEGIN
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = OLD."id";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = NEW."id";
END;
CREATE TRIGGER "Article_search_ad" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = OLD."id";
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = OLD."id";
END;

CREATE TRIGGER "ArticleByline_search_ai" AFTER INSERT ON "ArticleByline" BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = NEW."articleId";
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = NEW."articleId";
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = NEW."articleId";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = NEW."articleId";
END;
CREATE TRIGGER "ArticleByline_search_ad" AFTER DELETE ON "ArticleByline" BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" = OLD."articleId";
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" = OLD."articleId";
    DELETE FROM "StaffSearchDoc" WHERE "articleId" = OLD."articleId";
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" = OLD."articleId";
END;
CREATE TRIGGER "ArticleByline_search_au" AFTER UPDATE ON "ArticleByline"
WHEN OLD."personId" IS NOT NEW."personId" OR OLD."articleId" IS NOT NEW."articleId"
BEGIN
    DELETE FROM "SearchDoc" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
    INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
    DELETE FROM "StaffSearchDoc" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
    INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" IN (OLD."articleId", NEW."articleId");
END;

-- Index what already exists.
INSERT INTO "SearchDoc" SELECT * FROM "SearchReaderSource";
INSERT INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource";
