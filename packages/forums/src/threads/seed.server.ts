import type { SeedContext } from "@commons/plugin-sdk/server";
// Types only: the server entry imports the seed, and the manifest imports the server entry.
import type { settings } from "../settings.ts";
import type { SeededForum } from "../seed.server.ts";
import { participantsOf } from "../access.server.ts";
import { findMentions } from "./mentions.ts";
import { quoteOf } from "./posts.server.ts";
import { renderPost } from "./render.server.ts";

type Ctx = Pick<SeedContext<typeof settings>, "db" | "tenantId"> & { log?: Pick<SeedContext<typeof settings>["log"], "info"> };

interface SeedPost {
  /** Who writes it: an index into the forum's people (members first, then stakeholders). */
  by: "member" | "member2" | "member3" | "moderator" | "stakeholder" | "stakeholder2" | "secretariat";
  body: string;
  /** Quote the post with this number in the same thread. */
  quotes?: number;
}

interface SeedThread {
  title: string;
  daysAgo: number;
  locked?: boolean;
  posts: SeedPost[];
}

const THREADS: readonly SeedThread[] = [
  {
    title: "Disclosure of royalty payments for the Caraga nickel mines",
    daysAgo: 12,
    posts: [
      { by: "member", body: "The 2025 EITI report lists royalty payments per company but not per mine. Communities in Claver and Tubay cannot tell what their own mine paid.\n\nCan we agree to ask for **per-project reporting** in the next cycle?" },
      { by: "stakeholder", body: "The regional office can share the per-tenement figures we already receive, for 2023 onward. Older figures are on paper; we would need help to digitise them." },
      { by: "member2", body: "That would be a good start. We can lend two volunteers for the digitising in January.", quotes: 2 },
      { by: "stakeholder2", body: "The company supports per-project reporting if the format is the same for every operator in the province. We should not be the only ones publishing." },
      { by: "moderator", body: "Thank you all. I will table a proposal with the common format so we can decide it by the forum's rule. @{stakeholder} and @{stakeholder2}, please check the draft fields before Friday." },
    ],
  },
  {
    title: "Community monitoring of water quality downstream of the tailings pond",
    daysAgo: 5,
    posts: [
      { by: "member3", body: "Our monitors took samples at the three points agreed last year. Turbidity at point B was above the standard after the heavy rain of 14 November. The lab results are attached to the monitoring report." },
      { by: "stakeholder2", body: "Our environment team saw the same reading. The silt curtain was repaired on 16 November. We propose a joint sampling visit with the monitors next month." },
      { by: "member", body: "A joint visit is welcome. The monitors ask for the visit date two weeks ahead so they can bring the barangay officials." },
    ],
  },
  {
    title: "Agenda for the December meeting",
    daysAgo: 2,
    posts: [
      { by: "secretariat", body: "Proposed agenda:\n\n1. Per-project royalty reporting: proposal and vote\n2. Water monitoring: joint visit\n3. Action points from October\n\nReply here to add items before Monday." },
      { by: "member2", body: "Please add a short update on the grievance mechanism from the company." },
    ],
  },
];

/**
 * The threads area's demo data in the demo forum: a few discussions between members, the
 * moderator and the stakeholders, with a quote and mentions, as the thread pages would have
 * written them (numbered posts, Markdown rendered once). The seed records no events, so
 * nobody is emailed.
 */
export async function seedForumThreads({ db, tenantId, log }: Ctx, forum: Pick<SeededForum, "forumId" | "createdById" | "moderatorId">): Promise<void> {
  const people = await participantsOf(db, forum.forumId);
  const creator = await db.membership.findFirst({ where: { userId: forum.createdById }, select: { userId: true, user: { select: { name: true } } } });
  const secretariat = creator ? { userId: creator.userId, name: creator.user.name } : undefined;
  const memberPeople = people.filter((p) => !p.stakeholder && p.userId !== forum.moderatorId);
  const stakeholders = people.filter((p) => p.stakeholder);
  const who: Record<SeedPost["by"], { userId: string; name: string } | undefined> = {
    member: memberPeople[0],
    member2: memberPeople[1] ?? memberPeople[0],
    member3: memberPeople[2] ?? memberPeople[0],
    moderator: people.find((p) => p.userId === forum.moderatorId) ?? secretariat,
    stakeholder: stakeholders[0] ?? memberPeople[0],
    stakeholder2: stakeholders[1] ?? stakeholders[0] ?? memberPeople[0],
    secretariat: secretariat ?? memberPeople[0],
  };
  if (!who.member) {
    log?.info("forums: nobody in the demo forum to write threads");
    return;
  }
  const now = Date.now();
  for (const thread of THREADS) {
    const authors = thread.posts.map((p) => who[p.by] ?? who.member!);
    const start = now - thread.daysAgo * 86_400_000;
    const times = thread.posts.map((_, i) => new Date(start + i * 3 * 3_600_000));
    const created = await db.forumThread.create({
      data: { tenantId, forumId: forum.forumId, title: thread.title, authorId: authors[0]!.userId, postCount: thread.posts.length, lastPostAt: times.at(-1)!, createdAt: times[0]!, lockedAt: thread.locked ? times.at(-1)! : null },
      select: { id: true },
    });
    const ids: string[] = [];
    for (const [i, post] of thread.posts.entries()) {
      const named = post.body.replace(/@\{(\w+)\}/g, (_, key: SeedPost["by"]) => `@${who[key]?.name ?? ""}`);
      const quoted = post.quotes ? { id: ids[post.quotes - 1]!, text: quoteOf(authors[post.quotes - 1]!.name, thread.posts[post.quotes - 1]!.body) } : null;
      const body = quoted ? `${quoted.text}${named}` : named;
      const row = await db.forumPost.create({
        data: {
          tenantId,
          forumId: forum.forumId,
          threadId: created.id,
          number: i + 1,
          authorId: authors[i]!.userId,
          body,
          bodyHtml: renderPost(body),
          quotedPostId: quoted?.id ?? null,
          mentionedUserIds: findMentions(body, people).filter((id) => id !== authors[i]!.userId),
          createdAt: times[i]!,
        },
        select: { id: true },
      });
      ids.push(row.id);
    }
  }
  log?.info("forums: demo threads seeded", { forumId: forum.forumId, threads: THREADS.length });
}
