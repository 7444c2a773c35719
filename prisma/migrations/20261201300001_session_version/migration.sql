-- Revocable sessions: a session is valid while the account's version equals the one it began with.
ALTER TABLE "User" ADD COLUMN "sessionVersion" INTEGER NOT NULL DEFAULT 0;
