import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** A crash or a chunk that failed to load: say so and offer a reload. */
export function RouteErrorPage() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <main className="main">
      <section className="page page--narrow state state--error" role="alert">
        <h1>Something went wrong</h1>
        <p className="muted">{message}</p>
        <div className="row">
          <button type="button" className="btn btn--primary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
          <Link to="/" className="btn btn--secondary">
            Go home
          </Link>
        </div>
      </section>
    </main>
  );
}
