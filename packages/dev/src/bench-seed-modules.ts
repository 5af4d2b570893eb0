import pg from "pg";
import { BIG_TENANT, bigAdminId, bigMemberId, bigTenantId } from "./bench-seed.ts";
import { stableId } from "./seed/ids.ts";

/**
 * The big coalition's consultation and forums, for `npm run bench`: a closed consultation
 * of 20 questions answered by 8,000 of the 10,000 organisations, and forums holding
 * 1,000,000 posts (5,000 threads of 200 posts), one thread of 2,000. Written with
 * INSERT … SELECT over generate_series; each part is skipped when it is already there.
 */
export const BIG_CONSULTATION = { id: stableId("bench:consultation"), respondents: 8_000 } as const;
export const BIG_FORUM = {
  id: stableId("bench:forum:0"),
  forums: 10,
  threadsPerForum: 500,
  postsPerThread: 200,
  /** A thread of the first forum, with postsPerThread posts. */
  threadId: stableId("bench:thread:0:0"),
  /** A thread of the first forum with 2,000 posts. */
  longThreadId: stableId("bench:thread:long"),
  longThreadPosts: 2_000,
} as const;

/** Question kinds of the benchmark consultation, 20 in all, each kind several times. */
const KINDS = [
  "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "RANKING", "YES_NO", "SHORT_TEXT", "LONG_TEXT",
  "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "RANKING", "YES_NO", "LONG_TEXT",
  "SINGLE_CHOICE", "MULTIPLE_CHOICE", "SCALE", "YES_NO", "SHORT_TEXT", "LONG_TEXT", "SINGLE_CHOICE",
] as const;
const OPTIONS = ["Strongly support", "Support with changes", "Neutral", "Oppose"];

async function inTenant(client: pg.Client, work: () => Promise<void>): Promise<void> {
  await client.query("BEGIN");
  try {
    // FORCE'd row-level security applies to a non-superuser owner too.
    await client.query("SELECT set_config('app.tenant_id', $1, true)", [bigTenantId()]);
    await work();
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function exists(client: pg.Client, table: string, id: string): Promise<boolean> {
  await client.query("SELECT set_config('app.tenant_id', $1, false)", [bigTenantId()]);
  const { rowCount } = await client.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  return Boolean(rowCount);
}

async function seedBigConsultation(client: pg.Client): Promise<void> {
  if (await exists(client, "consultations", BIG_CONSULTATION.id)) return;
  const tenantId = bigTenantId();
  await inTenant(client, async () => {
    await client.query(
      `INSERT INTO consultations (id, tenant_id, title, purpose, background, status, mode, visibility, opens_at, deadline, opened_at, closed_at, created_by_id, updated_at)
       VALUES ($1, $2, 'National mining policy: members'' positions', 'What the platform should say to the ministry.', 'Twenty questions on the draft policy.',
               'CLOSED', 'ORGANISATION', 'SECRETARIAT', now() - interval '30 days', now() - interval '2 days', now() - interval '30 days', now() - interval '2 days', $3, now())`,
      [BIG_CONSULTATION.id, tenantId, bigAdminId()],
    );
    await client.query(
      `INSERT INTO consultations_questions (id, tenant_id, consultation_id, position, kind, prompt, help, required, options, scale_min_label, scale_max_label)
       SELECT md5('bench-question-' || q)::uuid, $1, $2, q, k.kind::consultations_question_kind, 'Question ' || (q + 1) || ' of the benchmark consultation', '', q % 2 = 0,
              CASE WHEN k.kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'RANKING') THEN $4::text[] ELSE '{}' END,
              CASE WHEN k.kind = 'SCALE' THEN 'Not at all' ELSE '' END, CASE WHEN k.kind = 'SCALE' THEN 'Completely' ELSE '' END
       FROM unnest($3::text[]) WITH ORDINALITY AS k(kind, n) CROSS JOIN LATERAL (SELECT (k.n - 1)::int AS q) AS numbered`,
      [tenantId, BIG_CONSULTATION.id, [...KINDS], OPTIONS],
    );
    await client.query(
      `INSERT INTO consultations_recipients (id, tenant_id, consultation_id, respondent_key, organisation_id)
       SELECT md5('bench-recipient-' || o.id)::uuid, $1, $2, 'org:' || o.id, o.id FROM organisations o WHERE o.tenant_id = $1`,
      [tenantId, BIG_CONSULTATION.id],
    );
    // Answers as the answering area stores them: question id → string, string[], number or {answer, comment}.
    await client.query(
      `INSERT INTO consultations_responses (id, tenant_id, consultation_id, respondent_key, organisation_id, status, answers, version, updated_by_id, submitted_by_id, submitted_at, updated_at)
       SELECT md5('bench-response-' || i)::uuid, $1, $2, 'org:' || md5('bench-org-' || i)::uuid, md5('bench-org-' || i)::uuid, 'SUBMITTED',
              (SELECT jsonb_object_agg(question.id::text, CASE question.kind
                  WHEN 'SINGLE_CHOICE' THEN to_jsonb(($4::text[])[1 + (i + question.position) % 4])
                  WHEN 'MULTIPLE_CHOICE' THEN to_jsonb(ARRAY[($4::text[])[1 + i % 4], ($4::text[])[1 + (i + 1 + question.position) % 4]])
                  WHEN 'SCALE' THEN to_jsonb(1 + (i * (question.position + 1)) % 5)
                  WHEN 'RANKING' THEN to_jsonb(ARRAY[($4::text[])[1 + i % 4], ($4::text[])[1 + (i + 1) % 4], ($4::text[])[1 + (i + 2) % 4], ($4::text[])[1 + (i + 3) % 4]])
                  WHEN 'YES_NO' THEN jsonb_build_object('answer', CASE WHEN (i + question.position) % 3 = 0 THEN 'no' ELSE 'yes' END, 'comment', CASE WHEN i % 5 = 0 THEN 'Only with safeguards for the communities.' ELSE '' END)
                  ELSE to_jsonb('Organisation ' || i || ' on question ' || (question.position + 1) || ': the draft should require free, prior and informed consent.')
                END)
               FROM consultations_questions question WHERE question.consultation_id = $2),
              2, $3, $3, now() - (i % 600) * interval '1 hour', now() - (i % 600) * interval '1 hour'
       FROM generate_series(0, $5 - 1) AS i`,
      [tenantId, BIG_CONSULTATION.id, bigAdminId(), OPTIONS, BIG_CONSULTATION.respondents],
    );
  });
}

async function seedBigForums(client: pg.Client): Promise<void> {
  if (await exists(client, "forums", BIG_FORUM.id)) return;
  const tenantId = bigTenantId();
  const { forums, threadsPerForum, postsPerThread } = BIG_FORUM;
  await inTenant(client, async () => {
    await client.query(
      `INSERT INTO forums (id, tenant_id, name, purpose, rules, access, public_record, created_by_id, updated_at)
       SELECT CASE WHEN f = 0 THEN $2::uuid ELSE md5('bench-forum-' || f)::uuid END, $1, 'Benchmark forum ' || (f + 1), 'Where members and stakeholders meet.',
              'Speak for your organisation. Decisions by the stated rule.', 'OPEN', true, $3, now()
       FROM generate_series(0, $4 - 1) AS f`,
      [tenantId, BIG_FORUM.id, bigAdminId(), forums],
    );
    // The measured people have accepted the rules, as anyone who has entered once.
    await client.query(
      `INSERT INTO forum_rules_acceptances (id, tenant_id, forum_id, user_id, rules_version)
       SELECT gen_random_uuid(), $1, f.id, u.id, 1 FROM forums f CROSS JOIN unnest($2::uuid[]) AS u(id) WHERE f.tenant_id = $1`,
      [tenantId, [bigAdminId(), bigMemberId()]],
    );
    const forumIdSql = "CASE WHEN f = 0 THEN $2::uuid ELSE md5('bench-forum-' || f)::uuid END";
    const threadIdSql = `CASE WHEN f = 0 AND t = 0 THEN $3::uuid ELSE md5('bench-thread-' || f || '-' || t)::uuid END`;
    await client.query(
      `INSERT INTO forum_threads (id, tenant_id, forum_id, title, author_id, post_count, last_post_at, created_at)
       SELECT ${threadIdSql}, $1, ${forumIdSql}, 'Thread ' || (t + 1) || ' on the draft mining policy', md5('bench-user-' || ((f * 997 + t) % $6))::uuid, $5,
              now() - ((f * $4 + t) * interval '7 minutes'), now() - ((f * $4 + t) * interval '7 minutes') - interval '3 days'
       FROM generate_series(0, $7 - 1) AS f, generate_series(0, $4 - 1) AS t`,
      [tenantId, BIG_FORUM.id, BIG_FORUM.threadId, threadsPerForum, postsPerThread, BIG_TENANT.people, forums],
    );
    // One forum at a time keeps each statement's memory bounded.
    for (let f = 0; f < forums; f++) {
      await client.query(
        `INSERT INTO forum_posts (id, tenant_id, forum_id, thread_id, number, author_id, body, body_html, created_at)
         SELECT gen_random_uuid(), $1, ${forumIdSql}, ${threadIdSql}, n, md5('bench-user-' || ((t * 31 + n * 17) % $6))::uuid,
                'Reply ' || n || ': we **agree** with the proposal, with one change to the timeline.',
                '<p>Reply ' || n || ': we <strong>agree</strong> with the proposal, with one change to the timeline.</p>',
                now() - ((f * $4 + t) * interval '7 minutes') - interval '3 days' + n * interval '1 minute'
         FROM (SELECT $7::int AS f) AS forum, generate_series(0, $4 - 1) AS t, generate_series(1, $5) AS n`,
        [tenantId, BIG_FORUM.id, BIG_FORUM.threadId, threadsPerForum, postsPerThread, BIG_TENANT.people, f],
      );
    }
    await client.query(
      `INSERT INTO forum_threads (id, tenant_id, forum_id, title, author_id, post_count, last_post_at)
       VALUES ($1, $2, $3, 'A long thread: the whole policy, chapter by chapter', $4, $5, now())`,
      [BIG_FORUM.longThreadId, tenantId, BIG_FORUM.id, bigAdminId(), BIG_FORUM.longThreadPosts],
    );
    await client.query(
      `INSERT INTO forum_posts (id, tenant_id, forum_id, thread_id, number, author_id, body, body_html, created_at)
       SELECT gen_random_uuid(), $1, $2, $3, n, md5('bench-user-' || (n * 13 % $5))::uuid, 'Post ' || n || ' on chapter ' || (n / 50 + 1) || '.',
              '<p>Post ' || n || ' on chapter ' || (n / 50 + 1) || '.</p>', now() - interval '1 day' + n * interval '10 seconds'
       FROM generate_series(1, $4) AS n`,
      [tenantId, BIG_FORUM.id, BIG_FORUM.longThreadId, BIG_FORUM.longThreadPosts, BIG_TENANT.people],
    );
  });
}

/** Adds what is missing of the big coalition's consultation and forums; then refreshes statistics. */
export async function seedBigModules(url: string, log: (line: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    log(`consultation: 20 questions, ${BIG_CONSULTATION.respondents} answers…`);
    await seedBigConsultation(client);
    log(`forums: ${BIG_FORUM.forums * BIG_FORUM.threadsPerForum * BIG_FORUM.postsPerThread + BIG_FORUM.longThreadPosts} posts…`);
    await seedBigForums(client);
    await client.query("ANALYZE consultations_responses");
    await client.query("ANALYZE forum_posts");
    await client.query("ANALYZE forum_threads");
  } finally {
    await client.end();
  }
}
