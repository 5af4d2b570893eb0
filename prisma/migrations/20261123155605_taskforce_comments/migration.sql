-- CreateTable
CREATE TABLE "taskforce_comments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "deliverable_id" UUID NOT NULL,
    "author_user_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "taskforce_comments_tenant_id_deliverable_id_created_at_idx" ON "taskforce_comments"("tenant_id", "deliverable_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_comments_tenant_id_id_key" ON "taskforce_comments"("tenant_id", "id");

-- AddForeignKey
ALTER TABLE "taskforce_comments" ADD CONSTRAINT "taskforce_comments_tenant_id_deliverable_id_fkey" FOREIGN KEY ("tenant_id", "deliverable_id") REFERENCES "taskforce_deliverables"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for new tenant tables

ALTER TABLE "taskforce_comments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_comments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_comments" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The app role's access (edit for tables it must not read, like an outbox)

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_comments" TO commons_app;
