import { Link } from "@remix-run/react";
import type { DraftingT } from "./i18n.ts";

type Status = "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";
export type Tab = "edit" | "questions" | "attachments" | "audience" | "preview" | "open";

/**
 * The secretariat's tabs for one consultation: the drafting pages, then the follow area's
 * (Follow, Results) once it has opened. Plain links with aria-current on the page shown.
 */
export function ConsultationTabs({ t, base, id, current, status, picked }: { t: DraftingT; base: string; id: string; current: Tab; status: Status; picked: boolean }) {
  const tabs: { key: string; href: string; label: string }[] = [
    { key: "edit", href: `${base}/${id}/edit`, label: t("consultations.drafting.tabs.edit") },
    { key: "questions", href: `${base}/${id}/questions`, label: t("consultations.drafting.tabs.questions") },
    { key: "attachments", href: `${base}/${id}/attachments`, label: t("consultations.drafting.tabs.attachments") },
    ...(picked ? [{ key: "audience", href: `${base}/${id}/audience`, label: t("consultations.drafting.tabs.audience") }] : []),
    { key: "preview", href: `${base}/${id}/preview`, label: t("consultations.drafting.tabs.preview") },
    ...(status === "DRAFT" ? [{ key: "open", href: `${base}/${id}/open`, label: t("consultations.drafting.tabs.open") }] : []),
    ...(status === "OPEN" || status === "CLOSED"
      ? [
          { key: "follow", href: `${base}/${id}/follow`, label: t("consultations.drafting.tabs.follow") },
          { key: "results", href: `${base}/${id}/results`, label: t("consultations.drafting.tabs.results") },
        ]
      : []),
  ];
  return (
    <nav aria-label={t("consultations.drafting.tabs.label")} className="consultation-tabs">
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link to={tab.href} aria-current={tab.key === current ? "page" : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The first lines of every drafting page: back link, title, status, tabs. */
export function ConsultationHeader({ t, base, id, title, status, current, picked }: { t: DraftingT; base: string; id: string; title: string; status: Status; current: Tab; picked: boolean }) {
  return (
    <>
      <p>
        <Link to={base}>{t("consultations.drafting.back")}</Link>
      </p>
      <h1>{title}</h1>
      <p>
        <StatusTag t={t} status={status} />
      </p>
      <ConsultationTabs t={t} base={base} id={id} current={current} status={status} picked={picked} />
    </>
  );
}

export function StatusTag({ t, status }: { t: DraftingT; status: Status }) {
  return <span className={`tag tag--${status.toLowerCase()}`}>{t(`consultations.drafting.status.${status}`)}</span>;
}

/** The pagination component's labels. */
export function paginationLabels(t: DraftingT, page: number, pages: number) {
  return { nav: t("consultations.drafting.pagination.nav"), previous: t("consultations.drafting.pagination.previous"), next: t("consultations.drafting.pagination.next"), status: t("consultations.drafting.pagination.status", { page, pages }) };
}
