-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN "outcome" TEXT;

-- CreateTable
CREATE TABLE "SanctionedAddress" (
    "hash" TEXT NOT NULL PRIMARY KEY,
    "sanction" TEXT NOT NULL,
    "until" DATETIME,
    "reason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommentReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "reporterId" TEXT,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    "outcome" TEXT,
    CONSTRAINT "CommentReport_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CommentReport" ("commentId", "createdAt", "id", "note", "reason", "reporterId", "resolvedAt") SELECT "commentId", "createdAt", "id", "note", "reason", "reporterId", "resolvedAt" FROM "CommentReport";
DROP TABLE "CommentReport";
ALTER TABLE "new_CommentReport" RENAME TO "CommentReport";
CREATE INDEX "CommentReport_resolvedAt_createdAt_idx" ON "CommentReport"("resolvedAt", "createdAt");
CREATE INDEX "CommentReport_reporterId_outcome_idx" ON "CommentReport"("reporterId", "outcome");
CREATE UNIQUE INDEX "CommentReport_commentId_reporterId_key" ON "CommentReport"("commentId", "reporterId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
