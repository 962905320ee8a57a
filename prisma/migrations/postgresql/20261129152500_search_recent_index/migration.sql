-- SQLite only: a second FTS5 index over the newest published copies (docs/adr/021). PostgreSQL
-- search has its own plan (docs/adr/019); nothing changes here.
SELECT 1;
