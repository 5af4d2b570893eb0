-- CreateEnum
CREATE TYPE "consultations_status" AS ENUM ('DRAFT', 'SCHEDULED', 'OPEN', 'CLOSED');

-- CreateEnum
CREATE TYPE "consultations_audience_kind" AS ENUM ('ALL', 'FILTERED', 'PICKED');

-- CreateEnum
CREATE TYPE "consultations_mode" AS ENUM ('ORGANISATION', 'PERSON');

-- CreateEnum
CREATE TYPE "consultations_visibility" AS ENUM ('SECRETARIAT', 'PARTICIPANTS', 'ANONYMOUS');

-- CreateEnum
CREATE TYPE "consultations_question_kind" AS ENUM ('SHORT_TEXT', 'LONG_TEXT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'SCALE', 'RANKING', 'YES_NO');

-- CreateEnum
CREATE TYPE "consultations_response_status" AS ENUM ('DRAFT', 'SUBMITTED');

-- CreateEnum
CREATE TYPE "forum_access" AS ENUM ('OPEN', 'INVITATION');

-- CreateEnum
CREATE TYPE "forum_participant_role" AS ENUM ('PARTICIPANT', 'MODERATOR');

-- CreateEnum
CREATE TYPE "forum_vote_unit" AS ENUM ('ORGANISATION', 'PERSON');

-- CreateEnum
CREATE TYPE "forum_vote_options" AS ENUM ('CONSENT', 'CHOICE');

-- CreateEnum
CREATE TYPE "forum_proposal_status" AS ENUM ('OPEN', 'DECIDED');

-- CreateEnum
CREATE TYPE "forum_outcome" AS ENUM ('ADOPTED', 'REJECTED', 'BLOCKED', 'NO_QUORUM', 'CHOSEN', 'NO_MAJORITY');

-- CreateEnum
CREATE TYPE "forum_notify_level" AS ENUM ('WATCH', 'NORMAL', 'MUTE');

-- CreateEnum
CREATE TYPE "forum_digest" AS ENUM ('NONE', 'DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "forum_rsvp_answer" AS ENUM ('YES', 'NO', 'MAYBE');

-- CreateTable
CREATE TABLE "consultations" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "background" TEXT NOT NULL DEFAULT '',
    "status" "consultations_status" NOT NULL DEFAULT 'DRAFT',
    "audience_kind" "consultations_audience_kind" NOT NULL DEFAULT 'ALL',
    "audience_regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience_sectors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience_themes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "audience_organisation_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "include_stakeholders" BOOLEAN NOT NULL DEFAULT false,
    "mode" "consultations_mode" NOT NULL DEFAULT 'ORGANISATION',
    "visibility" "consultations_visibility" NOT NULL DEFAULT 'SECRETARIAT',
    "opens_at" TIMESTAMP(3),
    "deadline" TIMESTAMP(3),
    "reminder_hours" INTEGER[] DEFAULT ARRAY[72, 24]::INTEGER[],
    "opened_at" TIMESTAMP(3),
    "closed_at" TIMESTAMP(3),
    "statement" TEXT NOT NULL DEFAULT '',
    "commitments" TEXT NOT NULL DEFAULT '',
    "statement_published_at" TIMESTAMP(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultations_questions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "consultations_question_kind" NOT NULL,
    "prompt" TEXT NOT NULL,
    "help" TEXT NOT NULL DEFAULT '',
    "required" BOOLEAN NOT NULL DEFAULT false,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "scale_min_label" TEXT NOT NULL DEFAULT '',
    "scale_max_label" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "consultations_questions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultations_attachments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultations_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultations_recipients" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "respondent_key" TEXT NOT NULL,
    "organisation_id" UUID,
    "user_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultations_recipients_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultations_responses" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "respondent_key" TEXT NOT NULL,
    "organisation_id" UUID,
    "user_id" UUID,
    "status" "consultations_response_status" NOT NULL DEFAULT 'DRAFT',
    "answers" JSONB NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by_id" UUID NOT NULL,
    "submitted_by_id" UUID,
    "submitted_at" TIMESTAMP(3),
    "felt_heard" BOOLEAN,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultations_responses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "consultations_reminders" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "consultation_id" UUID NOT NULL,
    "respondent_key" TEXT NOT NULL,
    "reminder_key" TEXT NOT NULL,
    "sent_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consultations_reminders_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forums" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT '',
    "rules" TEXT NOT NULL DEFAULT '',
    "rules_version" INTEGER NOT NULL DEFAULT 1,
    "access" "forum_access" NOT NULL DEFAULT 'INVITATION',
    "public_record" BOOLEAN NOT NULL DEFAULT false,
    "participants_propose" BOOLEAN NOT NULL DEFAULT true,
    "vote_unit" "forum_vote_unit" NOT NULL DEFAULT 'ORGANISATION',
    "quorum_percent" INTEGER NOT NULL DEFAULT 50,
    "threshold_percent" INTEGER NOT NULL DEFAULT 50,
    "blocks_stop" BOOLEAN NOT NULL DEFAULT true,
    "stakeholders_vote" BOOLEAN NOT NULL DEFAULT false,
    "public_votes" BOOLEAN NOT NULL DEFAULT false,
    "voting_days" INTEGER NOT NULL DEFAULT 7,
    "archived_at" TIMESTAMP(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forums_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_participants" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "organisation_id" UUID,
    "user_id" UUID,
    "role" "forum_participant_role" NOT NULL DEFAULT 'PARTICIPANT',
    "affiliation" TEXT NOT NULL DEFAULT '',
    "removed_at" TIMESTAMP(3),
    "removed_reason" TEXT NOT NULL DEFAULT '',
    "added_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_participants_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_rules_acceptances" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "rules_version" INTEGER NOT NULL,
    "accepted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_rules_acceptances_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_threads" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "locked_at" TIMESTAMP(3),
    "post_count" INTEGER NOT NULL DEFAULT 0,
    "last_post_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_posts" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "quoted_post_id" UUID,
    "mentioned_user_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "edited_at" TIMESTAMP(3),
    "hidden_at" TIMESTAMP(3),
    "hidden_by_id" UUID,
    "hidden_reason" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_posts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_post_revisions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "edited_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_post_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_post_attachments" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "storage_key" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_post_attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_flags" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "post_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_flags_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_subscriptions" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "thread_id" UUID,
    "level" "forum_notify_level" NOT NULL,

    CONSTRAINT "forum_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_digest_preferences" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "frequency" "forum_digest" NOT NULL DEFAULT 'NONE',
    "last_sent_at" TIMESTAMP(3),

    CONSTRAINT "forum_digest_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_meetings" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "timezone" TEXT NOT NULL,
    "place" TEXT NOT NULL DEFAULT '',
    "link" TEXT NOT NULL DEFAULT '',
    "agenda" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "minutes" TEXT NOT NULL DEFAULT '',
    "attendee_user_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "other_attendees" TEXT NOT NULL DEFAULT '',
    "minutes_published_at" TIMESTAMP(3),
    "cancelled_at" TIMESTAMP(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_meetings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_rsvps" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "answer" "forum_rsvp_answer" NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_rsvps_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_action_points" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "owner_user_id" UUID,
    "owner_organisation_id" UUID,
    "owner_name" TEXT NOT NULL DEFAULT '',
    "due_on" DATE,
    "done_at" TIMESTAMP(3),

    CONSTRAINT "forum_action_points_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_proposals" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "forum_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "body_html" TEXT NOT NULL,
    "author_id" UUID NOT NULL,
    "vote_unit" "forum_vote_unit" NOT NULL,
    "options" "forum_vote_options" NOT NULL,
    "choices" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "quorum_percent" INTEGER NOT NULL,
    "threshold_percent" INTEGER NOT NULL,
    "blocks_stop" BOOLEAN NOT NULL,
    "stakeholders_vote" BOOLEAN NOT NULL,
    "public_votes" BOOLEAN NOT NULL,
    "opens_at" TIMESTAMP(3) NOT NULL,
    "closes_at" TIMESTAMP(3) NOT NULL,
    "status" "forum_proposal_status" NOT NULL DEFAULT 'OPEN',
    "outcome" "forum_outcome",
    "outcome_choice" TEXT,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "eligible_count" INTEGER,
    "decided_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_proposals_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "forum_votes" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "proposal_id" UUID NOT NULL,
    "voter_key" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "organisation_id" UUID,
    "choice" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forum_votes_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "consultations_tenant_id_status_deadline_idx" ON "consultations"("tenant_id", "status", "deadline");

-- CreateIndex
CREATE INDEX "consultations_tenant_id_created_at_idx" ON "consultations"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "consultations_status_deadline_idx" ON "consultations"("status", "deadline");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_tenant_id_id_key" ON "consultations"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "consultations_questions_tenant_id_consultation_id_position_idx" ON "consultations_questions"("tenant_id", "consultation_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_questions_tenant_id_id_key" ON "consultations_questions"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "consultations_attachments_tenant_id_consultation_id_idx" ON "consultations_attachments"("tenant_id", "consultation_id");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_attachments_tenant_id_id_key" ON "consultations_attachments"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "consultations_recipients_tenant_id_organisation_id_idx" ON "consultations_recipients"("tenant_id", "organisation_id");

-- CreateIndex
CREATE INDEX "consultations_recipients_tenant_id_user_id_idx" ON "consultations_recipients"("tenant_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_recipients_tenant_id_id_key" ON "consultations_recipients"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_recipients_tenant_id_consultation_id_responde_key" ON "consultations_recipients"("tenant_id", "consultation_id", "respondent_key");

-- CreateIndex
CREATE INDEX "consultations_responses_tenant_id_consultation_id_status_idx" ON "consultations_responses"("tenant_id", "consultation_id", "status");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_responses_tenant_id_id_key" ON "consultations_responses"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_responses_tenant_id_consultation_id_responden_key" ON "consultations_responses"("tenant_id", "consultation_id", "respondent_key");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_reminders_tenant_id_id_key" ON "consultations_reminders"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "consultations_reminders_tenant_id_consultation_id_reminder__key" ON "consultations_reminders"("tenant_id", "consultation_id", "reminder_key", "respondent_key");

-- CreateIndex
CREATE INDEX "forums_tenant_id_created_at_idx" ON "forums"("tenant_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "forums_tenant_id_id_key" ON "forums"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forums_tenant_id_name_key" ON "forums"("tenant_id", "name");

-- CreateIndex
CREATE INDEX "forum_participants_tenant_id_user_id_idx" ON "forum_participants"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "forum_participants_tenant_id_organisation_id_idx" ON "forum_participants"("tenant_id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_participants_tenant_id_id_key" ON "forum_participants"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_participants_tenant_id_forum_id_organisation_id_key" ON "forum_participants"("tenant_id", "forum_id", "organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_participants_tenant_id_forum_id_user_id_key" ON "forum_participants"("tenant_id", "forum_id", "user_id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_rules_acceptances_tenant_id_id_key" ON "forum_rules_acceptances"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_rules_acceptances_tenant_id_forum_id_user_id_key" ON "forum_rules_acceptances"("tenant_id", "forum_id", "user_id");

-- CreateIndex
CREATE INDEX "forum_threads_tenant_id_forum_id_last_post_at_idx" ON "forum_threads"("tenant_id", "forum_id", "last_post_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "forum_threads_tenant_id_id_key" ON "forum_threads"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "forum_posts_tenant_id_forum_id_created_at_idx" ON "forum_posts"("tenant_id", "forum_id", "created_at");

-- CreateIndex
CREATE INDEX "forum_posts_tenant_id_author_id_idx" ON "forum_posts"("tenant_id", "author_id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_posts_tenant_id_id_key" ON "forum_posts"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_posts_tenant_id_thread_id_number_key" ON "forum_posts"("tenant_id", "thread_id", "number");

-- CreateIndex
CREATE INDEX "forum_post_revisions_tenant_id_post_id_created_at_idx" ON "forum_post_revisions"("tenant_id", "post_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "forum_post_revisions_tenant_id_id_key" ON "forum_post_revisions"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "forum_post_attachments_tenant_id_post_id_idx" ON "forum_post_attachments"("tenant_id", "post_id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_post_attachments_tenant_id_id_key" ON "forum_post_attachments"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "forum_flags_tenant_id_forum_id_resolved_at_idx" ON "forum_flags"("tenant_id", "forum_id", "resolved_at");

-- CreateIndex
CREATE UNIQUE INDEX "forum_flags_tenant_id_id_key" ON "forum_flags"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_flags_tenant_id_post_id_user_id_key" ON "forum_flags"("tenant_id", "post_id", "user_id");

-- CreateIndex
CREATE INDEX "forum_subscriptions_tenant_id_thread_id_level_idx" ON "forum_subscriptions"("tenant_id", "thread_id", "level");

-- CreateIndex
CREATE INDEX "forum_subscriptions_tenant_id_forum_id_level_idx" ON "forum_subscriptions"("tenant_id", "forum_id", "level");

-- CreateIndex
CREATE UNIQUE INDEX "forum_subscriptions_tenant_id_id_key" ON "forum_subscriptions"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_subscriptions_tenant_id_user_id_forum_id_thread_id_key" ON "forum_subscriptions"("tenant_id", "user_id", "forum_id", "thread_id");

-- CreateIndex
CREATE INDEX "forum_digest_preferences_tenant_id_frequency_idx" ON "forum_digest_preferences"("tenant_id", "frequency");

-- CreateIndex
CREATE UNIQUE INDEX "forum_digest_preferences_tenant_id_id_key" ON "forum_digest_preferences"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_digest_preferences_tenant_id_user_id_key" ON "forum_digest_preferences"("tenant_id", "user_id");

-- CreateIndex
CREATE INDEX "forum_meetings_tenant_id_forum_id_starts_at_idx" ON "forum_meetings"("tenant_id", "forum_id", "starts_at");

-- CreateIndex
CREATE UNIQUE INDEX "forum_meetings_tenant_id_id_key" ON "forum_meetings"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_rsvps_tenant_id_id_key" ON "forum_rsvps"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_rsvps_tenant_id_meeting_id_user_id_key" ON "forum_rsvps"("tenant_id", "meeting_id", "user_id");

-- CreateIndex
CREATE INDEX "forum_action_points_tenant_id_meeting_id_position_idx" ON "forum_action_points"("tenant_id", "meeting_id", "position");

-- CreateIndex
CREATE UNIQUE INDEX "forum_action_points_tenant_id_id_key" ON "forum_action_points"("tenant_id", "id");

-- CreateIndex
CREATE INDEX "forum_proposals_tenant_id_forum_id_created_at_idx" ON "forum_proposals"("tenant_id", "forum_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "forum_proposals_tenant_id_forum_id_decided_at_idx" ON "forum_proposals"("tenant_id", "forum_id", "decided_at" DESC);

-- CreateIndex
CREATE INDEX "forum_proposals_status_closes_at_idx" ON "forum_proposals"("status", "closes_at");

-- CreateIndex
CREATE UNIQUE INDEX "forum_proposals_tenant_id_id_key" ON "forum_proposals"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_votes_tenant_id_id_key" ON "forum_votes"("tenant_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "forum_votes_tenant_id_proposal_id_voter_key_key" ON "forum_votes"("tenant_id", "proposal_id", "voter_key");

-- AddForeignKey
ALTER TABLE "consultations_questions" ADD CONSTRAINT "consultations_questions_tenant_id_consultation_id_fkey" FOREIGN KEY ("tenant_id", "consultation_id") REFERENCES "consultations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultations_attachments" ADD CONSTRAINT "consultations_attachments_tenant_id_consultation_id_fkey" FOREIGN KEY ("tenant_id", "consultation_id") REFERENCES "consultations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultations_recipients" ADD CONSTRAINT "consultations_recipients_tenant_id_consultation_id_fkey" FOREIGN KEY ("tenant_id", "consultation_id") REFERENCES "consultations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consultations_responses" ADD CONSTRAINT "consultations_responses_tenant_id_consultation_id_fkey" FOREIGN KEY ("tenant_id", "consultation_id") REFERENCES "consultations"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_participants" ADD CONSTRAINT "forum_participants_tenant_id_forum_id_fkey" FOREIGN KEY ("tenant_id", "forum_id") REFERENCES "forums"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_tenant_id_forum_id_fkey" FOREIGN KEY ("tenant_id", "forum_id") REFERENCES "forums"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_tenant_id_thread_id_fkey" FOREIGN KEY ("tenant_id", "thread_id") REFERENCES "forum_threads"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_meetings" ADD CONSTRAINT "forum_meetings_tenant_id_forum_id_fkey" FOREIGN KEY ("tenant_id", "forum_id") REFERENCES "forums"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_rsvps" ADD CONSTRAINT "forum_rsvps_tenant_id_meeting_id_fkey" FOREIGN KEY ("tenant_id", "meeting_id") REFERENCES "forum_meetings"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_action_points" ADD CONSTRAINT "forum_action_points_tenant_id_meeting_id_fkey" FOREIGN KEY ("tenant_id", "meeting_id") REFERENCES "forum_meetings"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_proposals" ADD CONSTRAINT "forum_proposals_tenant_id_forum_id_fkey" FOREIGN KEY ("tenant_id", "forum_id") REFERENCES "forums"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "forum_votes" ADD CONSTRAINT "forum_votes_tenant_id_proposal_id_fkey" FOREIGN KEY ("tenant_id", "proposal_id") REFERENCES "forum_proposals"("tenant_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security for new tenant tables

ALTER TABLE "consultations" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consultations" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consultations" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "consultations_questions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consultations_questions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consultations_questions" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "consultations_attachments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consultations_attachments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consultations_attachments" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "consultations_recipients" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consultations_recipients" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consultations_recipients" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "consultations_responses" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consultations_responses" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consultations_responses" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "consultations_reminders" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "consultations_reminders" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "consultations_reminders" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forums" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forums" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forums" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_participants" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_participants" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_participants" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_rules_acceptances" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_rules_acceptances" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_rules_acceptances" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_threads" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_threads" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_threads" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_posts" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_posts" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_posts" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_post_revisions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_post_revisions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_post_revisions" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_post_attachments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_post_attachments" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_post_attachments" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_flags" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_flags" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_flags" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_subscriptions" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_subscriptions" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_subscriptions" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_digest_preferences" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_digest_preferences" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_digest_preferences" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_meetings" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_meetings" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_meetings" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_rsvps" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_rsvps" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_rsvps" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_action_points" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_action_points" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_action_points" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_proposals" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_proposals" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_proposals" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

ALTER TABLE "forum_votes" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "forum_votes" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "forum_votes" USING (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid) WITH CHECK (tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid);

-- The app role's access (edit for tables it must not read, like an outbox)

GRANT SELECT, INSERT, UPDATE, DELETE ON "consultations" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "consultations_questions" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "consultations_attachments" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "consultations_recipients" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "consultations_responses" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "consultations_reminders" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forums" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_participants" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_rules_acceptances" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_threads" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_posts" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_post_revisions" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_post_attachments" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_flags" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_subscriptions" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_digest_preferences" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_meetings" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_rsvps" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_action_points" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_proposals" TO commons_app;

GRANT SELECT, INSERT, UPDATE, DELETE ON "forum_votes" TO commons_app;

-- hand-written (not expressible in the Prisma schema)
-- A participant is an organisation or a person, never both or neither.
ALTER TABLE "forum_participants" ADD CONSTRAINT "forum_participants_organisation_or_person" CHECK (("organisation_id" IS NULL) <> ("user_id" IS NULL));
-- A proposal's window runs forwards; quorum and threshold are percentages.
ALTER TABLE "forum_proposals" ADD CONSTRAINT "forum_proposals_window" CHECK ("closes_at" > "opens_at");
ALTER TABLE "forum_proposals" ADD CONSTRAINT "forum_proposals_percentages" CHECK ("quorum_percent" BETWEEN 0 AND 100 AND "threshold_percent" BETWEEN 0 AND 100);
