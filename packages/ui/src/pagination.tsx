export interface PaginationProps {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; status: string };
}

/** Plain links, so it works without JavaScript and every page has its own URL. */
export function Pagination({ page, pages, hrefFor, labels }: PaginationProps) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={labels.nav}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          {labels.previous}
        </a>
      ) : null}
      <span>{labels.status}</span>
      {page < pages ? (
        <a href={hrefFor(page + 1)} rel="next">
          {labels.next}
        </a>
      ) : null}
    </nav>
  );
}
