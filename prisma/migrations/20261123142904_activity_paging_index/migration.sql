-- DropIndex
DROP INDEX "activities_tenant_id_created_at_idx";

-- CreateIndex
CREATE INDEX "activities_tenant_id_created_at_id_idx" ON "activities"("tenant_id", "created_at" DESC, "id" DESC);
