-- 委托投票 and 纸质票: how each unit's ballot came in (self: one of its own people on a device;
-- proxy: the holder of its proxy; paper: entered by the chair or the clerk) and, for named polls
-- only, the clerk's note on a paper ballot. One ballot per unit stays the primary key
-- (pollId, unitId), whatever the way; a secret poll's row still carries no choice.
-- AlterTable
ALTER TABLE "PollVoter" ADD COLUMN "via" TEXT NOT NULL DEFAULT 'self' CHECK ("via" IN ('self', 'proxy', 'paper'));
ALTER TABLE "PollVoter" ADD COLUMN "note" TEXT;
