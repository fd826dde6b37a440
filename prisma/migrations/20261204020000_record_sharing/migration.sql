-- 会议记录向委员公开 (Meeting.recordShared): the clerk's notes reach members, officials and observers.
-- AlterTable (SQLite adds a NOT NULL column with a constant default in place; no table copy)
ALTER TABLE "Meeting" ADD COLUMN "recordShared" BOOLEAN NOT NULL DEFAULT false;
