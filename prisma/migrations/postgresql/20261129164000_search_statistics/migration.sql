-- Search (docs/adr/019): with the default statistics target a word outside the ~1,000 most common
-- lexemes is estimated at 0.5 % of rows. A rare word ("exports", 208 of 972,265 published copies)
-- then looked common enough for the planner to walk the date index, reading every vector: 9.3 s.
-- A larger sample keeps ~10 times as many lexemes, so such words are estimated as rare and go to GIN.
ALTER TABLE "SearchDoc" ALTER COLUMN "readerDoc" SET STATISTICS 1000, ALTER COLUMN "staffDoc" SET STATISTICS 1000;
ANALYZE "SearchDoc";
