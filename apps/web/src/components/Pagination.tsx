/** Previous / next over an offset-paged list. */
export function Pagination({
  total,
  limit,
  offset,
  onChange,
}: {
  total: number;
  limit: number;
  offset: number;
  onChange: (offset: number) => void;
}) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      <button
        type="button"
        className="btn btn--secondary btn--sm"
        onClick={() => onChange(Math.max(0, offset - limit))}
        disabled={page <= 1}
      >
        ← Previous
      </button>
      <span className="pagination__info" aria-live="polite">
        Page {page} of {pages}
      </span>
      <button
        type="button"
        className="btn btn--secondary btn--sm"
        onClick={() => onChange(offset + limit)}
        disabled={page >= pages}
      >
        Next →
      </button>
    </nav>
  );
}
