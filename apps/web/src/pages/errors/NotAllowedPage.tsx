import { Link } from 'react-router';
import { useDocumentTitle } from '../../components/PageHeader.tsx';

export function NotAllowedPage() {
  useDocumentTitle('Not allowed');
  return (
    <section className="page page--narrow state state--empty" aria-labelledby="not-allowed-title">
      <p className="big-code" aria-hidden="true">
        403
      </p>
      <h1 id="not-allowed-title">You are not allowed to see this page</h1>
      <p className="muted">This area is for administrators only.</p>
      <Link to="/" className="btn btn--primary">
        Back to the catalogue
      </Link>
    </section>
  );
}
