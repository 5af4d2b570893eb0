import { guard, namesByIds, type RouteArgs } from "../../src/people/access.server.ts";

/** Keys in activity data that hold other people's contact details: left out of a person's export. */
const OTHERS_DETAILS = new Set(["email", "phone", "userId"]);

/**
 * "Download my data": what this coalition holds about the signed-in person, as JSON. Their
 * account (never the password hash), their membership here, what they did here, the
 * invitations to their address and the applications sent from it. Other people appear by
 * name only.
 */
export async function loader(args: RouteArgs) {
  return guard(args, null, async ({ db, tenant, person }) => {
    const [user, membership, activity, invitations, applications] = await Promise.all([
      db.user.findUnique({ where: { id: person.id }, select: { id: true, email: true, name: true, phone: true, locale: true, emailVerifiedAt: true, createdAt: true } }),
      db.membership.findFirst({
        where: { userId: person.id },
        select: { role: true, title: true, emailUpdates: true, createdAt: true, organisation: { select: { id: true, name: true, status: true } } },
      }),
      db.activity.findMany({
        where: { actorId: person.id },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 10_000,
        select: { action: true, subjectType: true, subjectId: true, data: true, createdAt: true },
      }),
      db.invitation.findMany({
        where: { email: person.email },
        orderBy: { createdAt: "asc" },
        select: { role: true, invitedById: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true, organisation: { select: { name: true } } },
      }),
      db.membersApplication.findMany({
        where: { contactEmail: { equals: person.email, mode: "insensitive" } },
        orderBy: { createdAt: "asc" },
        select: {
          organisationName: true, acronym: true, type: true, region: true, province: true, sectors: true, website: true, description: true,
          contactName: true, contactEmail: true, motivation: true, charterAcceptedAt: true, status: true, infoRequest: true, infoResponse: true,
          decisionReason: true, reviewedAt: true, createdAt: true,
        },
      }),
    ]);
    const inviters = await namesByIds(db, invitations.map((i) => i.invitedById));
    const body = {
      exportedAt: new Date().toISOString(),
      coalition: { slug: tenant.slug, name: tenant.name },
      account: user,
      membership: membership && {
        role: membership.role,
        title: membership.title,
        emailUpdates: membership.emailUpdates,
        since: membership.createdAt,
        organisation: membership.organisation,
      },
      activity: activity.map((a) => ({ ...a, data: withoutOthersDetails(a.data, [person.email, person.id]) })),
      invitations: invitations.map(({ invitedById, organisation, ...i }) => ({ ...i, organisation: organisation?.name ?? null, invitedBy: invitedById ? (inviters.get(invitedById) ?? null) : null })),
      applications,
    };
    return new Response(JSON.stringify(body, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="commons-${tenant.slug}-my-data.json"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}

function withoutOthersDetails(data: unknown, own: readonly string[]): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => !OTHERS_DETAILS.has(key) || own.includes(String(value))));
}
