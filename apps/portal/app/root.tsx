import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, isRouteErrorResponse, Link, Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import stylesUrl from "@commons/ui/styles.css?url";
import { translatorFor, useT } from "./lib/i18n.ts";
import { useNonce } from "./lib/nonce.tsx";
import type { RootData } from "./lib/root-data.ts";
import { getSession, localeFor, renewedCookie } from "./lib/session.server.ts";

// An empty icon: browsers stop asking for /favicon.ico, which would render a 404 page.
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesUrl },
  { rel: "icon", href: "data:," },
];
// Error pages render no route's meta: without this a 404 has no <title> (WCAG 2.4.2).
export const meta: MetaFunction = ({ error }) => (error ? [{ title: `${isRouteErrorResponse(error) && error.status === 404 ? "Page not found" : "Something went wrong"} · Commons` }] : []);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  const root: RootData = {
    locale: localeFor(request, session),
    user: session ? { name: session.user.name, email: session.user.email, isPlatformOperator: session.user.isPlatformOperator } : null,
    devMailbox: process.env.NODE_ENV !== "production" && !!process.env.MAILBOX_DIR,
  };
  return data(root, { headers: renewedCookie(request, context, session) });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  const cookie = loaderHeaders.get("Set-Cookie");
  if (cookie) headers.set("Set-Cookie", cookie);
  return headers;
};

function SiteHeader({ user, devMailbox }: { user: RootData["user"]; devMailbox: boolean }) {
  const t = useT();
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          {t("app.name")}
        </Link>
        <nav className="site-nav" aria-label={t("nav.main")}>
          <ul>
            {user ? (
              <>
                <li>
                  <Link to="/">{t("nav.coalitions")}</Link>
                </li>
                {user.isPlatformOperator ? (
                  <li>
                    <Link to="/admin">{t("nav.platformAdmin")}</Link>
                  </li>
                ) : null}
                <li>
                  <Link to="/account">{t("nav.account")}</Link>
                </li>
                <li>
                  <Form method="post" action="/sign-out">
                    <button type="submit" className="button button--link">
                      {t("nav.signOut")}
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link to="/sign-in">{t("nav.signIn")}</Link>
                </li>
                <li>
                  <Link to="/register">{t("nav.register")}</Link>
                </li>
              </>
            )}
            {devMailbox ? (
              <li>
                <Link to="/dev/mailbox">{t("nav.devMailbox")}</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<RootData>("root");
  const t = translatorFor(root?.locale ?? "en");
  const nonce = useNonce();
  return (
    <html lang={root?.locale ?? "en"}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <SiteHeader user={root?.user ?? null} devMailbox={root?.devMailbox ?? false} />
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" className="narrow">
      <h1>{notFound ? t("error.notFound.title") : t("error.generic.title")}</h1>
      <p>{notFound ? t("error.notFound.body") : t("error.generic.body")}</p>
      <p>
        <Link to="/">{t("error.backHome")}</Link>
      </p>
    </main>
  );
}
