import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/PageHeader.tsx';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  useDocumentTitle('Not found');
  return (
    <section className="page page--narrow state state--empty">
      <p className="big-code" aria-hidden="true">
        404
      </p>
      <h1>We could not find this {what}</h1>
      <p className="muted">It may have been deleted, or the link is mistyped.</p>
      <Link to="/" className="btn btn--primary">
        Back to the catalogue
      </Link>
    </section>
  );
}
