-- The search indexes never merge a whole level inside a writer's transaction: FTS5's highest
-- crisismerge. The server's merge job merges in short steps instead (docs/adr/030).
INSERT INTO "SearchFts" ("SearchFts", "rank") VALUES ('crisismerge', 1999);
INSERT INTO "StaffSearchFts" ("StaffSearchFts", "rank") VALUES ('crisismerge', 1999);
INSERT INTO "RecentSearchFts" ("RecentSearchFts", "rank") VALUES ('crisismerge', 1999);
