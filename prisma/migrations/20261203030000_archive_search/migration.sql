-- The archive's full-text search (docs/archive.md): how far each meeting is indexed, and the FTS5 index.
-- CreateTable
CREATE TABLE "ArchiveIndexState" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "seq" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" DATETIME,
    "speeches" INTEGER NOT NULL,
    "suggestions" INTEGER NOT NULL,
    "indexedAt" DATETIME NOT NULL
);


-- One row per searchable unit. "grams" holds the text pre-tokenized by server/src/archive/tokenize.ts
-- (CJK as overlapping bigrams plus each run's last character, words whole, joined by spaces), so
-- unicode61 only splits on the spaces; the original text is kept UNINDEXED for snippets.
CREATE VIRTUAL TABLE "ArchiveText" USING fts5(
    "grams",
    "meetingId" UNINDEXED,
    "kind" UNINDEXED,
    "ref" UNINDEXED,
    "itemId" UNINDEXED,
    "item" UNINDEXED,
    "speaker" UNINDEXED,
    "text" UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
