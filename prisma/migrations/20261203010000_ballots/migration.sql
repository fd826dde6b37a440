-- Ballots (docs/ballot-secrecy.md). Both tables are WITHOUT ROWID: rows are stored in the order
-- of their keys (voting unit; random ballot id), never in the order they were cast, and neither
-- has a time column. A secret poll's PollVoter rows carry no choice; its PollBallot rows carry no voter.
CREATE TABLE "PollVoter" (
    "pollId" TEXT NOT NULL,
    "unitId" TEXT NOT NULL,
    "choices" TEXT,
    "weight" REAL NOT NULL,
    "groups" TEXT NOT NULL,
    PRIMARY KEY ("pollId", "unitId")
) WITHOUT ROWID;

CREATE TABLE "PollBallot" (
    "pollId" TEXT NOT NULL,
    "ballotId" TEXT NOT NULL,
    "choices" TEXT NOT NULL,
    "weight" REAL NOT NULL,
    "groups" TEXT NOT NULL,
    PRIMARY KEY ("pollId", "ballotId")
) WITHOUT ROWID;
