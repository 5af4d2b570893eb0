export interface PaginationProps {
  page: number;
  /** Total pages when known; for ever-growing lists pass `hasNext` instead of counting rows. */
  pages?: number;
  hasNext?: boolean;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; status: string };
}

/** Plain links, so it works without JavaScript and every page has its own URL. */
export function Pagination({ page, pages, hasNext, hrefFor, labels }: PaginationProps) {
  const next = pages !== undefined ? page < pages : !!hasNext;
  if (page <= 1 && !next) return null;
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          {labels.previous}
        </a>
      ) : null}
      <span>{labels.status}</span>
      {next ? (
        <a href={hrefFor(page + 1)} rel="next">
          {labels.next}
        </a>
      ) : null}
    </nav>
  );
}
