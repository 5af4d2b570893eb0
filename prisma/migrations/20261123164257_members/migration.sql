-- CreateEnum
CREATE TYPE "members_application_status" AS ENUM ('SUBMITTED', 'INFO_REQUESTED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "members_import_status" AS ENUM ('PREVIEW', 'IMPORTING', 'DONE', 'FAILED');

-- CreateEnum
CREATE TYPE "organisation_status" AS ENUM ('APPLIED', 'ACTIVE', 'SUSPENDED', 'LEFT');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "phone" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "memberships" ADD COLUMN     "email_updates" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "title" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "organisations" ADD COLUMN     "email" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "languages" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "logo_key" TEXT,
ADD COLUMN     "need_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "needs" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "offer_tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "offers" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "province" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "status" "organisation_status" NOT NULL DEFAULT 'ACTIVE',
ADD COLUMN     "status_changed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "members_applications" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "status" "members_application_status" NOT NULL DEFAULT 'SUBMITTED',
    "organisation_name" TEXT NOT NULL,
    "acronym" TEXT NOT NULL DEFAULT '',
    "type" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "province" TEXT NOT NULL DEFAULT '',
    "sectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "website" TEXT NOT NULL DEFAULT '',
    "description" TEXT NOT NULL DEFAULT '',
    "contact_name" TEXT NOT NULL,
    "contact_email" TEXT NOT NULL,
    "motivation" TEXT NOT NULL,
    "charter_accepted_at" TIMESTAMP(3) NOT NULL,
    "charter_text" TEXT NOT NULL DEFAULT '',
    "info_request" TEXT NOT NULL DEFAULT '',
    "info_response" TEXT NOT NULL DEFAULT '',
    "response_token_hash" TEXT,
    "decision_reason" TEXT NOT NULL DEFAULT '',
    "reviewed_by_id" UUID,
    "reviewed_at" TIMESTAMP(3),
    "organisation_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_applications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members_status_changes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "organisation_id" UUID NOT NULL,
    "from_status" "organisation_status",
    "to_status" "organisation_status" NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "changed_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "members_status_changes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "members_imports" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "created_by_id" UUID NOT NULL,
    "columns" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "rows" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB NOT NULL DEFAULT '{}',
    "status" "members_import_status" NOT NULL DEFAULT 'PREVIEW',
    "total" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMP(3),

    CONSTRAINT "members_imports_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "members_applications_response_token_hash_key" ON "members_applications"("response_token_hash");

-- CreateIndex
CREATE INDEX "members_applications_tenant_id_status_created_at_idx" ON "members_applications"("tenant_id", "status", "created_at" DESC);

-- CreateIndex
CREATE INDEX "members_applications_tenant_id_contact_email_idx" ON "members_applications"("tenant_id", "contact_email");

-- CreateIndex
CREATE UNIQUE INDEX "members_applications_tenant_id_id_key" ON "members_applications"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "members_status_changes_tenant_id_organisation_id_created_at_idx" ON "members_status_changes"("tenant_id", "organisation_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "members_status_changes_tenant_id_id_key" ON "members_status_changes"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "members_imports_tenant_id_created_at_idx" ON "members_imports"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "members_imports_tenant_id_id_key" ON "members_imports"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "organisations_tenant_id_status_name_idx" ON "organisations"("tenant_id", "status", "name");

-- CreateIndex
CREATE INDEX "organisations_tenant_id_type_idx" ON "organisations"("tenant_id", "type");

-- CreateIndex
CREATE INDEX "organisations_tenant_id_email_idx" ON "organisations"("tenant_id", "email");

-- CreateIndex
CREATE INDEX "organisations_sectors_idx" ON "organisations" USING GIN ("sectors");

-- CreateIndex
CREATE INDEX "organisations_themes_idx" ON "organisations" USING GIN ("themes");

-- CreateIndex
CREATE INDEX "organisations_languages_idx" ON "organisations" USING GIN ("languages");

-- Row-level security for new tenant tables

ALTER TABLE "members_applications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "members_applications" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "members_applications" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "members_status_changes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "members_status_changes" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "members_status_changes" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "members_imports" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "members_imports" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "members_imports" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The app role's access (edit for tables it must not read, like an outbox)

GRANT SELECT, INSERT, UPDATE, DELETE ON "members_applications" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "members_status_changes" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "members_imports" TO commons_app;

-- hand-written (not expressible in the Prisma schema)
-- The directory's full-text search. The expression must match the one the members module
-- queries with (packages/members/src/directory/search.server.ts) for the index to be used.
-- 'simple' rather than a language: member names and descriptions mix English, Filipino
-- and local languages, which no single stemmer fits.
CREATE INDEX "organisations_search_idx" ON "organisations" USING GIN (
  to_tsvector('simple'::regconfig, "name" || ' ' || "acronym" || ' ' || "description" || ' ' || "offers" || ' ' || "needs")
);
