-- CreateEnum
CREATE TYPE "ReportOutcome" AS ENUM ('UPHELD', 'DISMISSED');

-- DropForeignKey
ALTER TABLE "CommentReport" DROP CONSTRAINT "CommentReport_reporterId_fkey";

-- AlterTable
ALTER TABLE "Appeal" ADD COLUMN     "outcome" TEXT;

-- AlterTable
ALTER TABLE "CommentReport" ADD COLUMN     "outcome" "ReportOutcome",
ALTER COLUMN "reporterId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "SanctionedAddress" (
    "hash" TEXT NOT NULL,
    "sanction" "UserStatus" NOT NULL,
    "until" TIMESTAMP(3),
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SanctionedAddress_pkey" PRIMARY KEY ("hash")
);

-- CreateIndex
CREATE INDEX "CommentReport_reporterId_outcome_idx" ON "CommentReport"("reporterId", "outcome");

-- AddForeignKey
ALTER TABLE "CommentReport" ADD CONSTRAINT "CommentReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
