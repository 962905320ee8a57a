-- Search (docs/adr/025): the stored vectors live in the table's own rows, not in TOAST. A demo
-- article's vector is ~4.8 kB, so with the default storage every row tested against a query read
-- it from TOAST (the TOAST index and three chunks, ~4.5 buffers a row); with MAIN a vector up to
-- a page stays in its row and is tested where it lies. Longer vectors still go to TOAST.
-- Rows written before this keep their TOASTed vectors until `npm run search:reindex` rebuilds the
-- index (its new table is created LIKE this one, storage included).
ALTER TABLE "SearchDoc" ALTER COLUMN "readerDoc" SET STORAGE MAIN, ALTER COLUMN "staffDoc" SET STORAGE MAIN;
