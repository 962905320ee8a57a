-- PostgreSQL only: its stored search vectors move out of TOAST (docs/adr/025). Nothing changes here.
SELECT 1;
