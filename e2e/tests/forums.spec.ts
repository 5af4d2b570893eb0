import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures.ts";
import { submit, visit } from "../support/forms.ts";
import { closeVotingWindow, runModuleJobNow } from "../support/jobs.ts";
import { linkIn, waitForEmail } from "../support/mail.ts";
import { DEMO_ACCOUNTS, OEA, signIn, strongPassword, uniqueEmail } from "../support/people.ts";
import { shoot } from "../support/screenshots.ts";
import { openExtractivesOrganisations } from "@commons/dev/accounts";

/**
 * Issue 6's flow, end to end: the secretariat opens a multi-stakeholder forum and invites a
 * government official by email; the official joins, accepts the rules, posts and sees
 * nothing else of the coalition; a member mentions them (the email arrives); a meeting gets
 * minutes with an action point; a proposal is voted by one organisation, one vote (a
 * colleague of the same organisation is refused), decided by the close-votes job and read in
 * the public record signed out; a reply is posted with JavaScript off.
 */

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const organisationName = (key: string) => openExtractivesOrganisations().find((o) => o.key === key)!.name;
const forums = `/c/${OEA.slug}/forums`;

// Fail a step in seconds, not at the test's timeout.
test.use({ actionTimeout: 15_000, navigationTimeout: 20_000 });

/** Opens the invitation link from the email and creates the account. */
async function acceptInvitation(page: Page, email: string, name: string): Promise<string> {
  const message = await waitForEmail(email, `You are invited to join ${OEA.name}`);
  const password = strongPassword();
  await visit(page, linkIn(message, `/c/${OEA.slug}/join/`));
  await expect(page.getByRole("heading", { level: 1, name: `Join ${OEA.name}` })).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveValue(email);
  await page.getByLabel("Full name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await submit(page, page.getByRole("button", { name: "Accept invitation" }));
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return password;
}

/** The first time in a forum: the rules, accepted, then back where the person was going. */
async function acceptRules(page: Page) {
  await expect(page.getByRole("heading", { level: 2, name: "Rules of the forum" })).toBeVisible();
  await expect(page.getByText("Before you take part, read the rules of this forum and accept them.")).toBeVisible();
  await submit(page, page.getByRole("button", { name: "I accept these rules" }));
}

/** Adds one member organisation through the participants page's search. */
async function addOrganisation(page: Page, name: string) {
  await page.getByLabel("Find organisations by name").fill(name);
  await page.getByRole("button", { name: "Search" }).first().click();
  await page.getByRole("checkbox", { name, exact: true }).check();
  await submit(page, page.getByRole("button", { name: "Add the chosen" }).first());
  await expect(page.getByRole("status")).toContainText("1 added.");
}

test("a multi-stakeholder forum: invitation, rules, posts, a mention, minutes, a vote by organisation, the public record, a reply without JavaScript", async ({ page, newVisitor }) => {
  test.setTimeout(240_000);
  const stamp = Date.now();
  const forumName = `Nickel royalties forum ${stamp}`;
  const official = { email: uniqueEmail("official"), name: `Dolores Manalo ${stamp}`, office: "Department of Energy, Region XIII" };
  const colleague = { email: uniqueEmail("colleague"), name: `Marites Dizon ${stamp}` };
  const focal = DEMO_ACCOUNTS.focalPoint;
  const focalOrganisation = organisationName("oea-01");
  const memberOrganisation = organisationName("oea-07");

  // ── The secretariat creates the forum and invites the official. ──
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, forums);
  await expect(page.getByRole("heading", { level: 1, name: "Forums" })).toBeVisible();
  // Another forum the official is not in (the e2e database has no module demo data).
  const otherForumName = `Community monitors' circle ${stamp}`;
  await page.getByRole("link", { name: "New forum" }).click();
  await page.getByLabel("Name").fill(otherForumName);
  await submit(page, page.getByRole("button", { name: "Create the forum" }));
  await expect(page.getByRole("heading", { level: 1, name: otherForumName })).toBeVisible();
  const otherForum = new URL(page.url()).pathname.replace(/\/participants$/, "");
  await visit(page, forums);
  await page.getByRole("link", { name: "New forum" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New forum" })).toBeVisible();
  await page.getByLabel("Name").fill(forumName);
  await page.getByLabel("Purpose").fill("Agree with the regional offices how nickel royalties are disclosed, and follow up together.");
  await page.getByLabel("Rules of the forum").fill("1. **Speak for whom you represent.**\n2. Criticise positions, not people.\n3. Decisions and minutes are public.");
  await page.getByLabel("Who may enter").selectOption({ label: "By invitation" });
  await page.getByLabel("Make the record public").check();
  await page.getByLabel("Who votes").selectOption({ label: "One organisation, one vote" });
  await page.getByLabel("Quorum (percent)").fill("50");
  await page.getByLabel("Threshold to adopt (percent)").fill("67");
  await shoot(page, "forums-new");
  await submit(page, page.getByRole("button", { name: "Create the forum" }));
  await expect(page.getByRole("heading", { level: 1, name: forumName })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Participants" })).toBeVisible();
  const forumUrl = new URL(page.url()).pathname.replace(/\/participants$/, "");

  await addOrganisation(page, focalOrganisation);
  await addOrganisation(page, memberOrganisation);
  await page.getByLabel("Email address").fill(official.email);
  await page.getByLabel("Their name").fill(official.name);
  await page.getByLabel("They speak for").selectOption({ label: "Government office" });
  await page.getByLabel("Office, company or community").fill(official.office);
  await submit(page, page.getByRole("button", { name: "Invite", exact: true }));
  await expect(page.getByRole("status")).toContainText(`Invitation sent to ${official.email}.`);
  await expect(page.getByRole("table", { name: "Invitations not yet accepted" }).getByRole("row").filter({ hasText: official.email })).toContainText(official.office);
  await shoot(page, "forums-participants");

  // ── The official accepts, enters the forum, accepts its rules and starts a thread. ──
  const stakeholder = await newVisitor();
  const officialPassword = await acceptInvitation(stakeholder, official.email, official.name);
  const coalitionBar = stakeholder.getByRole("navigation", { name: OEA.name });
  await expect(coalitionBar.getByRole("link", { name: "Forums" })).toBeVisible();
  await expect(coalitionBar.getByRole("link")).toHaveText(["Overview", "Your membership", "Forums", "Switch coalition"]);
  for (const other of ["Members", "Consultations", "People", "Applications", "Invitations"]) {
    await expect(coalitionBar.getByRole("link", { name: other, exact: true })).toHaveCount(0);
  }
  await shoot(stakeholder, "forums-stakeholder-landing");
  // "Your membership", the one other page the bar offers them.
  await visit(stakeholder, `/c/${OEA.slug}/members/me`);
  await shoot(stakeholder, "forums-stakeholder-membership");
  // The worker puts them in the forum when it relays their joining: the list shows it soon after.
  await expect(async () => {
    await visit(stakeholder, forums);
    await expect(stakeholder.getByRole("link", { name: forumName })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await expect(stakeholder.getByRole("link", { name: otherForumName })).toHaveCount(0);
  await stakeholder.getByRole("link", { name: forumName }).click();
  await expect(stakeholder).toHaveURL(new RegExp(`${forumUrl}/rules`));
  await shoot(stakeholder, "forums-rules-first-entry");
  await acceptRules(stakeholder);
  await expect(stakeholder.getByRole("heading", { level: 2, name: "Threads" })).toBeVisible();
  await stakeholder.getByRole("link", { name: "New thread" }).click();
  const threadTitle = `Royalty figures for Region XIII ${stamp}`;
  await stakeholder.getByLabel("Title").fill(threadTitle);
  await stakeholder.getByLabel("Message").fill("Our office can share the **2025 royalty figures** per municipality. Which format is most useful to members?");
  await submit(stakeholder, stakeholder.getByRole("button", { name: "Start the thread" }));
  await expect(stakeholder.getByRole("heading", { level: 1, name: threadTitle })).toBeVisible();
  await expect(stakeholder.getByRole("heading", { name: `Post 1 by ${official.name}` })).toContainText(official.office);
  const threadUrl = new URL(stakeholder.url()).pathname;

  // Nothing else of the coalition: the member directory, consultations and another forum are not found.
  for (const path of [`/c/${OEA.slug}/members`, `/c/${OEA.slug}/members/people`, `/c/${OEA.slug}/consultations`, `/c/${OEA.slug}/admin/activity`, otherForum]) {
    const response = await stakeholder.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(stakeholder.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  }

  // ── A focal point (in through their organisation) mentions the official. ──
  const member = await newVisitor();
  await signIn(member, focal.email);
  await visit(member, threadUrl);
  await acceptRules(member);
  await expect(member.getByRole("heading", { level: 1, name: threadTitle })).toBeVisible();
  await member.getByLabel("Message").fill(`Thank you @${official.name}. A table per municipality and per company would help our monitors most.`);
  await submit(member, member.getByRole("button", { name: "Post reply" }));
  await expect(member.getByRole("heading", { name: `Post 2 by ${focal.name}` })).toBeVisible();
  // The form starts empty again, so the reply is not sent twice.
  await expect(member.getByLabel("Message")).toHaveValue("");
  const mention = await waitForEmail(official.email, `${focal.name} mentioned you in “${threadTitle}”`);
  expect(linkIn(mention, threadUrl)).toContain(threadUrl);

  // ── The secretariat schedules a meeting and publishes its minutes with an action point. ──
  await visit(page, `${forumUrl}/meetings`);
  await page.getByRole("link", { name: "Schedule a meeting" }).click();
  const meetingTitle = `Royalty disclosure working session ${stamp}`;
  await page.getByLabel("Title").fill(meetingTitle);
  // Yesterday: the minutes of a meeting that took place.
  await page.getByLabel("Starts").fill(`${day(-1)}T09:00`);
  await page.getByLabel("Ends").fill(`${day(-1)}T11:30`);
  await page.getByLabel("Place").fill("Butuan City, Regional Mines Office, conference room");
  await page.getByLabel("Agenda").fill("Royalty figures per municipality\nCommunity monitoring\nNext steps");
  await submit(page, page.getByRole("button", { name: "Schedule the meeting" }));
  await expect(page.getByRole("heading", { level: 1, name: meetingTitle })).toBeVisible();
  await page.getByRole("link", { name: "Write the minutes" }).click();
  await page.getByRole("checkbox", { name: new RegExp(`^${official.name}`) }).check();
  await page.getByRole("checkbox", { name: new RegExp(`^${focal.name}`) }).check();
  await page.getByLabel("What was discussed").fill("## Royalty figures\nThe regional office shares the 2025 figures per municipality by the end of the month.");
  const actionPoint = `Publish the 2025 royalty table per municipality ${stamp}`;
  await page.getByLabel("What is to be done").first().fill(actionPoint);
  await page.getByLabel("Owner").first().selectOption({ label: `${official.name} (Government office: ${official.office})` });
  await page.getByLabel("Due date").first().fill(day(30));
  await page.getByLabel("Publish the minutes").check();
  await shoot(page, "forums-minutes-form", { phone: false });
  await submit(page, page.getByRole("button", { name: "Save the minutes" }));
  await visit(page, `${forumUrl}/record`);
  await expect(page.getByText(actionPoint)).toBeVisible();
  // A heading written in the minutes is drawn at least as large as the text under it.
  const fontSize = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
  const headingSize = await page.getByRole("heading", { name: "Royalty figures", exact: true }).first().evaluate(fontSize);
  const textSize = await page.getByText("The regional office shares the 2025 figures").first().evaluate(fontSize);
  expect(headingSize).toBeGreaterThanOrEqual(textSize);

  // ── A proposal, voted by one organisation, one vote. ──
  // The focal point's colleague joins their organisation (invited by the focal point).
  await visit(member, `/c/${OEA.slug}/members/me`);
  await member.getByRole("link", { name: /^Invite colleagues/ }).click();
  await expect(member.getByRole("heading", { level: 1, name: "Invite colleagues" })).toBeVisible();
  await member.getByLabel("Email address").fill(colleague.email);
  await submit(member, member.getByRole("button", { name: "Send invitation" }));
  await expect(member.getByRole("status")).toContainText(`Invitation sent to ${colleague.email}.`);
  const second = await newVisitor();
  await acceptInvitation(second, colleague.email, colleague.name);

  await visit(member, `${forumUrl}/record`);
  await member.getByRole("link", { name: "Table a proposal" }).click();
  await expect(member.getByText("One organisation, one vote: any of an organisation's people may cast its vote, once.")).toBeVisible();
  const proposalTitle = `Publish royalty figures per municipality ${stamp}`;
  await member.getByLabel("Title").fill(proposalTitle);
  await member.getByLabel("The proposal").fill("The forum asks the regional office to publish the **2025 royalty figures** per municipality and per company.");
  await submit(member, member.getByRole("button", { name: "Table the proposal" }));
  await expect(member.getByRole("heading", { level: 1, name: proposalTitle })).toBeVisible();
  const proposalUrl = new URL(member.url()).pathname;
  const proposalId = proposalUrl.split("/").pop()!;
  await expect(member.getByText("One organisation, one vote: any of an organisation's people may cast its vote, once.")).toBeVisible();

  // The colleague opens the proposal (after the rules) while the vote is still theirs to cast.
  await visit(second, proposalUrl);
  await acceptRules(second);
  await expect(second.getByRole("heading", { level: 1, name: proposalTitle })).toBeVisible();
  await expect(second.getByRole("group", { name: "Your organisation's vote" })).toBeVisible();

  await member.getByRole("radio", { name: "Agree", exact: true }).check();
  await submit(member, member.getByRole("button", { name: "Vote", exact: true }));
  await expect(member.getByRole("status")).toContainText("Your vote is recorded: Agree.");
  await shoot(member, "forums-proposal-voted");

  // The same organisation a second time: refused, and told why.
  await second.getByRole("radio", { name: "Disagree", exact: true }).check();
  await submit(second, second.getByRole("button", { name: "Vote", exact: true }));
  await expect(second.getByRole("alert")).toContainText(`Your organisation has already voted: ${focal.name} cast its vote`);
  await expect(second.getByRole("alert")).toContainText("Under one organisation, one vote, it cannot vote again.");
  await visit(second, proposalUrl);
  await expect(second.getByText(`Your organisation has voted: Agree, cast by ${focal.name}`)).toBeVisible();
  await expect(second.getByRole("button", { name: "Vote", exact: true })).toHaveCount(0);

  // The official takes part but does not vote under this rule.
  await visit(stakeholder, proposalUrl);
  await expect(stakeholder.getByText("Stakeholders do not vote under this proposal's rule.")).toBeVisible();

  // The window closes; the close-votes job decides by the rule (1 of 2 organisations voted: quorum met).
  await closeVotingWindow(proposalId);
  await runModuleJobNow("forums", "close-votes", OEA.slug);
  await expect(async () => {
    await visit(member, proposalUrl);
    await expect(member.getByRole("heading", { level: 2, name: "Outcome" })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(member.getByText("Adopted", { exact: true })).toBeVisible();
  await expect(member.getByText("1 vote cast of 2 eligible", { exact: false }).first()).toBeVisible();
  await waitForEmail(official.email, `${forumName}: “${proposalTitle}” — Adopted`);

  // ── The decision log, read signed out. ──
  const publicReader = await newVisitor();
  await visit(publicReader, `${forumUrl}/record`);
  await expect(publicReader.getByRole("heading", { level: 1, name: forumName })).toBeVisible();
  await expect(publicReader.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  const decision = publicReader.getByRole("row").filter({ hasText: proposalTitle });
  await expect(decision).toContainText("Adopted");
  await expect(decision).toContainText("One organisation, one vote");
  await expect(publicReader.getByText(actionPoint)).toBeVisible();
  await shoot(publicReader, "forums-public-record");
  // The discussion itself stays private.
  await visit(publicReader, threadUrl);
  await expect(publicReader).toHaveURL(/\/sign-in/);
  await expect(publicReader.getByText(threadTitle)).toHaveCount(0);

  // ── A reply with JavaScript off (the official, on a weak phone). ──
  const plain = await newVisitor({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  await signIn(plain, official.email, officialPassword);
  await visit(plain, threadUrl);
  await expect(plain.getByRole("heading", { level: 1, name: threadTitle })).toBeVisible();
  await plain.getByLabel("Message").fill("We will send the table as a spreadsheet and as PDF, per municipality and per company.");
  await submit(plain, plain.getByRole("button", { name: "Post reply" }));
  await expect(plain.getByRole("heading", { name: `Post 3 by ${official.name}` })).toBeVisible();
  await shoot(plain, "forums-thread-no-javascript", { phone: false });
  await shoot(stakeholder, "forums-proposal-stakeholder");
  await visit(stakeholder, threadUrl);
  await shoot(stakeholder, "forums-thread");
});
