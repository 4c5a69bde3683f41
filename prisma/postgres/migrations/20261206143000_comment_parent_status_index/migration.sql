-- CreateIndex
CREATE INDEX "Comment_parentId_status_idx" ON "Comment"("parentId", "status");
