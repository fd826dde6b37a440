-- Command ids (issue 23): the sender's id of a command on the first event of its batch, so a
-- command resent after a lost acknowledgement is answered from the log instead of applied twice.
-- AlterTable
ALTER TABLE "MeetingEvent" ADD COLUMN     "commandId" TEXT;

