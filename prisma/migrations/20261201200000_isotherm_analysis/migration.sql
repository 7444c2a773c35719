-- Isotherm analyses (crossing point, critical resistance, zν) per sample, anneal stage and setup.
CREATE TABLE "IsothermAnalysis" (
    "id" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "annealStage" TEXT NOT NULL,
    "setupKey" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "source" TEXT NOT NULL,
    "curveIds" TEXT[],
    "inputHash" TEXT NOT NULL,
    "crossing" BOOLEAN NOT NULL,
    "reasonCode" TEXT,
    "reasons" JSONB NOT NULL,
    "hcOe" DOUBLE PRECISION,
    "hcOeUnc" DOUBLE PRECISION,
    "rcOhm" DOUBLE PRECISION,
    "rcOhmUnc" DOUBLE PRECISION,
    "znu" DOUBLE PRECISION,
    "znuUnc" DOUBLE PRECISION,
    "result" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IsothermAnalysis_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "IsothermAnalysis_sampleId_annealStage_setupKey_channel_inputHash_key" ON "IsothermAnalysis"("sampleId", "annealStage", "setupKey", "channel", "inputHash");
CREATE INDEX "IsothermAnalysis_sampleId_isCurrent_idx" ON "IsothermAnalysis"("sampleId", "isCurrent");

ALTER TABLE "IsothermAnalysis" ADD CONSTRAINT "IsothermAnalysis_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "Sample"("id") ON DELETE CASCADE ON UPDATE CASCADE;
