-- AlterTable
ALTER TABLE "taskforce_deliverables" ADD COLUMN     "due_reminder_sent_for" DATE;
