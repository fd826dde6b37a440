-- 分组讨论 (issue 26): a group meeting's link to its plenary (parentMeetingId) and its group there
-- (groupId); the plenary's groups are found by parentMeetingId.
-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN     "groupId" TEXT,
ADD COLUMN     "parentMeetingId" TEXT;

-- CreateIndex
CREATE INDEX "Meeting_parentMeetingId_idx" ON "Meeting"("parentMeetingId");

