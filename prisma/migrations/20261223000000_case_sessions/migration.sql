-- Mediation case sessions (issue 22, 新建调解会谈): a session made from the case keeps, on each case
-- party and mediator, the id of their roster entry (Participant.id) in that meeting, so the agreement
-- matches the case's parties to the roster by id rather than by name and household.
-- AlterTable
ALTER TABLE "MediationParty" ADD COLUMN "participantId" TEXT;

-- AlterTable
ALTER TABLE "MediationMediator" ADD COLUMN "participantId" TEXT;
