-- SQLite only: its FTS5 indexes merge in steps (docs/adr/030). Nothing changes here.
SELECT 1;
