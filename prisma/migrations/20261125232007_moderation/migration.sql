-- AlterTable
ALTER TABLE "Article" ADD COLUMN "autoCloseDays" INTEGER;
ALTER TABLE "Article" ADD COLUMN "premoderation" TEXT;
ALTER TABLE "Article" ADD COLUMN "slowModeSeconds" INTEGER;

-- CreateTable
CREATE TABLE "CommentReport" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "commentId" TEXT NOT NULL,
    "reporterId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" DATETIME,
    CONSTRAINT "CommentReport_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CommentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SiteSettings" (
    "id" TEXT NOT NULL PRIMARY KEY DEFAULT 'site',
    "premoderation" TEXT NOT NULL DEFAULT 'OFF',
    "premoderateFirstN" INTEGER NOT NULL DEFAULT 1,
    "maxLinks" INTEGER NOT NULL DEFAULT 2,
    "suspectWords" TEXT NOT NULL DEFAULT '',
    "bannedWords" TEXT NOT NULL DEFAULT '',
    "reportThreshold" INTEGER NOT NULL DEFAULT 3,
    "autoCloseDays" INTEGER,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT,
    "actorName" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "subjectUserId" TEXT,
    "articleId" TEXT,
    "before" TEXT,
    "after" TEXT,
    "reason" TEXT,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Appeal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AddColumns (hand-written: Prisma's default here rebuilds "Comment" and "User" with DROP TABLE; plain
-- ADD COLUMN keeps every row and every row pointing at them, whatever the connection's foreign-key mode.)
ALTER TABLE "Comment" ADD COLUMN "featured" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Comment" ADD COLUMN "pinnedAt" DATETIME;
ALTER TABLE "Comment" ADD COLUMN "moderationReason" TEXT;
ALTER TABLE "Comment" ADD COLUMN "reportCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "premoderate" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "User" ADD COLUMN "shadowBanned" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "CommentReport_resolvedAt_createdAt_idx" ON "CommentReport"("resolvedAt", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "CommentReport_commentId_reporterId_key" ON "CommentReport"("commentId", "reporterId");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_createdAt_idx" ON "AuditLog"("actorId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_subjectUserId_createdAt_idx" ON "AuditLog"("subjectUserId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_articleId_createdAt_idx" ON "AuditLog"("articleId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_action_createdAt_idx" ON "AuditLog"("action", "createdAt");

-- CreateIndex
CREATE INDEX "Appeal_status_createdAt_idx" ON "Appeal"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_userId_target_key" ON "Appeal"("userId", "target");
