import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, invalidateSession } from "@commons/auth";
import { getSession } from "../lib/session.server.ts";

// POST only (with the origin check): a link or image cannot sign someone out.
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await getSession(request, context);
  if (session) await invalidateSession(session.sessionId);
  throw redirect("/?signedOut=1", { headers: { "Set-Cookie": clearSessionCookie(context.secureCookies) } });
}

export function loader() {
  throw redirect("/");
}
