-- A lab's saved column mappings: a name, and the parse options (column mapping by header text
-- or 0-based index, units, delimiter, decimal comma, format, constants) applied to files of the
-- same layout.
CREATE TABLE "MappingTemplate" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MappingTemplate_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "MappingTemplate_labId_name_key" ON "MappingTemplate"("labId", "name");

ALTER TABLE "MappingTemplate" ADD CONSTRAINT "MappingTemplate_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;
