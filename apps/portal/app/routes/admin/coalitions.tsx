import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { INVITATION_LIFETIME_MS } from "@commons/auth";
import { ownerClient } from "@commons/db/admin";
import { recordEvent } from "@commons/jobs";
import { Button, ErrorSummary, Notice, Pagination, TextField } from "@commons/ui";
import { fieldError, invalid, parseForm, readForm } from "../../lib/forms.server.ts";
import { useT, usePaginationLabels } from "../../lib/i18n.ts";
import { requestTranslator, requirePlatformOperator } from "../../lib/session.server.ts";
import { pageParam, PAGE_SIZE } from "../../lib/tenant.server.ts";
import { fields } from "../../lib/validation.ts";

export const meta: MetaFunction = () => [{ title: "Platform administration · Commons" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requirePlatformOperator(request, context);
  const page = pageParam(request);
  const owner = ownerClient();
  const [tenants, total] = await Promise.all([
    owner.tenant.findMany({ orderBy: { name: "asc" }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: { slug: true, name: true, createdAt: true } }),
    owner.tenant.count(),
  ]);
  return { tenants, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requirePlatformOperator(request, context);
  const t = requestTranslator(request, session);
  const form = await readForm(request);
  const f = fields(t);
  const parsed = parseForm(
    form,
    z.object({
      name: f.text(t("field.coalitionName"), 120),
      slug: z.string().trim().toLowerCase().regex(/^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/, t("admin.slug.invalid")),
      adminEmail: f.email,
    }),
  );
  if (!parsed.ok) return invalid(parsed.failure);
  const { name, slug, adminEmail } = parsed.data;
  // Creating a coalition spans tenants, so it runs on the owner connection (DESIGN.md).
  const created = await ownerClient()
    .$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { name, slug } });
      await tx.$executeRaw`SELECT set_config('app.tenant_id', ${tenant.id}, true)`;
      const invitation = await tx.invitation.create({
        data: { tenantId: tenant.id, email: adminEmail, role: "SECRETARIAT_ADMIN", invitedById: session.user.id, expiresAt: new Date(Date.now() + INVITATION_LIFETIME_MS) },
      });
      await tx.activity.createMany({
        data: [
          { tenantId: tenant.id, actorId: session.user.id, action: "tenant.created", subjectType: "tenant", subjectId: tenant.id, data: { name } },
          { tenantId: tenant.id, actorId: session.user.id, action: "member.invited", subjectType: "invitation", subjectId: invitation.id, data: { email: adminEmail, role: "SECRETARIAT_ADMIN" } },
        ],
      });
      await recordEvent(tx, { type: "invitation.created", tenantId: tenant.id, payload: { invitationId: invitation.id } });
      return true;
    })
    .catch((error: { code?: string }) => {
      if (error.code === "P2002") return false;
      throw error;
    });
  if (!created) return fieldError(form, "slug", t("admin.create.slugTaken"));
  return { ok: true as const, name, email: adminEmail };
}

export default function PlatformAdmin() {
  const t = useT();
  const { tenants, page, pages } = useLoaderData<typeof loader>();
  const paginationLabels = usePaginationLabels(page, pages);
  const result = useActionData<typeof action>();
  const failure = result && !result.ok ? result : undefined;
  return (
    <main id="main">
      <h1>{t("admin.title")}</h1>
      <h2>{t("admin.tenants")}</h2>
      <ul>
        {tenants.map((tenant) => (
          <li key={tenant.slug}>
            <Link to={`/c/${tenant.slug}`}>{tenant.name}</Link> <span className="muted">/c/{tenant.slug}</span>
          </li>
        ))}
      </ul>
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => `/admin?page=${p}`}
        labels={paginationLabels}
      />
      <h2>{t("admin.create.title")}</h2>
      {result?.ok ? <Notice tone="success">{t("admin.create.done", { name: result.name, email: result.email })}</Notice> : null}
      <ErrorSummary title={t("form.errorSummaryTitle")} errors={failure?.errors} />
      <Form method="post" noValidate className="narrow" key={result?.ok ? "reset" : "form"}>
        <TextField name="name" label={t("field.coalitionName")} defaultValue={failure?.values.name} error={failure?.errors.name} />
        <TextField name="slug" label={t("field.slug")} hint={t("field.slugHint", { example: "water-justice-network" })} defaultValue={failure?.values.slug} error={failure?.errors.slug} />
        <TextField name="adminEmail" type="email" label={t("field.adminEmail")} defaultValue={failure?.values.adminEmail} error={failure?.errors.adminEmail} />
        <Button>{t("admin.create.submit")}</Button>
      </Form>
    </main>
  );
}
