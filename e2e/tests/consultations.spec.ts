import type { Page } from "@playwright/test";
import { DEMO_PEOPLE, openExtractivesOrganisations } from "@commons/dev/accounts";
import { expect, test } from "../support/fixtures.ts";
import { submit, visit } from "../support/forms.ts";
import { linkIn, messagesTo, waitForEmail } from "../support/mail.ts";
import { DEMO_ACCOUNTS, OEA, signIn } from "../support/people.ts";
import { shoot } from "../support/screenshots.ts";

// Issue 5's whole loop in one walk: draft and open, answer (with and without JavaScript),
// remind, close, results, the closing statement. About twenty-five pages, each checked by axe.
test.setTimeout(240_000);

/** A demo organisation of the Open Extractives Alliance and its focal point, both from the seed. */
function organisation(key: string) {
  const found = openExtractivesOrganisations().find((o) => o.key === key);
  const focalPoint = DEMO_PEOPLE.find((p) => p.memberships.some((m) => m.organisation === key && m.role === "FOCAL_POINT"));
  if (!found || !focalPoint) throw new Error(`The seed has no organisation ${key} with a focal point`);
  return { name: found.name, acronym: found.acronym, focalPoint };
}

/** The demo focal point's organisation, one answering without JavaScript, one that never answers. */
const FIRST = organisation("oea-01");
const SECOND = organisation("oea-02");
const THIRD = organisation("oea-03");

const QUESTIONS = {
  province: "Which province should the revenue-tracking pilot cover first?",
  position: "Which position should the coalition take on the fiscal regime bill?",
  urgency: "How urgent is this bill for your members?",
  targets: "Rank the advocacy targets",
  campaign: "Will your organisation join the campaign?",
} as const;

const DOCUMENT = { name: "position-paper-2025.txt", text: "Our 2025 position on mining royalties: a floor of 5% of gross output.\n" };

/** A deadline two weeks ahead, as the datetime-local field takes it (the coalition's zone; the day is what matters). */
function deadlineInput(): string {
  const d = new Date(Date.now() + 14 * 24 * 3600 * 1000);
  return `${d.toISOString().slice(0, 10)}T17:00`;
}

async function addQuestion(page: Page, q: { kind: string; prompt: string; required?: boolean; options?: string[]; scale?: [string, string] }) {
  await page.getByLabel("Kind of answer").selectOption({ label: q.kind });
  await page.getByLabel("Question", { exact: true }).fill(q.prompt);
  if (q.required) await page.getByLabel("An answer is required").check();
  if (q.options) await page.getByLabel("Options", { exact: true }).fill(q.options.join("\n"));
  if (q.scale) {
    await page.getByLabel("Label of 1 (scale only)").fill(q.scale[0]);
    await page.getByLabel("Label of 5 (scale only)").fill(q.scale[1]);
  }
  await submit(page, page.getByRole("button", { name: "Add question" }));
  await expect(page.getByRole("status").filter({ hasText: "Question added." })).toBeVisible();
  await expect(page.getByText(q.prompt, { exact: true })).toBeVisible();
}

/** Searches the hand-picked audience by acronym and ticks the organisation. */
async function pick(page: Page, org: { name: string; acronym: string }, chosen: number) {
  await page.getByLabel("Name or acronym").fill(org.acronym);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForURL(new RegExp(`q=${org.acronym}`));
  await page.getByLabel(new RegExp(`^${org.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} \\(${org.acronym}\\)`)).check();
  await submit(page, page.getByRole("button", { name: "Save the choice on this page" }));
  await expect(page.getByRole("status").filter({ hasText: `${chosen} organisation${chosen === 1 ? "" : "s"} chosen.` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: `Chosen (${chosen})` })).toBeVisible();
}

/** A question's fieldset on the answer page, found by its prompt (the legend). */
const question = (page: Page, prompt: string) => page.getByRole("group", { name: new RegExp(prompt.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });

test("a consultation runs end to end: drafted, opened, answered with and without JavaScript, reminded, closed, results and the closing statement", async ({ page, newVisitor, watch }) => {
  const title = `Position on the fiscal regime bill ${Date.now()}`;
  const base = `/c/${OEA.slug}/consultations`;

  // ── The secretariat drafts it ──
  await signIn(page, DEMO_ACCOUNTS.admin.email);
  await visit(page, `/c/${OEA.slug}/home`);
  await page.getByRole("navigation", { name: OEA.name }).getByRole("link", { name: "Consultations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Consultations" })).toBeVisible();
  // Checked by axe before moving on (the next click would come before its run).
  await watch.find((w) => w.page === page)?.schedule("index");
  await page.getByRole("link", { name: "New consultation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New consultation" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Purpose", { exact: true }).fill("To agree the coalition's position before the Senate hearing on the new fiscal regime for mining.");
  await page.getByLabel("Background", { exact: true }).fill("## Why now\n\nThe bill sets **royalty rates** for large-scale mines.\n\n- Senate hearing next month\n- Our 2025 position paper is out of date");
  await submit(page, page.getByRole("button", { name: "Preview the background" }));
  const preview = page.getByRole("region", { name: "Background as members will see it" });
  await expect(preview.getByRole("heading", { name: "Why now" })).toBeVisible();
  await expect(preview.locator("strong")).toHaveText("royalty rates");
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await page.getByLabel("Organisations I choose one by one").check();
  await page.getByLabel("One answer per organisation").check();
  await page.getByLabel("Deadline", { exact: true }).fill(deadlineInput());
  await shoot(page, "consultations-new", { phone: false });
  await submit(page, page.getByRole("button", { name: "Save draft" }));
  await expect(page.getByRole("heading", { level: 1, name: `Questions of “${title}”` })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Draft saved. Add the questions next." })).toBeVisible();
  const consultationUrl = new URL(page.url()).pathname.replace(/\/questions$/, "");

  await addQuestion(page, { kind: "Short text", prompt: QUESTIONS.province, required: true });
  await addQuestion(page, { kind: "One choice among options", prompt: QUESTIONS.position, options: ["Support", "Support with changes", "Oppose"] });
  await addQuestion(page, { kind: "Scale from 1 to 5", prompt: QUESTIONS.urgency, scale: ["Not urgent", "Very urgent"] });
  await addQuestion(page, { kind: "Yes or no, with a comment", prompt: QUESTIONS.campaign });
  await addQuestion(page, { kind: "Ranking of options", prompt: QUESTIONS.targets, options: ["Senate committee", "Mines and Geosciences Bureau", "Provincial boards"] });
  // The ranking goes before the yes/no question.
  await submit(page, page.getByRole("button", { name: "Move question 5 up" }));
  await expect(page.getByRole("status").filter({ hasText: "Question moved." })).toBeVisible();
  await expect(page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Question 4" }) })).toContainText(QUESTIONS.targets);
  await shoot(page, "consultations-questions", { phone: false });

  // The audience: the focal point's organisation and two more, picked one by one.
  await page.getByRole("navigation", { name: "This consultation" }).getByRole("link", { name: "Organisations" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Organisations asked in “${title}”` })).toBeVisible();
  await pick(page, FIRST, 1);
  await pick(page, SECOND, 2);
  await pick(page, THIRD, 3);
  await shoot(page, "consultations-audience", { phone: false });

  // A background document, and the preview of what members will see.
  const tabs = page.getByRole("navigation", { name: "This consultation" });
  await tabs.getByRole("link", { name: "Documents" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Documents of “${title}”` })).toBeVisible();
  await page.getByLabel("Document to attach").setInputFiles({ name: DOCUMENT.name, mimeType: "text/plain", buffer: Buffer.from(DOCUMENT.text) });
  await submit(page, page.getByRole("button", { name: "Attach document" }));
  await expect(page.getByRole("status").filter({ hasText: `“${DOCUMENT.name}” attached.` })).toBeVisible();
  await tabs.getByRole("link", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Preview of “${title}”` })).toBeVisible();
  await expect(page.getByRole("link", { name: DOCUMENT.name })).toBeVisible();
  await expect(question(page, QUESTIONS.province).getByRole("textbox")).toBeDisabled();
  await expect(question(page, QUESTIONS.targets).getByLabel("Rank of Provincial boards")).toBeVisible();
  await expect(page.getByText("Each organisation's focal point answers on its behalf; colleagues can save drafts.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save draft" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Submit answers" })).toBeDisabled();
  await shoot(page, "consultations-preview", { phone: false });

  // ── It opens ──
  await tabs.getByRole("link", { name: "Open", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Ready to open." })).toBeVisible();
  await expect(page.getByText("It will ask 3 organisations.")).toBeVisible();
  await expect(page.getByText("5 questions.")).toBeVisible();
  await shoot(page, "consultations-open", { phone: false });
  await submit(page, page.getByRole("button", { name: "Open the consultation" }));
  await expect(page.getByRole("heading", { level: 1, name: `Responses: ${title}` })).toBeVisible();
  await expect(page.getByText("3 recipients", { exact: true })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "The consultation is open: 3 organisations or people were asked" })).toBeVisible();

  // ── The focal point follows the opening email, saves a draft, reloads, submits, edits ──
  const focal = await newVisitor();
  await signIn(focal, FIRST.focalPoint.email);
  const opening = await waitForEmail(FIRST.focalPoint.email, `Consultation: ${title}`);
  const answerUrl = linkIn(opening, `${base}/`);
  expect(new URL(answerUrl).pathname).toBe(consultationUrl);
  // It is listed among those open for the organisation's answers, too.
  await visit(focal, base);
  await expect(focal.getByRole("region", { name: "Open for your answers" }).getByRole("link", { name: title })).toHaveAttribute("href", consultationUrl);
  await visit(focal, answerUrl);
  await expect(focal.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(focal.getByRole("heading", { name: "Why now" })).toBeVisible();
  await expect(focal.getByText(`You answer on behalf of ${FIRST.name}.`)).toBeVisible();
  const document = await focal.request.get((await focal.getByRole("link", { name: DOCUMENT.name }).getAttribute("href"))!);
  expect(document.status()).toBe(200);
  expect(await document.text()).toBe(DOCUMENT.text);
  await question(focal, QUESTIONS.position).getByLabel("Support with changes").check();
  await question(focal, QUESTIONS.urgency).getByLabel("5 – Very urgent").check();
  await shoot(focal, "consultations-answer");
  await submit(focal, focal.getByRole("button", { name: "Save draft" }));
  await expect(focal.getByRole("status").filter({ hasText: "Your draft is saved." })).toBeVisible();

  await focal.reload();
  await expect(focal.getByText(`Draft saved by ${FIRST.focalPoint.name}`)).toBeVisible();
  await expect(question(focal, QUESTIONS.position).getByLabel("Support with changes")).toBeChecked();
  await expect(question(focal, QUESTIONS.urgency).getByLabel("5 – Very urgent")).toBeChecked();

  // The required question is still empty: submitting is refused, the rest is kept.
  const refused = await submit(focal, focal.getByRole("button", { name: "Submit answers" }));
  expect(refused.status()).toBe(400);
  // The summary names the question, so a long form says where.
  await expect(focal.getByRole("alert")).toContainText(/Question 1, “Which province should the revenue-tracking[^”]*”: answer it, it is required\./);
  await expect(question(focal, QUESTIONS.province)).toHaveAccessibleDescription(/answer it, it is required\./);
  await expect(question(focal, QUESTIONS.position).getByLabel("Support with changes")).toBeChecked();
  await shoot(focal, "consultations-answer-error", { phone: false });

  await question(focal, QUESTIONS.province).getByRole("textbox").fill("Benguet");
  const targets = question(focal, QUESTIONS.targets);
  await targets.getByLabel("Rank of Senate committee").selectOption("1");
  await targets.getByLabel("Rank of Mines and Geosciences Bureau").selectOption("3");
  await targets.getByLabel("Rank of Provincial boards").selectOption("2");
  await question(focal, QUESTIONS.campaign).getByLabel("Yes", { exact: true }).check();
  await question(focal, QUESTIONS.campaign).getByLabel("Comment (optional)").fill("With our provincial chapters.");
  await submit(focal, focal.getByRole("button", { name: "Submit answers" }));
  await expect(focal.getByRole("heading", { level: 1, name: `Receipt: ${title}` })).toBeVisible();
  await expect(focal.getByRole("status").filter({ hasText: "Thank you: the answers are submitted." })).toBeVisible();
  await expect(focal.getByRole("definition").filter({ hasText: "Benguet" })).toBeVisible();
  await shoot(focal, "consultations-receipt");

  await focal.getByRole("link", { name: "Change the answers (until the deadline)" }).click();
  await expect(question(focal, QUESTIONS.province).getByRole("textbox")).toHaveValue("Benguet");
  await question(focal, QUESTIONS.province).getByRole("textbox").fill("Benguet and Nueva Vizcaya");
  await submit(focal, focal.getByRole("button", { name: "Submit changed answers" }));
  await expect(focal.getByRole("heading", { level: 1, name: `Receipt: ${title}` })).toBeVisible();
  await expect(focal.getByRole("definition").filter({ hasText: "Benguet and Nueva Vizcaya" })).toBeVisible();

  // ── A second organisation answers with JavaScript off ──
  const plain = await newVisitor({ javaScriptEnabled: false });
  await signIn(plain, SECOND.focalPoint.email);
  await visit(plain, answerUrl);
  await expect(plain.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await question(plain, QUESTIONS.province).getByRole("textbox").fill("Surigao del Norte");
  await question(plain, QUESTIONS.position).getByLabel("Support", { exact: true }).check();
  await question(plain, QUESTIONS.urgency).getByLabel("3", { exact: true }).check();
  await question(plain, QUESTIONS.campaign).getByLabel("No", { exact: true }).check();
  await question(plain, QUESTIONS.campaign).getByLabel("Comment (optional)").fill("Our board decides in March.");
  await shoot(plain, "consultations-answer-nojs", { phone: false });
  await submit(plain, plain.getByRole("button", { name: "Submit answers" }));
  await expect(plain.getByRole("heading", { level: 1, name: `Receipt: ${title}` })).toBeVisible();
  await expect(plain.getByRole("definition").filter({ hasText: "Surigao del Norte" })).toBeVisible();

  // Someone whose organisation was not asked finds no such page.
  const outsider = await newVisitor();
  await signIn(outsider, DEMO_ACCOUNTS.member.email);
  expect((await outsider.goto(answerUrl))?.status()).toBe(404);

  // ── The secretariat reminds the organisation that has not answered ──
  await visit(page, `${consultationUrl}/follow`);
  const rate = page.getByRole("table", { name: "Responses so far" });
  await expect(rate.getByRole("row").filter({ hasText: "Answered" })).toContainText("2");
  await expect(rate.getByRole("row").filter({ hasText: "Not started" })).toContainText("1");
  await expect(page.getByRole("img", { name: /Answered 2/ })).toBeVisible();
  const byRespondent = page.getByRole("table", { name: "By respondent" });
  await expect(byRespondent.getByRole("row").filter({ hasText: THIRD.name })).toContainText("Not started");
  await expect(byRespondent.getByRole("row").filter({ hasText: FIRST.name })).toContainText("Answered");
  await shoot(page, "consultations-follow");
  await submit(page, page.getByRole("button", { name: "Send the reminder" }));
  await expect(page.getByRole("status").filter({ hasText: "A reminder is on its way to 1 organisation or person." })).toBeVisible();
  const reminder = await waitForEmail(THIRD.focalPoint.email, `Reminder: “${title}”`);
  const reminderUrl = linkIn(reminder, `${base}/`);
  expect(new URL(reminderUrl).pathname).toBe(consultationUrl);
  // Those who submitted are not reminded.
  expect((await messagesTo(FIRST.focalPoint.email)).filter((m) => m.subject.includes(`Reminder: “${title}”`))).toHaveLength(0);

  // The third organisation's focal point starts answering from the reminder…
  const late = await newVisitor();
  await signIn(late, THIRD.focalPoint.email);
  await visit(late, reminderUrl);
  await question(late, QUESTIONS.province).getByRole("textbox").fill("Palawan, southern municipalities");

  // ── …while the secretariat closes it ──
  await page.getByRole("link", { name: "Close the consultation now…" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Close “${title}” now?` })).toBeVisible();
  await expect(page.getByText("2 responses have been submitted.")).toBeVisible();
  await submit(page, page.getByRole("button", { name: "Yes, close it now" }));
  await expect(page.getByRole("status").filter({ hasText: "The consultation is closed." })).toBeVisible();

  // The late answer is refused, and what was typed comes back to copy.
  const tooLate = await submit(late, late.getByRole("button", { name: "Submit answers" }));
  expect(tooLate.status()).toBe(409);
  await expect(late.getByRole("status").filter({ hasText: "This consultation no longer takes answers" })).toBeVisible();
  await expect(late.getByLabel("Your answers as text, to copy")).toHaveValue(/Palawan, southern municipalities/);
  // The page's own state follows at once (with JavaScript the data is reloaded after the refusal).
  await expect(late.getByRole("status").filter({ hasText: "This consultation is closed." })).toBeVisible();
  await expect(late.getByRole("button", { name: "Submit answers" })).toHaveCount(0);
  await shoot(late, "consultations-answer-late", { phone: false });

  // ── Results: a chart and the numbers ──
  await visit(page, `${consultationUrl}/follow`);
  await page.getByRole("navigation", { name: "This consultation" }).getByRole("link", { name: "Results" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Results: ${title}` })).toBeVisible();
  await expect(page.getByText("2 responses from 3 recipients.")).toBeVisible();
  const positionChart = page.getByRole("img", { name: new RegExp(`^${QUESTIONS.position.replace(/\?/g, "\\?")}`) });
  await expect(positionChart).toBeVisible();
  await expect(positionChart).toHaveAccessibleName(/Support 1 \(50%\)/);
  const positionTable = page.getByRole("table", { name: QUESTIONS.position });
  await expect(positionTable.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Support with changes" }) })).toContainText("50%");
  await expect(positionTable.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Oppose" }) })).toContainText("0");
  await expect(page.getByText("Average: 4 on a scale of 1 to 5.")).toBeVisible();
  await expect(page.getByText("Benguet and Nueva Vizcaya")).toBeVisible();
  await expect(page.getByText("Palawan, southern municipalities")).toHaveCount(0);
  await shoot(page, "consultations-results");
  const csv = await page.request.get(`${consultationUrl}/export.csv`);
  expect(csv.status()).toBe(200);
  expect(await csv.text()).toContain("Benguet and Nueva Vizcaya");

  // ── "You said, we did" ──
  await page.getByRole("link", { name: "Closing statement (“you said, we did”)" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Closing statement: ${title}` })).toBeVisible();
  await page.getByLabel("What we heard, and what we will do").fill("Most of you **support the bill with changes**. We will ask the Senate committee for a floor on royalty rates.");
  await page.getByLabel("Commitments").fill("Submit a position paper to the Senate committee | https://example.org/position-paper\nBrief the provincial boards");
  await submit(page, page.getByRole("button", { name: "Publish and email everyone asked" }));
  await expect(page.getByRole("status").filter({ hasText: "The statement is published" })).toBeVisible();
  await shoot(page, "consultations-statement", { phone: false });
  const statement = await waitForEmail(FIRST.focalPoint.email, `You said, we did: “${title}”`);
  expect(statement.text).toContain("Submit a position paper to the Senate committee");
  expect(linkIn(statement, `${base}/`)).toContain(consultationUrl);
  await waitForEmail(THIRD.focalPoint.email, `You said, we did: “${title}”`);

  // The focal point reads the statement beside the results and says the organisation feels heard.
  await visit(focal, `${consultationUrl}/results`);
  await expect(focal.getByRole("heading", { level: 2, name: "You said, we did" })).toBeVisible();
  await expect(focal.getByRole("link", { name: "Submit a position paper to the Senate committee" })).toHaveAttribute("href", "https://example.org/position-paper");
  await expect(focal.getByRole("img", { name: new RegExp(`^${QUESTIONS.urgency}`) })).toBeVisible();
  await submit(focal, focal.getByRole("button", { name: "We feel heard" }));
  await expect(focal.getByRole("status").filter({ hasText: "Thank you: your answer is saved." })).toBeVisible();
  await expect(focal.getByText("1 organisation or person feels heard, 0 do not.")).toBeVisible();
  await shoot(focal, "consultations-results-member");
});
