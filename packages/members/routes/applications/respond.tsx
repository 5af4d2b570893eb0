import type { MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { hashToken } from "@commons/auth";
import { readForm, validateForm } from "@commons/plugin-sdk/forms";
import { formError, invalid } from "@commons/plugin-sdk/forms/server";
import { Button, Notice, TextAreaField } from "@commons/ui";
import { membersT, useMembersT } from "../../src/i18n.ts";
import { recordApplicationActivity, visitor, type Db, type RouteArgs } from "../../src/applications/access.server.ts";
import { failureOf, Feedback, PlainText, type ActionResult } from "../../src/applications/components.tsx";
import { textSchema } from "../../src/applications/form.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? ""} · Commons` }];

/** The application whose question the emailed link answers: only while the question is open, and only once. */
function openQuestion(db: Db, token: string | undefined) {
  if (!token || token.length > 100) return null;
  return db.membersApplication.findFirst({
    where: { responseTokenHash: hashToken(token), status: "INFO_REQUESTED" },
    select: { id: true, organisationName: true, infoRequest: true },
  });
}

export async function loader(args: RouteArgs) {
  return visitor(args, async ({ db, tenant, nav, person }) => {
    const application = await openQuestion(db, args.params.token);
    return {
      title: membersT(person?.locale)("members.applications.respond.title"),
      coalition: tenant.name,
      application: application ? { organisation: application.organisationName, question: application.infoRequest } : null,
      member: nav,
    };
  });
}

export async function action(args: RouteArgs) {
  const form = await readForm(args.request);
  return visitor(args, async ({ db, tenant, person }) => {
    const t = membersT(person?.locale);
    const application = await openQuestion(db, args.params.token);
    if (!application) return formError(form, t("members.applications.respond.invalid"), 410);
    const parsed = validateForm(form, textSchema(t, "infoResponse", "members.applications.error.infoResponse"));
    if (!parsed.ok) return invalid(form, parsed.errors);
    const answer = String(parsed.data.infoResponse);
    // The link works once: the first answer to arrive clears it.
    const claimed = await db.membersApplication.updateMany({
      where: { id: application.id, responseTokenHash: hashToken(args.params.token ?? ""), status: "INFO_REQUESTED" },
      data: { status: "SUBMITTED", infoResponse: answer, responseTokenHash: null },
    });
    if (claimed.count !== 1) return formError(form, t("members.applications.respond.invalid"), 410);
    await recordApplicationActivity(db, tenant.id, person?.id ?? null, "info_received", application.id, { answer });
    return { ok: true as const, form: "respond", notice: t("members.applications.respond.done") };
  });
}

export default function Respond() {
  const t = useMembersT();
  const { title, coalition, application } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult;
  const failure = failureOf(result, "respond");
  if (result?.ok) {
    return (
      <main id="main" className="narrow">
        <h1>{title}</h1>
        <Notice tone="success">{result.notice}</Notice>
      </main>
    );
  }
  return (
    <main id="main" className="narrow">
      <h1>{title}</h1>
      {application ? (
        <>
          <p>{t("members.applications.respond.intro", { coalition, organisation: application.organisation })}</p>
          <blockquote>
            <PlainText text={application.question} />
          </blockquote>
          <Feedback result={result} intent="respond" />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="respond" />
            <TextAreaField name="infoResponse" label={t("members.applications.field.infoResponse")} defaultValue={failure?.values.infoResponse} error={failure?.errors.infoResponse} />
            <Button>{t("members.applications.respond.submit")}</Button>
          </Form>
        </>
      ) : (
        <Notice tone="warning">{t("members.applications.respond.invalid")}</Notice>
      )}
    </main>
  );
}
