import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createElement, type ComponentType } from "react";
import { renderToString } from "react-dom/server";
import type { RouteObject } from "react-router-dom";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { UNSAFE_RemixContext as RemixContext } from "@remix-run/react";
import { createPluginHarness, useTestDatabase, type HarnessPerson, type PluginHarness } from "@commons/plugin-sdk/testing";
import consultations from "../manifest.ts";
import * as follow from "../routes/follow/follow.tsx";
import * as close from "../routes/follow/close.tsx";
import * as results from "../routes/follow/results.tsx";
import * as statement from "../routes/follow/statement.tsx";
import { createConsultation, orgKey, organisationIdOf, respond } from "./follow-fixtures.ts";

useTestDatabase();

/**
 * The pages as the server renders them (no JavaScript runs in the test, as none need run in
 * the browser): the route's component under a router holding the loader's (and action's)
 * data, with the root's locale as the portal's root loader gives it.
 */
async function render(Component: ComponentType, loaderData: unknown, actionData?: unknown): Promise<string> {
  const routes: RouteObject[] = [{ id: "root", path: "/", loader: () => ({ locale: "en" }), children: [{ id: "page", index: true, loader: () => loaderData as object, action: () => (actionData ?? null) as object | null, Component }] }];
  const handler = createStaticHandler(routes);
  // A POST runs the action, whose data the page then shows (as after a form submission).
  const context = await handler.query(new Request("http://localhost/?index", actionData ? { method: "POST", body: new URLSearchParams() } : {}));
  if (context instanceof Response) throw new Error(`The page answered ${context.status}`);
  const router = createStaticRouter(handler.dataRoutes, context);
  const remix = { manifest: { routes: {}, entry: { module: "", imports: [] }, url: "", version: "" }, routeModules: {}, future: {}, isSpaMode: false };
  return renderToString(createElement(RemixContext.Provider, { value: remix as never }, createElement(StaticRouterProvider, { router, context, hydrate: false })));
}

const h1s = (html: string) => html.match(/<h1[\s>]/g)?.length ?? 0;

let h: PluginHarness;
let admin: HarnessPerson;
let focal: HarnessPerson;
let id: string;

beforeAll(async () => {
  h = await createPluginHarness(consultations);
  admin = await h.person({ role: "SECRETARIAT_ADMIN" });
  focal = await h.person({ role: "FOCAL_POINT", organisation: "Alpha Watch" });
  const other = await h.person({ role: "FOCAL_POINT", organisation: "Bantay Mina" });
  const [a, b] = [await organisationIdOf(h, "Alpha Watch"), await organisationIdOf(h, "Bantay Mina")];
  const created = await createConsultation(h, {
    title: "Rendered",
    visibility: "PARTICIPANTS",
    deadline: new Date(Date.now() + 86_400_000),
    openedAt: new Date(Date.now() - 86_400_000),
    createdById: admin.id,
    questions: [{ kind: "SINGLE_CHOICE", prompt: "Pick one", options: ["Red", "Blue"] }, { kind: "LONG_TEXT", prompt: "Why?" }, { kind: "RANKING", prompt: "Rank", options: ["X", "Y"] }],
    recipients: [orgKey(a), orgKey(b)],
  });
  id = created.id;
  const [choice, why, rank] = created.questionIds;
  await respond(h, id, orgKey(a), focal.id, "SUBMITTED", { [choice!]: "Red", [why!]: "Because <b>red</b>", [rank!]: ["Y", "X"] });
  await respond(h, id, orgKey(b), other.id, "DRAFT", { [choice!]: "Blue" });
});
afterAll(() => h?.close());

const load = async (route: { loader: unknown }, person: HarnessPerson, sub: string, query = "") =>
  (await h.call(route.loader as never, { request: person.request(h.path(`${id}/${sub}${query}`)), params: { consultationId: id } })).data;

describe("the follow area's pages render on the server", () => {
  it("the response-rate page: counts, chart, table, remind and close", async () => {
    const html = await render(follow.default, await load(follow, admin, "follow"));
    expect(h1s(html)).toBe(1);
    expect(html).toContain('role="img"');
    expect(html).toContain("Alpha Watch");
    expect(html).toMatch(/1 organisation or person has not submitted and will be emailed/);
    expect(html).toContain(`action="/c/${h.tenant.slug}/consultations/${id}/remind"`);
    expect(html).toContain(`href="/c/${h.tenant.slug}/consultations/${id}/close"`);
    // The consultation's tab bar: Edit (to extend the deadline) is one click away from every secretariat page.
    expect(html).toContain(`href="/c/${h.tenant.slug}/consultations/${id}/edit"`);
    expect(html).toContain(`href="/c/${h.tenant.slug}/consultations/${id}/statement"`);
    expect(html).toMatch(/aria-current="page"[^>]*>Follow</);
    expect(html).toContain('<th scope="col">');
  });

  it("the close confirmation", async () => {
    const html = await render(close.default, await load(close, admin, "close"));
    expect(h1s(html)).toBe(1);
    expect(html).toContain("Yes, close it now");
    expect(html).toContain('name="intent" value="close"');
  });

  it("the results: a chart with its summary and the same numbers in a table, written answers escaped", async () => {
    const html = await render(results.default, await load(results, admin, "results"));
    expect(h1s(html)).toBe(1);
    expect(html).toMatch(/<title id="chart-[^"]+-title">Pick one: Red 1 \(100%\); Blue 0 \(0%\)<\/title>/);
    expect(html).toContain('<th scope="row">Red</th>');
    expect(html).toContain("Because &lt;b&gt;red&lt;/b&gt;");
    expect(html).toContain("Average rank");
    expect(html).toMatch(/aria-current="page"[^>]*>Results</);
  });

  it("the results for a participant once closed, with the statement and the feel-heard buttons", async () => {
    await h.db((db) => db.consultation.update({ where: { id }, data: { status: "CLOSED", closedAt: new Date(), statement: "We **heard** you.", statementPublishedAt: new Date() }, select: { id: true } }));
    const html = await render(results.default, await load(results, focal, "results"));
    expect(h1s(html)).toBe(1);
    expect(html).toContain("<strong>heard</strong>");
    expect(html).toContain('name="feltHeard" value="yes"');
    expect(html).not.toContain(`/consultations/${id}/edit"`);
    expect(html).toMatch(/— (<!-- -->)?Alpha Watch/);
    const texts = await render(results.default, await load(results, focal, "results", `?question=${(await h.db((db) => db.consultationsQuestion.findFirstOrThrow({ where: { consultationId: id, kind: "LONG_TEXT" }, select: { id: true } }))).id}`));
    expect(h1s(texts)).toBe(1);
    expect(texts).toContain("Because &lt;b&gt;red&lt;/b&gt;");
  });

  it("the statement editor, with a preview and the errors of a failed save", async () => {
    const page = await load(statement, admin, "statement");
    const html = await render(statement.default, page);
    expect(h1s(html)).toBe(1);
    expect(html).toMatch(/aria-current="page"[^>]*>Statement</);
    // Published (the participant test above published it): one notice, linking to the results.
    expect(html.match(/Published on/g)).toHaveLength(1);
    expect(html).toMatch(new RegExp(`href="/c/${h.tenant.slug}/consultations/${id}/results"[^>]*>See it beside the results</a>`));
    const justPublished = await render(statement.default, page, { ok: true, form: "publish", notice: "The statement is published; everyone who was asked is being emailed." });
    expect(justPublished).toContain("The statement is published");
    expect(justPublished).not.toContain("Published on");
    expect(html).toContain(`href="/c/${h.tenant.slug}/consultations/${id}/edit"`);
    expect(html).toContain('<label');
    const preview = await h.call(statement.action as never, { request: admin.request(h.path(`${id}/statement`), { form: { intent: "preview", statement: "# Heard", commitments: "Do it | https://example.org" } }), params: { consultationId: id } });
    const withPreview = await render(statement.default, page, preview.data);
    expect(withPreview).toContain("<h3>Heard</h3>");
    expect(withPreview).toContain('href="https://example.org"');
    const bad = await h.call(statement.action as never, { request: admin.request(h.path(`${id}/statement`), { form: { intent: "save", statement: "Kept", commitments: "x | ftp://nope" } }), params: { consultationId: id } });
    const withErrors = await render(statement.default, page, bad.data);
    expect(withErrors).toContain("Line 1: the link after the bar must start with https:// or http://.");
    expect(withErrors).toContain(">Kept</textarea>");
  });
});
