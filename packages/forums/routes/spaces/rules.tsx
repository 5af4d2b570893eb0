import { redirect, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { renderMarkdown } from "@commons/markdown";
import { readForm } from "@commons/plugin-sdk/forms";
import { formatDate } from "@commons/i18n";
import { Button, Notice } from "@commons/ui";
import { enterForum, forumNav, forumPath, guard, requireId, type RouteArgs } from "../../src/access.server.ts";
import { PERMISSIONS } from "../../src/constants.ts";
import { DecisionRuleSummary } from "../../src/spaces/components.tsx";
import { ForumNav, forumLinks } from "../../src/spaces/forum-nav.tsx";
import { spacesT, useLocale, useSpacesT } from "../../src/spaces/i18n.ts";

export const meta: MetaFunction = () => [{ title: `${spacesT()("forums.spaces.rules.title")} · Commons` }];
export const links = forumLinks;

/** Where to go after accepting: back to the forum page that sent the person here, nowhere else. */
function nextPage(value: string | null, home: string): string {
  if (!value || !(value === home || value.startsWith(`${home}/`) || value.startsWith(`${home}?`)) || value.includes("//") || value.includes("\\")) return home;
  return value;
}

// The rules page is the one forum page open before the rules are accepted.
export async function loader(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const next = new URL(args.request.url).searchParams.get("next");
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const entry = await enterForum(ctx, forumId, { rulesGate: false });
    const acceptance = await ctx.db.forumRulesAcceptance.findFirst({ where: { forumId, userId: ctx.person.id }, select: { rulesVersion: true, acceptedAt: true } });
    const { forum } = entry;
    return {
      forumNav: forumNav(ctx, entry),
      rulesHtml: forum.rules ? renderMarkdown(forum.rules, { topHeading: 3 }) : "",
      rule: {
        rulesVersion: forum.rulesVersion,
        voteUnit: forum.voteUnit,
        quorumPercent: forum.quorumPercent,
        thresholdPercent: forum.thresholdPercent,
        blocksStop: forum.blocksStop,
        stakeholdersVote: forum.stakeholdersVote,
        publicVotes: forum.publicVotes,
        votingDays: forum.votingDays,
        participantsPropose: forum.participantsPropose,
      },
      mustAccept: entry.mustAcceptRules,
      // They accepted an earlier version: say the rules changed, not just "accept".
      changedSince: entry.mustAcceptRules && !!acceptance,
      acceptedAt: !entry.mustAcceptRules && acceptance ? acceptance.acceptedAt.toISOString() : null,
      next: next ? nextPage(next, forumPath(ctx.tenant.slug, forumId)) : null,
      member: ctx.nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const forumId = requireId(args.params.forumId);
  const form = await readForm(args.request);
  return guard(args, PERMISSIONS.takePart, async (ctx) => {
    const { forum } = await enterForum(ctx, forumId, { rulesGate: false });
    const home = forumPath(ctx.tenant.slug, forumId);
    if (String(form.get("intent")) !== "accept") return redirect(forumPath(ctx.tenant.slug, forumId, "rules"));
    // The version shown is the one accepted: if the rules changed while the page was open, accept again.
    const version = Number(form.get("rulesVersion"));
    if (version !== forum.rulesVersion) return redirect(forumPath(ctx.tenant.slug, forumId, "rules"));
    await ctx.db.forumRulesAcceptance.upsert({
      where: { tenantId_forumId_userId: { tenantId: ctx.tenant.id, forumId, userId: ctx.person.id } },
      create: { tenantId: ctx.tenant.id, forumId, userId: ctx.person.id, rulesVersion: forum.rulesVersion },
      update: { rulesVersion: forum.rulesVersion, acceptedAt: new Date() },
    });
    return redirect(nextPage(String(form.get("next") ?? ""), home));
  });
}

export default function ForumRules() {
  const t = useSpacesT();
  const locale = useLocale();
  const data = useLoaderData<typeof loader>();
  return (
    <main id="main">
      <ForumNav nav={data.forumNav} current="rules" />
      <h2>{t("forums.spaces.rules.title")}</h2>
      {data.mustAccept ? <Notice tone="warning">{t(data.changedSince ? "forums.spaces.rules.changed" : "forums.spaces.rules.firstEntry")}</Notice> : null}
      {data.rulesHtml ? <div className="forum-rules" dangerouslySetInnerHTML={{ __html: data.rulesHtml }} /> : <p>{t("forums.spaces.rules.none")}</p>}
      <h2>{t("forums.spaces.rules.decisionTitle")}</h2>
      <DecisionRuleSummary rule={data.rule} />
      {/* Accepting covers the rules and how the forum decides: the button comes after both. */}
      {data.mustAccept ? (
        <Form method="post">
          <input type="hidden" name="intent" value="accept" />
          <input type="hidden" name="rulesVersion" value={data.rule.rulesVersion} />
          {data.next ? <input type="hidden" name="next" value={data.next} /> : null}
          <Button>{t("forums.spaces.rules.accept")}</Button>
        </Form>
      ) : data.acceptedAt ? (
        <p className="muted">{t("forums.spaces.rules.acceptedOn", { date: formatDate(data.acceptedAt, locale) })}</p>
      ) : null}
    </main>
  );
}
