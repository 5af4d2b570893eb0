import { Link } from "@remix-run/react";
import type { DraftingT } from "./i18n.ts";

type Status = "DRAFT" | "SCHEDULED" | "OPEN" | "CLOSED";
export type Tab = "edit" | "questions" | "attachments" | "audience" | "preview" | "open" | "follow" | "results" | "statement";

/** The tabs' words, from the drafting catalogue; the follow area's loaders send them, so its pages do not ship that catalogue. */
export type TabLabels = Record<Tab | "label", string>;

export function tabLabels(t: DraftingT): TabLabels {
  return {
    label: t("consultations.drafting.tabs.label"),
    edit: t("consultations.drafting.tabs.edit"),
    questions: t("consultations.drafting.tabs.questions"),
    attachments: t("consultations.drafting.tabs.attachments"),
    audience: t("consultations.drafting.tabs.audience"),
    preview: t("consultations.drafting.tabs.preview"),
    open: t("consultations.drafting.tabs.open"),
    follow: t("consultations.drafting.tabs.follow"),
    results: t("consultations.drafting.tabs.results"),
    statement: t("consultations.drafting.tabs.statement"),
  };
}

/**
 * The secretariat's tabs for one consultation, on every secretariat page of it: the drafting
 * pages, then the follow area's (Follow, Results, Statement) once it has opened. Plain links
 * with aria-current on the page shown. `base` is the coalition's consultations path.
 */
export function ConsultationTabs({ labels, base, id, current, status, picked }: { labels: TabLabels; base: string; id: string; current: Tab; status: Status; picked: boolean }) {
  const shown: Tab[] = [
    "edit",
    "questions",
    "attachments",
    ...(picked ? (["audience"] as const) : []),
    "preview",
    ...(status === "DRAFT" ? (["open"] as const) : []),
    ...(status === "OPEN" || status === "CLOSED" ? (["follow", "results", "statement"] as const) : []),
  ];
  return (
    <nav aria-label={labels.label} className="consultation-tabs">
      <ul>
        {shown.map((tab) => (
          <li key={tab}>
            <Link to={`${base}/${id}/${tab}`} aria-current={tab === current ? "page" : undefined}>
              {labels[tab]}
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
      <ConsultationTabs labels={tabLabels(t)} base={base} id={id} current={current} status={status} picked={picked} />
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
