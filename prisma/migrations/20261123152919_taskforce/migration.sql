-- CreateEnum
CREATE TYPE "taskforce_status" AS ENUM ('OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "taskforce_deliverable_status" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'IN_REVIEW', 'DONE');

-- CreateEnum
CREATE TYPE "taskforce_raci_role" AS ENUM ('R', 'A', 'C', 'I');

-- CreateEnum
CREATE TYPE "taskforce_task_status" AS ENUM ('TODO', 'DOING', 'DONE');

-- CreateTable
CREATE TABLE "taskforce_taskforces" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "mandate" TEXT NOT NULL,
    "lead_user_id" UUID NOT NULL,
    "status" "taskforce_status" NOT NULL DEFAULT 'OPEN',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_taskforces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taskforce_members" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "taskforce_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_members_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taskforce_deliverables" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "taskforce_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "due_date" DATE NOT NULL,
    "status" "taskforce_deliverable_status" NOT NULL DEFAULT 'NOT_STARTED',
    "output" TEXT,
    "published_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_deliverables_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taskforce_raci_assignments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "taskforce_raci_role" NOT NULL,

    CONSTRAINT "taskforce_raci_assignments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taskforce_tasks" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "assignee_user_id" UUID,
    "due_date" DATE,
    "status" "taskforce_task_status" NOT NULL DEFAULT 'TODO',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_tasks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "taskforce_meeting_notes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "taskforce_id" UUID NOT NULL,
    "held_on" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_meeting_notes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "taskforce_taskforces_tenant_id_created_at_idx" ON "taskforce_taskforces"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "taskforce_taskforces_tenant_id_lead_user_id_idx" ON "taskforce_taskforces"("tenant_id", "lead_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_taskforces_tenant_id_id_key" ON "taskforce_taskforces"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_taskforces_tenant_id_name_key" ON "taskforce_taskforces"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "taskforce_members_tenant_id_user_id_idx" ON "taskforce_members"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_members_tenant_id_id_key" ON "taskforce_members"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_members_tenant_id_taskforce_id_user_id_key" ON "taskforce_members"("tenant_id", "taskforce_id", "user_id");

-- CreateIndex
CREATE INDEX "taskforce_deliverables_tenant_id_taskforce_id_due_date_idx" ON "taskforce_deliverables"("tenant_id", "taskforce_id", "due_date");

-- CreateIndex
CREATE INDEX "taskforce_deliverables_tenant_id_published_at_idx" ON "taskforce_deliverables"("tenant_id", "published_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_deliverables_tenant_id_id_key" ON "taskforce_deliverables"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_deliverables_tenant_id_taskforce_id_title_key" ON "taskforce_deliverables"("tenant_id", "taskforce_id", "title");

-- CreateIndex
CREATE INDEX "taskforce_raci_assignments_tenant_id_user_id_idx" ON "taskforce_raci_assignments"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_raci_assignments_tenant_id_id_key" ON "taskforce_raci_assignments"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_raci_assignments_tenant_id_deliverable_id_user_id_key" ON "taskforce_raci_assignments"("tenant_id", "deliverable_id", "user_id");

-- CreateIndex
CREATE INDEX "taskforce_tasks_tenant_id_deliverable_id_status_idx" ON "taskforce_tasks"("tenant_id", "deliverable_id", "status");

-- CreateIndex
CREATE INDEX "taskforce_tasks_tenant_id_assignee_user_id_idx" ON "taskforce_tasks"("tenant_id", "assignee_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_tasks_tenant_id_id_key" ON "taskforce_tasks"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "taskforce_meeting_notes_tenant_id_taskforce_id_held_on_idx" ON "taskforce_meeting_notes"("tenant_id", "taskforce_id", "held_on" DESC);

-- CreateIndex
CREATE INDEX "taskforce_meeting_notes_tenant_id_author_user_id_idx" ON "taskforce_meeting_notes"("tenant_id", "author_user_id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_meeting_notes_tenant_id_id_key" ON "taskforce_meeting_notes"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "taskforce_members" ADD CONSTRAINT "taskforce_members_tenant_id_taskforce_id_fkey" FOREIGN KEY ("tenant_id", "taskforce_id") REFERENCES "taskforce_taskforces"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "taskforce_deliverables" ADD CONSTRAINT "taskforce_deliverables_tenant_id_taskforce_id_fkey" FOREIGN KEY ("tenant_id", "taskforce_id") REFERENCES "taskforce_taskforces"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "taskforce_raci_assignments" ADD CONSTRAINT "taskforce_raci_assignments_tenant_id_deliverable_id_fkey" FOREIGN KEY ("tenant_id", "deliverable_id") REFERENCES "taskforce_deliverables"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "taskforce_tasks" ADD CONSTRAINT "taskforce_tasks_tenant_id_deliverable_id_fkey" FOREIGN KEY ("tenant_id", "deliverable_id") REFERENCES "taskforce_deliverables"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "taskforce_meeting_notes" ADD CONSTRAINT "taskforce_meeting_notes_tenant_id_taskforce_id_fkey" FOREIGN KEY ("tenant_id", "taskforce_id") REFERENCES "taskforce_taskforces"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for new tenant tables

ALTER TABLE "taskforce_taskforces" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_taskforces" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_taskforces" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "taskforce_members" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_members" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_members" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "taskforce_deliverables" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_deliverables" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_deliverables" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "taskforce_raci_assignments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_raci_assignments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_raci_assignments" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "taskforce_tasks" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_tasks" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_tasks" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "taskforce_meeting_notes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_meeting_notes" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_meeting_notes" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The app role's access (edit for tables it must not read, like an outbox)

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_taskforces" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_members" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_deliverables" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_raci_assignments" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_tasks" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_meeting_notes" TO commons_app;
