-- Baseline: the PostgreSQL schema as of the SQLite migrations listed in covers.txt, made by
-- `prisma migrate diff --from-empty --to-schema-datamodel prisma/postgresql/schema.prisma --script`
-- without its CREATE SCHEMA "public" (the runner works in the schema of the connection's search_path).
-- CreateTable
CREATE TABLE "Meeting" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "number" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'consultation',
    "startsAt" TIMESTAMP(3),
    "place" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'hybrid',
    "speechCapSeconds" INTEGER NOT NULL DEFAULT 300,
    "interjectionsAllowed" BOOLEAN NOT NULL DEFAULT true,
    "pollsAllowed" BOOLEAN NOT NULL DEFAULT true,
    "quorumRule" TEXT NOT NULL DEFAULT 'majority',
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "micOpensOnFloor" BOOLEAN NOT NULL DEFAULT false,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    "checkinSecret" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "bookedCapSeconds" INTEGER NOT NULL DEFAULT 480,
    "pointOfOrderCapSeconds" INTEGER NOT NULL DEFAULT 120,
    "orderBookedFirst" BOOLEAN NOT NULL DEFAULT true,
    "orderPartyFirst" BOOLEAN NOT NULL DEFAULT true,
    "orderSectorBalance" BOOLEAN NOT NULL DEFAULT true,
    "orderNotYetSpoken" TEXT NOT NULL DEFAULT 'item',
    "interjectionCapSeconds" INTEGER NOT NULL DEFAULT 120,
    "membersMayInterject" BOOLEAN NOT NULL DEFAULT false,
    "clerkMayRunPolls" BOOLEAN NOT NULL DEFAULT false,
    "recordShared" BOOLEAN NOT NULL DEFAULT false,
    "orderSectorFirst" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Meeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RoomLink" (
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "revoked" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "RoomLink_pkey" PRIMARY KEY ("meetingId","kind")
);

-- CreateTable
CREATE TABLE "ShortLink" (
    "code" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShortLink_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "AgendaItem" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "presenter" TEXT,
    "plannedMinutes" INTEGER NOT NULL DEFAULT 30,

    CONSTRAINT "AgendaItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Material" (
    "id" TEXT NOT NULL,
    "agendaItemId" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "storedName" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Material_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participant" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL DEFAULT 0,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "sector" TEXT,
    "party" TEXT,
    "unit" TEXT,
    "phone" TEXT,
    "email" TEXT,
    "side" TEXT,
    "chief" BOOLEAN NOT NULL DEFAULT false,
    "household" TEXT,
    "voteWeight" DOUBLE PRECISION,
    "linkVersion" INTEGER NOT NULL DEFAULT 1,
    "linkRevoked" BOOLEAN NOT NULL DEFAULT false,
    "accountId" TEXT,

    CONSTRAINT "Participant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlannedSpeech" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "agendaItemId" TEXT,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PlannedSpeech_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffAccount" (
    "id" TEXT NOT NULL,
    "username" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentId" TEXT,
    "communityId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffAccount_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffSession" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StaffSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingEvent" (
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "actorId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,
    "payload" TEXT NOT NULL,

    CONSTRAINT "MeetingEvent_pkey" PRIMARY KEY ("meetingId","seq")
);

-- CreateTable
CREATE TABLE "SpeechRecording" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "speechId" TEXT NOT NULL,
    "participantId" TEXT NOT NULL,
    "part" INTEGER NOT NULL,
    "file" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "bytes" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpeechRecording_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PollVoter" (
    "pollId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "choices" TEXT,
    "weight" DOUBLE PRECISION NOT NULL,
    "groups" TEXT NOT NULL,
    "via" TEXT NOT NULL DEFAULT 'self',
    "note" TEXT,

    CONSTRAINT "PollVoter_pkey" PRIMARY KEY ("pollId","unitId")
);

-- CreateTable
CREATE TABLE "PollBallot" (
    "pollId" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL,
    "groups" TEXT NOT NULL,

    CONSTRAINT "PollBallot_pkey" PRIMARY KEY ("pollId","ballotId")
);

-- CreateTable
CREATE TABLE "ArchiveIndexState" (
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3),
    "speeches" INTEGER NOT NULL,
    "suggestions" INTEGER NOT NULL,
    "indexedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ArchiveIndexState_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "MinutesVersion" (
    "meetingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "blocks" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "authorName" TEXT NOT NULL,
    "authorParticipantId" TEXT,
    "authorAccountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "approvedAt" TIMESTAMP(3),
    "approvedByName" TEXT,
    "approvedByParticipantId" TEXT,
    "approvedByAccountId" TEXT,

    CONSTRAINT "MinutesVersion_pkey" PRIMARY KEY ("meetingId","number")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerItem" (
    "id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'suggestion',
    "sourceNote" TEXT,
    "meetingId" TEXT,
    "suggestionId" TEXT,
    "decisionId" TEXT,
    "agendaItemTitle" TEXT,
    "entryKey" TEXT,
    "raisedByParticipantId" TEXT,
    "raisedByName" TEXT NOT NULL,
    "sector" TEXT,
    "contact" TEXT,
    "raisedOn" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "topic" TEXT NOT NULL DEFAULT '',
    "suggestedDepartment" TEXT NOT NULL DEFAULT '',
    "liveResponses" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL,
    "leadDepartmentId" TEXT,
    "partnerIds" TEXT NOT NULL DEFAULT '[]',
    "deadline" TEXT,
    "instructions" TEXT NOT NULL DEFAULT '',
    "assignedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "replies" TEXT NOT NULL DEFAULT '[]',
    "supervisions" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "communityId" TEXT,
    "receiptHash" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "location" TEXT NOT NULL DEFAULT '',
    "photos" TEXT NOT NULL DEFAULT '[]',
    "councilMeetingId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "LedgerItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerStep" (
    "itemId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "byRole" TEXT NOT NULL,
    "byId" TEXT NOT NULL,
    "byName" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "from" TEXT NOT NULL,
    "to" TEXT NOT NULL,

    CONSTRAINT "LedgerStep_pkey" PRIMARY KEY ("itemId","seq")
);

-- CreateTable
CREATE TABLE "LedgerAttachment" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "storedName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "uploadedBy" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerAttachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerSyncState" (
    "meetingId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerSyncState_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "Community" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "publicCode" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Community_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Household" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "building" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "room" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Household_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerForm" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "stepSeq" INTEGER NOT NULL,
    "payload" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LedgerForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campaign" (
    "id" TEXT NOT NULL,
    "communityId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "rule" TEXT NOT NULL,
    "ledgerItemId" TEXT,
    "meetingId" TEXT,
    "closedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Campaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignAnswer" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "answer" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "recordedBy" TEXT,
    "recordedByName" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "clientId" TEXT NOT NULL,

    CONSTRAINT "CampaignAnswer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignAnswerChange" (
    "id" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "fromAnswer" TEXT,
    "toAnswer" TEXT NOT NULL,
    "representative" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "recordedBy" TEXT,
    "recordedByName" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "photoName" TEXT,
    "photoMime" TEXT,
    "photoSize" INTEGER,

    CONSTRAINT "CampaignAnswerChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CampaignLink" (
    "tokenHash" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "householdId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "CampaignReportFile" (
    "campaignId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content" BYTEA NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CampaignReportFile_pkey" PRIMARY KEY ("campaignId","format")
);

-- CreateTable
CREATE TABLE "CaucusNote" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CaucusNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SeparateTalkNote" (
    "id" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "partyId" TEXT,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SeparateTalkNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BargainingRequest" (
    "id" TEXT NOT NULL,
    "side" TEXT NOT NULL,
    "enterpriseName" TEXT NOT NULL,
    "unionName" TEXT NOT NULL,
    "topics" TEXT NOT NULL,
    "proposedAt" TIMESTAMP(3) NOT NULL,
    "proposedPlace" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "contact" TEXT NOT NULL,
    "sentOn" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "replyAnswer" TEXT,
    "replyReason" TEXT,
    "repliedOn" TEXT,
    "repliedBy" TEXT,
    "replyRecordedBy" TEXT,
    "replyRecordedByName" TEXT,
    "replyRecordedAt" TIMESTAMP(3),

    CONSTRAINT "BargainingRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalCollection" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "questions" TEXT NOT NULL,
    "handedOut" INTEGER NOT NULL,
    "paperCounted" INTEGER NOT NULL DEFAULT 0,
    "opensAt" TIMESTAMP(3) NOT NULL,
    "closesAt" TIMESTAMP(3) NOT NULL,
    "publicCode" TEXT NOT NULL,
    "meetingId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalCollection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalForm" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "suggestion" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "department" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "anonymous" BOOLEAN NOT NULL,
    "enteredBy" TEXT,
    "enteredByName" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProposalForm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BargainingProposal" (
    "id" TEXT NOT NULL,
    "collectionId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "extraWorkers" INTEGER NOT NULL DEFAULT 0,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BargainingProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProposalMerge" (
    "proposalId" TEXT NOT NULL,
    "formId" TEXT NOT NULL,

    CONSTRAINT "ProposalMerge_pkey" PRIMARY KEY ("proposalId","formId")
);

-- CreateTable
CREATE TABLE "BargainingAgreement" (
    "meetingId" TEXT NOT NULL,
    "vote" TEXT,
    "voteRecordedByName" TEXT,
    "workerSignedName" TEXT,
    "workerSignedOn" TEXT,
    "workerSignRecordedBy" TEXT,
    "enterpriseSignedName" TEXT,
    "enterpriseSignedOn" TEXT,
    "enterpriseSignRecordedBy" TEXT,
    "workerSignedVia" TEXT,
    "workerSignedAt" TIMESTAMP(3),
    "workerSignedParticipantId" TEXT,
    "enterpriseSignedVia" TEXT,
    "enterpriseSignedAt" TIMESTAMP(3),
    "enterpriseSignedParticipantId" TEXT,
    "filedOn" TEXT,
    "receivedOn" TEXT,
    "filingRecordedByName" TEXT,
    "reviewOutcome" TEXT,
    "reviewOn" TEXT,
    "reviewNote" TEXT,
    "reviewRecordedByName" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BargainingAgreement_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "BargainingAgreementVersion" (
    "meetingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "authorName" TEXT NOT NULL,
    "authorParticipantId" TEXT,
    "authorAccountId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BargainingAgreementVersion_pkey" PRIMARY KEY ("meetingId","number")
);

-- CreateTable
CREATE TABLE "MediationAgreement" (
    "meetingId" TEXT NOT NULL,
    "refusedBy" TEXT,
    "refusedName" TEXT,
    "refusalReason" TEXT,
    "refusedAt" TIMESTAMP(3),
    "referral" TEXT,
    "referralNote" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationAgreement_pkey" PRIMARY KEY ("meetingId")
);

-- CreateTable
CREATE TABLE "MediationAgreementVersion" (
    "meetingId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "note" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationAgreementVersion_pkey" PRIMARY KEY ("meetingId","number")
);

-- CreateTable
CREATE TABLE "MediationAgreementSignature" (
    "meetingId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "participantId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "via" TEXT NOT NULL,
    "signaturePng" BYTEA,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationAgreementSignature_pkey" PRIMARY KEY ("meetingId","version","participantId")
);

-- CreateTable
CREATE TABLE "MediationCase" (
    "id" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "seq" INTEGER NOT NULL,
    "communityId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "facts" TEXT NOT NULL,
    "acceptedOn" TEXT NOT NULL,
    "ledgerItemId" TEXT,
    "state" TEXT NOT NULL,
    "lastVisitOutcome" TEXT,
    "agreementForm" TEXT,
    "oralRecord" TEXT,
    "agreedOn" TEXT,
    "referral" TEXT,
    "closedOn" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationParty" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "household" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "participantId" TEXT,

    CONSTRAINT "MediationParty_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationMediator" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "affiliation" TEXT NOT NULL,
    "chief" BOOLEAN NOT NULL,
    "participantId" TEXT,

    CONSTRAINT "MediationMediator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationCaseSession" (
    "caseId" TEXT NOT NULL,
    "meetingId" TEXT NOT NULL,
    "linkedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationCaseSession_pkey" PRIMARY KEY ("caseId","meetingId")
);

-- CreateTable
CREATE TABLE "MediationObligation" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "partyId" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "deadline" TEXT NOT NULL,
    "ledgerItemId" TEXT NOT NULL,

    CONSTRAINT "MediationObligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MediationReturnVisit" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "visitOn" TEXT NOT NULL,
    "outcome" TEXT,
    "visitedOn" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "recordedBy" TEXT NOT NULL,
    "recordedByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MediationReturnVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShortLink_meetingId_idx" ON "ShortLink"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "ShortLink_subject_version_key" ON "ShortLink"("subject", "version");

-- CreateIndex
CREATE INDEX "AgendaItem_meetingId_idx" ON "AgendaItem"("meetingId");

-- CreateIndex
CREATE INDEX "Material_agendaItemId_idx" ON "Material"("agendaItemId");

-- CreateIndex
CREATE INDEX "Participant_meetingId_idx" ON "Participant"("meetingId");

-- CreateIndex
CREATE INDEX "Participant_accountId_idx" ON "Participant"("accountId");

-- CreateIndex
CREATE INDEX "PlannedSpeech_meetingId_idx" ON "PlannedSpeech"("meetingId");

-- CreateIndex
CREATE INDEX "PlannedSpeech_participantId_idx" ON "PlannedSpeech"("participantId");

-- CreateIndex
CREATE UNIQUE INDEX "StaffAccount_username_key" ON "StaffAccount"("username");

-- CreateIndex
CREATE INDEX "StaffSession_accountId_idx" ON "StaffSession"("accountId");

-- CreateIndex
CREATE INDEX "SpeechRecording_meetingId_idx" ON "SpeechRecording"("meetingId");

-- CreateIndex
CREATE UNIQUE INDEX "SpeechRecording_speechId_part_key" ON "SpeechRecording"("speechId", "part");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_number_key" ON "LedgerItem"("number");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_receiptHash_key" ON "LedgerItem"("receiptHash");

-- CreateIndex
CREATE INDEX "LedgerItem_leadDepartmentId_idx" ON "LedgerItem"("leadDepartmentId");

-- CreateIndex
CREATE INDEX "LedgerItem_state_idx" ON "LedgerItem"("state");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_meetingId_suggestionId_key" ON "LedgerItem"("meetingId", "suggestionId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerItem_meetingId_decisionId_key" ON "LedgerItem"("meetingId", "decisionId");

-- CreateIndex
CREATE INDEX "LedgerAttachment_itemId_idx" ON "LedgerAttachment"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "Community_name_key" ON "Community"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Community_publicCode_key" ON "Community"("publicCode");

-- CreateIndex
CREATE INDEX "Household_communityId_idx" ON "Household"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "Household_communityId_building_unit_room_key" ON "Household"("communityId", "building", "unit", "room");

-- CreateIndex
CREATE INDEX "LedgerForm_itemId_idx" ON "LedgerForm"("itemId");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerForm_kind_year_seq_key" ON "LedgerForm"("kind", "year", "seq");

-- CreateIndex
CREATE INDEX "Campaign_communityId_idx" ON "Campaign"("communityId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAnswer_campaignId_householdId_key" ON "CampaignAnswer"("campaignId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignAnswerChange_clientId_key" ON "CampaignAnswerChange"("clientId");

-- CreateIndex
CREATE INDEX "CampaignAnswerChange_campaignId_householdId_idx" ON "CampaignAnswerChange"("campaignId", "householdId");

-- CreateIndex
CREATE UNIQUE INDEX "CampaignLink_campaignId_householdId_key" ON "CampaignLink"("campaignId", "householdId");

-- CreateIndex
CREATE INDEX "CaucusNote_meetingId_side_at_idx" ON "CaucusNote"("meetingId", "side", "at");

-- CreateIndex
CREATE INDEX "SeparateTalkNote_meetingId_at_idx" ON "SeparateTalkNote"("meetingId", "at");

-- CreateIndex
CREATE INDEX "BargainingRequest_sentOn_idx" ON "BargainingRequest"("sentOn");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalCollection_publicCode_key" ON "ProposalCollection"("publicCode");

-- CreateIndex
CREATE UNIQUE INDEX "ProposalForm_collectionId_number_key" ON "ProposalForm"("collectionId", "number");

-- CreateIndex
CREATE INDEX "BargainingProposal_collectionId_number_idx" ON "BargainingProposal"("collectionId", "number");

-- CreateIndex
CREATE INDEX "ProposalMerge_formId_idx" ON "ProposalMerge"("formId");

-- CreateIndex
CREATE UNIQUE INDEX "MediationCase_year_seq_key" ON "MediationCase"("year", "seq");

-- AddForeignKey
ALTER TABLE "RoomLink" ADD CONSTRAINT "RoomLink_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShortLink" ADD CONSTRAINT "ShortLink_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgendaItem" ADD CONSTRAINT "AgendaItem_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Material" ADD CONSTRAINT "Material_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participant" ADD CONSTRAINT "Participant_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "StaffAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSpeech" ADD CONSTRAINT "PlannedSpeech_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSpeech" ADD CONSTRAINT "PlannedSpeech_participantId_fkey" FOREIGN KEY ("participantId") REFERENCES "Participant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlannedSpeech" ADD CONSTRAINT "PlannedSpeech_agendaItemId_fkey" FOREIGN KEY ("agendaItemId") REFERENCES "AgendaItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAccount" ADD CONSTRAINT "StaffAccount_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffAccount" ADD CONSTRAINT "StaffAccount_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffSession" ADD CONSTRAINT "StaffSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingEvent" ADD CONSTRAINT "MeetingEvent_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MinutesVersion" ADD CONSTRAINT "MinutesVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerItem" ADD CONSTRAINT "LedgerItem_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerStep" ADD CONSTRAINT "LedgerStep_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerAttachment" ADD CONSTRAINT "LedgerAttachment_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Household" ADD CONSTRAINT "Household_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerForm" ADD CONSTRAINT "LedgerForm_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "LedgerItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campaign" ADD CONSTRAINT "Campaign_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAnswer" ADD CONSTRAINT "CampaignAnswer_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAnswer" ADD CONSTRAINT "CampaignAnswer_householdId_fkey" FOREIGN KEY ("householdId") REFERENCES "Household"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignAnswerChange" ADD CONSTRAINT "CampaignAnswerChange_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignLink" ADD CONSTRAINT "CampaignLink_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CampaignReportFile" ADD CONSTRAINT "CampaignReportFile_campaignId_fkey" FOREIGN KEY ("campaignId") REFERENCES "Campaign"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalForm" ADD CONSTRAINT "ProposalForm_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "ProposalCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BargainingProposal" ADD CONSTRAINT "BargainingProposal_collectionId_fkey" FOREIGN KEY ("collectionId") REFERENCES "ProposalCollection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMerge" ADD CONSTRAINT "ProposalMerge_proposalId_fkey" FOREIGN KEY ("proposalId") REFERENCES "BargainingProposal"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProposalMerge" ADD CONSTRAINT "ProposalMerge_formId_fkey" FOREIGN KEY ("formId") REFERENCES "ProposalForm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BargainingAgreementVersion" ADD CONSTRAINT "BargainingAgreementVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "BargainingAgreement"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationAgreementVersion" ADD CONSTRAINT "MediationAgreementVersion_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MediationAgreement"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationAgreementSignature" ADD CONSTRAINT "MediationAgreementSignature_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "MediationAgreement"("meetingId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationParty" ADD CONSTRAINT "MediationParty_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationMediator" ADD CONSTRAINT "MediationMediator_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationCaseSession" ADD CONSTRAINT "MediationCaseSession_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationObligation" ADD CONSTRAINT "MediationObligation_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediationReturnVisit" ADD CONSTRAINT "MediationReturnVisit_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "MediationCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;

