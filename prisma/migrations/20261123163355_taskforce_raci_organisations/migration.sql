-- AlterTable
ALTER TABLE "taskforce_raci_assignments" ADD COLUMN     "organisation_id" UUID,
ALTER COLUMN "user_id" DROP NOT NULL;

-- CreateIndex
CREATE INDEX "taskforce_raci_assignments_tenant_id_organisation_id_idx" ON "taskforce_raci_assignments"("tenant_id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "taskforce_raci_assignments_tenant_id_deliverable_id_organis_key" ON "taskforce_raci_assignments"("tenant_id", "deliverable_id", "organisation_id");

-- hand-written (not expressible in the Prisma schema)
-- A role is held by a person or by an organisation, never both and never neither.
ALTER TABLE "taskforce_raci_assignments" ADD CONSTRAINT "taskforce_raci_assignments_one_holder_check" CHECK (num_nonnulls("user_id", "organisation_id") = 1);
