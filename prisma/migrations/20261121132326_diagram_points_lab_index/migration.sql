-- CreateIndex
CREATE INDEX "DiagramPoint_isCurrent_labId_idx" ON "DiagramPoint"("isCurrent", "labId");

