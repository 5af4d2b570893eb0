import { Link, useRouteLoaderData } from "@remix-run/react";
import { createCatalogueTranslator, DEFAULT_LOCALE } from "@commons/i18n";
import type { ForumNavData } from "../access.server.ts";
import { forumNav } from "../messages/forum-nav.ts";
import stylesheet from "./forum.css?url";

type NavKey = keyof typeof forumNav;
type NavT = (key: NavKey, params?: Record<string, string | number>) => string;

const translators = new Map<string, NavT>();

/** Only the header's own strings (not the spaces area's catalogue): every forum page ships this component. */
function useNavT(): NavT {
  const locale = useRouteLoaderData<{ locale?: string }>("root")?.locale ?? DEFAULT_LOCALE;
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = createCatalogueTranslator({ en: forumNav }, locale) as NavT));
  return translate;
}

/** Every forum page exports these as its `links` (or adds them to its own). */
export const forumLinks = () => [{ rel: "stylesheet", href: stylesheet }];

/** The forum's pages, in the order of the tab bar. */
export type ForumTab = "discussions" | "meetings" | "record" | "participants" | "rules" | "settings";

const TABS: readonly { tab: ForumTab; path: string; label: NavKey; managersOnly?: boolean }[] = [
  { tab: "discussions", path: "", label: "forums.spaces.tab.discussions" },
  { tab: "meetings", path: "/meetings", label: "forums.spaces.tab.meetings" },
  { tab: "record", path: "/record", label: "forums.spaces.tab.record" },
  { tab: "participants", path: "/participants", label: "forums.spaces.tab.participants" },
  { tab: "rules", path: "/rules", label: "forums.spaces.tab.rules" },
  { tab: "settings", path: "/settings", label: "forums.spaces.tab.settings", managersOnly: true },
];

/**
 * Every forum page's header and tab bar. The page's one h1 is the forum's name, or, when the
 * page is about one thing in the forum (a thread, a meeting), that thing's `title` with the
 * forum's name as a link above it. `current` marks the tab (aria-current="page" when the
 * page is the tab itself, "location" when it is inside it).
 */
export function ForumNav({ nav, current, title, inside = false }: { nav: ForumNavData; current: ForumTab; title?: string; inside?: boolean }) {
  const t = useNavT();
  const base = `/c/${nav.slug}/forums/${nav.forumId}`;
  return (
    <header className="forum-header">
      <p className="forum-header__trail">
        <Link to={`/c/${nav.slug}/forums`}>{t("forums.spaces.nav.allForums")}</Link>
        {title ? (
          <>
            {" / "}
            <Link to={base}>{nav.name}</Link>
          </>
        ) : null}
      </p>
      <h1>{title ?? nav.name}</h1>
      {nav.archived || nav.publicRecord ? (
        <p className="forum-header__status">
          {nav.archived ? t("forums.spaces.nav.archived") : null}
          {nav.archived && nav.publicRecord ? " · " : null}
          {nav.publicRecord ? t("forums.spaces.nav.publicRecord") : null}
        </p>
      ) : null}
      <nav aria-label={t("forums.spaces.nav.label", { forum: nav.name })} className="forum-tabs">
        <ul>
          {TABS.filter((tab) => !tab.managersOnly || nav.canManage).map((tab) => (
            <li key={tab.tab}>
              <Link to={base + tab.path} aria-current={tab.tab === current ? (inside ? "location" : "page") : undefined}>
                {t(tab.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
