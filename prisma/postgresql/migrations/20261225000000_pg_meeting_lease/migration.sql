-- Which node owns each meeting's actor when several nodes share this database (docs/cluster.md).
-- "token" grows by one at every change of owner and is the fencing token: an append to the
-- meeting's log carries the token its node holds and is refused unless it is still the current one
-- (server/src/cluster/fence.ts), so an owner that was paused past its lease can never append.
CREATE TABLE "MeetingLease" (
    "meetingId" TEXT NOT NULL PRIMARY KEY,
    "token" BIGINT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ NOT NULL
);
