-- CreateTable
CREATE TABLE "module_settings" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "module_id" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by_id" UUID,

    CONSTRAINT "module_settings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "module_settings_tenant_id_module_id_key" ON "module_settings"("tenant_id", "module_id");

-- AddForeignKey
ALTER TABLE "module_settings" ADD CONSTRAINT "module_settings_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenants"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for new tenant tables

ALTER TABLE "module_settings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "module_settings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "module_settings" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The app role reads and writes it (row-level security above decides which rows).
GRANT SELECT, INSERT, UPDATE, DELETE ON "module_settings" TO commons_app;
