-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "previousBody" TEXT,
ADD COLUMN     "withdrawnAt" TIMESTAMP(3);
