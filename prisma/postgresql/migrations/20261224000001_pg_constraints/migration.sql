-- What the SQLite migrations add by hand beyond Prisma's schema, for PostgreSQL (docs/postgresql.md):
-- the append-only and never-deleted tables' triggers, PollVoter's CHECK on "via", and the archive's
-- text table (FTS5 on SQLite). The messages are the SQLite triggers' own.

-- One trigger function for every refusal: its argument is the message.
CREATE FUNCTION yst_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;

-- The meeting's event log is append-only (also against TRUNCATE, which has no SQLite twin).
CREATE TRIGGER "MeetingEvent_no_update" BEFORE UPDATE ON "MeetingEvent" FOR EACH ROW EXECUTE FUNCTION yst_refuse('MeetingEvent is append-only');
CREATE TRIGGER "MeetingEvent_no_delete" BEFORE DELETE ON "MeetingEvent" FOR EACH ROW EXECUTE FUNCTION yst_refuse('MeetingEvent is append-only');
CREATE TRIGGER "MeetingEvent_no_truncate" BEFORE TRUNCATE ON "MeetingEvent" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('MeetingEvent is append-only');

-- A saved minutes version never changes and is never deleted; only its approval is recorded, once.
CREATE TRIGGER "MinutesVersion_no_delete" BEFORE DELETE ON "MinutesVersion" FOR EACH ROW EXECUTE FUNCTION yst_refuse('MinutesVersion rows are never deleted');
CREATE TRIGGER "MinutesVersion_no_truncate" BEFORE TRUNCATE ON "MinutesVersion" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('MinutesVersion rows are never deleted');
CREATE TRIGGER "MinutesVersion_approved_locked" BEFORE UPDATE ON "MinutesVersion" FOR EACH ROW
  WHEN (OLD."approvedAt" IS NOT NULL) EXECUTE FUNCTION yst_refuse('An approved MinutesVersion is locked');
CREATE TRIGGER "MinutesVersion_content_fixed" BEFORE UPDATE ON "MinutesVersion" FOR EACH ROW
  WHEN (NEW."meetingId" IS DISTINCT FROM OLD."meetingId" OR NEW."number" IS DISTINCT FROM OLD."number" OR NEW."blocks" IS DISTINCT FROM OLD."blocks"
    OR NEW."source" IS DISTINCT FROM OLD."source" OR NEW."note" IS DISTINCT FROM OLD."note" OR NEW."authorName" IS DISTINCT FROM OLD."authorName"
    OR NEW."authorParticipantId" IS DISTINCT FROM OLD."authorParticipantId" OR NEW."authorAccountId" IS DISTINCT FROM OLD."authorAccountId"
    OR NEW."createdAt" IS DISTINCT FROM OLD."createdAt")
  EXECUTE FUNCTION yst_refuse('A saved MinutesVersion never changes; only its approval is recorded');

-- The ledger: items, steps and attachments are never deleted; a step never changes.
CREATE TRIGGER "LedgerItem_no_delete" BEFORE DELETE ON "LedgerItem" FOR EACH ROW EXECUTE FUNCTION yst_refuse('LedgerItem rows are never deleted');
CREATE TRIGGER "LedgerItem_no_truncate" BEFORE TRUNCATE ON "LedgerItem" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('LedgerItem rows are never deleted');
CREATE TRIGGER "LedgerStep_no_delete" BEFORE DELETE ON "LedgerStep" FOR EACH ROW EXECUTE FUNCTION yst_refuse('LedgerStep rows are never deleted');
CREATE TRIGGER "LedgerStep_no_truncate" BEFORE TRUNCATE ON "LedgerStep" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('LedgerStep rows are never deleted');
CREATE TRIGGER "LedgerStep_no_update" BEFORE UPDATE ON "LedgerStep" FOR EACH ROW EXECUTE FUNCTION yst_refuse('A LedgerStep never changes');
CREATE TRIGGER "LedgerAttachment_no_delete" BEFORE DELETE ON "LedgerAttachment" FOR EACH ROW EXECUTE FUNCTION yst_refuse('LedgerAttachment rows are never deleted');
CREATE TRIGGER "LedgerAttachment_no_truncate" BEFORE TRUNCATE ON "LedgerAttachment" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('LedgerAttachment rows are never deleted');

-- An issued ledger form never changes and is never deleted.
CREATE TRIGGER "LedgerForm_no_delete" BEFORE DELETE ON "LedgerForm" FOR EACH ROW EXECUTE FUNCTION yst_refuse('LedgerForm rows are never deleted');
CREATE TRIGGER "LedgerForm_no_truncate" BEFORE TRUNCATE ON "LedgerForm" FOR EACH STATEMENT EXECUTE FUNCTION yst_refuse('LedgerForm rows are never deleted');
CREATE TRIGGER "LedgerForm_no_update" BEFORE UPDATE ON "LedgerForm" FOR EACH ROW EXECUTE FUNCTION yst_refuse('An issued LedgerForm never changes');

-- A recorded campaign answer change is never rewritten (its photo may be attached afterwards;
-- deleting the campaign cascades, as on SQLite).
CREATE TRIGGER "CampaignAnswerChange_no_rewrite"
  BEFORE UPDATE OF "campaignId", "householdId", "clientId", "fromAnswer", "toAnswer", "representative", "method", "recordedBy", "recordedByName", "recordedAt", "receivedAt"
  ON "CampaignAnswerChange" FOR EACH ROW EXECUTE FUNCTION yst_refuse('campaign answer changes are never rewritten');

-- How a ballot was cast (20261220040000_poll_proxies).
ALTER TABLE "PollVoter" ADD CONSTRAINT "PollVoter_via_check" CHECK ("via" IN ('self', 'proxy', 'paper'));

-- The archive's searchable units (server/src/archive/archiveIndex.ts): "grams" is the text
-- pre-tokenized by server/src/archive/tokenize.ts, searched through the GIN index; the other
-- columns are what a hit shows.
CREATE TABLE "ArchiveText" (
    "id" BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    "grams" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ref" TEXT NOT NULL,
    "itemId" TEXT,
    "item" TEXT,
    "speaker" TEXT,
    "text" TEXT NOT NULL
);
CREATE INDEX "ArchiveText_meetingId_idx" ON "ArchiveText"("meetingId");
CREATE INDEX "ArchiveText_grams_idx" ON "ArchiveText" USING GIN (to_tsvector('simple', "grams"));
