-- AlterTable
ALTER TABLE "consultations" ADD COLUMN     "results_snapshot" JSONB,
ADD COLUMN     "results_snapshot_at" TIMESTAMP(3);
