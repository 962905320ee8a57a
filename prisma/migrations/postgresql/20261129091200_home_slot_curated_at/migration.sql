-- Home curation remembers when it was saved (lib/home-curation.ts).
ALTER TABLE "HomeSlot" ADD COLUMN "curatedAt" TIMESTAMP(3);
