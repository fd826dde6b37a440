-- The chiefs confirm the voted agreement on their own meeting screens (issue 21): how each
-- signature was given (chief: confirmed with the chief's own link, with the moment and the
-- participant; staff: a paper signature entered by the staff, as before — null reads as staff).
-- AlterTable
ALTER TABLE "BargainingAgreement" ADD COLUMN "workerSignedVia" TEXT;
ALTER TABLE "BargainingAgreement" ADD COLUMN "workerSignedAt" DATETIME;
ALTER TABLE "BargainingAgreement" ADD COLUMN "workerSignedParticipantId" TEXT;
ALTER TABLE "BargainingAgreement" ADD COLUMN "enterpriseSignedVia" TEXT;
ALTER TABLE "BargainingAgreement" ADD COLUMN "enterpriseSignedAt" DATETIME;
ALTER TABLE "BargainingAgreement" ADD COLUMN "enterpriseSignedParticipantId" TEXT;
