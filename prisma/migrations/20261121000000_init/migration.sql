-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "LabRole" AS ENUM ('OWNER', 'ADMIN', 'MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "Visibility" AS ENUM ('PRIVATE', 'SHARED', 'PUBLIC');

-- CreateEnum
CREATE TYPE "Morphology" AS ENUM ('AMORPHOUS', 'GRANULAR', 'COMPOSITE', 'POLYCRYSTALLINE', 'EPITAXIAL', 'JOSEPHSON_ARRAY', 'OTHER');

-- CreateEnum
CREATE TYPE "SampleGeometry" AS ENUM ('HALL_BAR', 'VAN_DER_PAUW', 'STRIP', 'OTHER');

-- CreateEnum
CREATE TYPE "CryostatType" AS ENUM ('DILUTION', 'HE3', 'HE4', 'PPMS', 'DYNACOOL', 'ADR', 'OTHER');

-- CreateEnum
CREATE TYPE "ExcitationKind" AS ENUM ('AC', 'DC');

-- CreateEnum
CREATE TYPE "FilteringGrade" AS ENUM ('GOOD', 'MODERATE', 'POOR', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "FilterType" AS ENUM ('PI', 'RC', 'LC', 'COPPER_POWDER', 'THERMOCOAX', 'SILVER_EPOXY', 'MICROWAVE_ABSORBER', 'TWISTED_PAIR', 'OTHER');

-- CreateEnum
CREATE TYPE "TemperatureStage" AS ENUM ('ROOM', 'K50', 'K4', 'STILL', 'COLD_PLATE', 'MIXING_CHAMBER', 'SAMPLE');

-- CreateEnum
CREATE TYPE "StorageBackend" AS ENUM ('LOCAL', 'S3');

-- CreateEnum
CREATE TYPE "CurveKind" AS ENUM ('RT', 'RH');

-- CreateEnum
CREATE TYPE "ResistanceQuantity" AS ENUM ('RESISTANCE', 'SHEET_RESISTANCE', 'RESISTIVITY');

-- CreateEnum
CREATE TYPE "FieldOrientation" AS ENUM ('PERPENDICULAR', 'PARALLEL', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "PressureDirection" AS ENUM ('PRESSURIZING', 'DEPRESSURIZING', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "SweepDirection" AS ENUM ('WARMING', 'COOLING', 'UP', 'DOWN', 'MIXED', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "Phase" AS ENUM ('S', 'M1', 'M2', 'I1', 'I2');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "passwordHash" TEXT,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "orcid" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "providerAccountId" TEXT NOT NULL,
    "refresh_token" TEXT,
    "access_token" TEXT,
    "expires_at" INTEGER,
    "token_type" TEXT,
    "scope" TEXT,
    "id_token" TEXT,
    "session_state" TEXT,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "sessionToken" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationToken" (
    "identifier" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "Lab" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "institution" TEXT,
    "description" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Lab_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "LabRole" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Invitation" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "LabRole" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "invitedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "acceptedById" TEXT,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "Invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Sample" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "morphology" "Morphology" NOT NULL DEFAULT 'OTHER',
    "thicknessNm" DOUBLE PRECISION,
    "substrate" TEXT,
    "depositionMethod" TEXT,
    "depositionO2PressureMbar" DOUBLE PRECISION,
    "depositionTemperatureK" DOUBLE PRECISION,
    "depositionRateNmPerS" DOUBLE PRECISION,
    "depositionNotes" TEXT,
    "geometry" "SampleGeometry" NOT NULL DEFAULT 'OTHER',
    "squares" DOUBLE PRECISION,
    "leadMaterial" TEXT,
    "notes" TEXT,
    "provenance" TEXT,
    "lineageRootId" TEXT NOT NULL,
    "parentId" TEXT,
    "stageIndex" INTEGER NOT NULL DEFAULT 0,
    "annealStage" TEXT NOT NULL DEFAULT 'S0',
    "annealTreatment" TEXT,
    "visibility" "Visibility" NOT NULL DEFAULT 'PRIVATE',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sample_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SampleShare" (
    "sampleId" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SampleShare_pkey" PRIMARY KEY ("sampleId","labId")
);

-- CreateTable
CREATE TABLE "MeasurementSetup" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "cryostat" "CryostatType" NOT NULL DEFAULT 'OTHER',
    "baseTemperatureK" DOUBLE PRECISION,
    "thermometry" TEXT,
    "thermometerPlacement" TEXT,
    "excitation" "ExcitationKind",
    "excitationAmplitudeA" DOUBLE PRECISION,
    "excitationFrequencyHz" DOUBLE PRECISION,
    "fourProbe" BOOLEAN NOT NULL DEFAULT true,
    "linearResponseChecked" BOOLEAN NOT NULL DEFAULT false,
    "shielding" TEXT,
    "notes" TEXT,
    "filteringGrade" "FilteringGrade" NOT NULL DEFAULT 'UNKNOWN',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeasurementSetup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FilterStage" (
    "id" TEXT NOT NULL,
    "setupId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "type" "FilterType" NOT NULL,
    "stage" "TemperatureStage" NOT NULL,
    "attenuationDb" DOUBLE PRECISION,
    "bandLowHz" DOUBLE PRECISION,
    "bandHighHz" DOUBLE PRECISION,
    "notes" TEXT,

    CONSTRAINT "FilterStage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "uploadedById" TEXT,
    "apiTokenId" TEXT,
    "originalName" TEXT NOT NULL,
    "contentType" TEXT,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage" "StorageBackend" NOT NULL DEFAULT 'LOCAL',
    "storageKey" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "parserName" TEXT NOT NULL,
    "parserVersion" TEXT NOT NULL,
    "metadata" JSONB NOT NULL DEFAULT '{}',
    "warnings" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Upload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Curve" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "sampleId" TEXT NOT NULL,
    "setupId" TEXT,
    "uploadId" TEXT,
    "kind" "CurveKind" NOT NULL DEFAULT 'RT',
    "quantity" "ResistanceQuantity" NOT NULL DEFAULT 'SHEET_RESISTANCE',
    "channel" TEXT,
    "label" TEXT,
    "fieldOe" DOUBLE PRECISION,
    "fieldOrientation" "FieldOrientation" NOT NULL DEFAULT 'PERPENDICULAR',
    "pressureGPa" DOUBLE PRECISION,
    "pressureDirection" "PressureDirection" NOT NULL DEFAULT 'UNKNOWN',
    "pressureMedium" TEXT,
    "annealStage" TEXT,
    "temperatureK" DOUBLE PRECISION,
    "gateVoltageV" DOUBLE PRECISION,
    "sweepDirection" "SweepDirection" NOT NULL DEFAULT 'UNKNOWN',
    "pointCount" INTEGER NOT NULL,
    "tK" BYTEA NOT NULL,
    "r" BYTEA NOT NULL,
    "hOe" BYTEA,
    "tMinK" DOUBLE PRECISION NOT NULL,
    "tMaxK" DOUBLE PRECISION NOT NULL,
    "rMin" DOUBLE PRECISION NOT NULL,
    "rMax" DOUBLE PRECISION NOT NULL,
    "contentHash" TEXT NOT NULL,
    "segmentReason" TEXT,
    "sourceRows" JSONB,
    "measuredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Curve_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FitResult" (
    "id" TEXT NOT NULL,
    "curveId" TEXT NOT NULL,
    "engineVersion" TEXT NOT NULL,
    "isCurrent" BOOLEAN NOT NULL DEFAULT true,
    "model" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "uncertainties" JSONB NOT NULL,
    "phase" "Phase" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "inconclusive" BOOLEAN NOT NULL,
    "inconclusiveReason" TEXT,
    "reasons" JSONB NOT NULL,
    "runnerUp" JSONB,
    "candidates" JSONB NOT NULL,
    "quantities" JSONB NOT NULL,
    "diagnostics" JSONB NOT NULL,
    "inputHash" TEXT NOT NULL,
    "durationMs" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FitResult_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LabelOverride" (
    "id" TEXT NOT NULL,
    "curveId" TEXT NOT NULL,
    "fitResultId" TEXT,
    "phase" "Phase" NOT NULL,
    "justification" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "supersededAt" TIMESTAMP(3),

    CONSTRAINT "LabelOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Permalink" (
    "id" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "title" TEXT,
    "view" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "curveIds" TEXT[],
    "fitResultIds" TEXT[],
    "sampleIds" TEXT[],
    "engineVersions" TEXT[],
    "payload" JSONB NOT NULL,
    "contentHash" TEXT NOT NULL,
    "isAllPublic" BOOLEAN NOT NULL,

    CONSTRAINT "Permalink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" TEXT NOT NULL,
    "labId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "scopes" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorUserId" TEXT,
    "actorToken" TEXT,
    "labId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Account_provider_providerAccountId_key" ON "Account"("provider", "providerAccountId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionToken_key" ON "Session"("sessionToken");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_token_key" ON "VerificationToken"("token");

-- CreateIndex
CREATE UNIQUE INDEX "VerificationToken_identifier_token_key" ON "VerificationToken"("identifier", "token");

-- CreateIndex
CREATE UNIQUE INDEX "Lab_slug_key" ON "Lab"("slug");

-- CreateIndex
CREATE INDEX "Membership_userId_idx" ON "Membership"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_labId_userId_key" ON "Membership"("labId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "Invitation_tokenHash_key" ON "Invitation"("tokenHash");

-- CreateIndex
CREATE INDEX "Invitation_labId_idx" ON "Invitation"("labId");

-- CreateIndex
CREATE INDEX "Invitation_email_idx" ON "Invitation"("email");

-- CreateIndex
CREATE INDEX "Sample_labId_idx" ON "Sample"("labId");

-- CreateIndex
CREATE INDEX "Sample_visibility_idx" ON "Sample"("visibility");

-- CreateIndex
CREATE INDEX "Sample_material_idx" ON "Sample"("material");

-- CreateIndex
CREATE UNIQUE INDEX "Sample_lineageRootId_stageIndex_key" ON "Sample"("lineageRootId", "stageIndex");

-- CreateIndex
CREATE INDEX "SampleShare_labId_idx" ON "SampleShare"("labId");

-- CreateIndex
CREATE UNIQUE INDEX "MeasurementSetup_labId_name_key" ON "MeasurementSetup"("labId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "FilterStage_setupId_position_key" ON "FilterStage"("setupId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_labId_sha256_key" ON "Upload"("labId", "sha256");

-- CreateIndex
CREATE INDEX "Curve_labId_idx" ON "Curve"("labId");

-- CreateIndex
CREATE INDEX "Curve_setupId_idx" ON "Curve"("setupId");

-- CreateIndex
CREATE INDEX "Curve_uploadId_idx" ON "Curve"("uploadId");

-- CreateIndex
CREATE UNIQUE INDEX "Curve_sampleId_contentHash_key" ON "Curve"("sampleId", "contentHash");

-- CreateIndex
CREATE INDEX "FitResult_isCurrent_phase_idx" ON "FitResult"("isCurrent", "phase");

-- CreateIndex
CREATE UNIQUE INDEX "FitResult_curveId_engineVersion_key" ON "FitResult"("curveId", "engineVersion");

-- CreateIndex
CREATE INDEX "LabelOverride_curveId_idx" ON "LabelOverride"("curveId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_labId_idx" ON "ApiToken"("labId");

-- CreateIndex
CREATE INDEX "AuditEvent_labId_at_idx" ON "AuditEvent"("labId", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_invitedById_fkey" FOREIGN KEY ("invitedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Invitation" ADD CONSTRAINT "Invitation_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Sample" ADD CONSTRAINT "Sample_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Sample"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleShare" ADD CONSTRAINT "SampleShare_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "Sample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SampleShare" ADD CONSTRAINT "SampleShare_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasurementSetup" ADD CONSTRAINT "MeasurementSetup_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasurementSetup" ADD CONSTRAINT "MeasurementSetup_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FilterStage" ADD CONSTRAINT "FilterStage_setupId_fkey" FOREIGN KEY ("setupId") REFERENCES "MeasurementSetup"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Upload" ADD CONSTRAINT "Upload_apiTokenId_fkey" FOREIGN KEY ("apiTokenId") REFERENCES "ApiToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curve" ADD CONSTRAINT "Curve_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curve" ADD CONSTRAINT "Curve_sampleId_fkey" FOREIGN KEY ("sampleId") REFERENCES "Sample"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curve" ADD CONSTRAINT "Curve_setupId_fkey" FOREIGN KEY ("setupId") REFERENCES "MeasurementSetup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Curve" ADD CONSTRAINT "Curve_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "Upload"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FitResult" ADD CONSTRAINT "FitResult_curveId_fkey" FOREIGN KEY ("curveId") REFERENCES "Curve"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelOverride" ADD CONSTRAINT "LabelOverride_curveId_fkey" FOREIGN KEY ("curveId") REFERENCES "Curve"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelOverride" ADD CONSTRAINT "LabelOverride_fitResultId_fkey" FOREIGN KEY ("fitResultId") REFERENCES "FitResult"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LabelOverride" ADD CONSTRAINT "LabelOverride_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Permalink" ADD CONSTRAINT "Permalink_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorUserId_fkey" FOREIGN KEY ("actorUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_labId_fkey" FOREIGN KEY ("labId") REFERENCES "Lab"("id") ON DELETE SET NULL ON UPDATE CASCADE;

