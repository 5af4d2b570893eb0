-- CreateTable
CREATE TABLE "taskforce_publication_subscribers" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "taskforce_publication_subscribers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_publication_subscribers_tenant_id_id_key" ON "taskforce_publication_subscribers"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_publication_subscribers_tenant_id_user_id_key" ON "taskforce_publication_subscribers"("tenant_id", "user_id");

-- Row-level security for new tenant tables

ALTER TABLE "taskforce_publication_subscribers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "taskforce_publication_subscribers" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "taskforce_publication_subscribers" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The app role's access (edit for tables it must not read, like an outbox)

GRANT SELECT, INSERT, UPDATE, DELETE ON "taskforce_publication_subscribers" TO commons_app;
