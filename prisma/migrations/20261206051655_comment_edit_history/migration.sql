-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "previousBody" TEXT;
ALTER TABLE "Comment" ADD COLUMN "withdrawnAt" DATETIME;
