import { DEFAULT_SHARE_EXPIRY_DAYS, SHARE_EXPIRY_DAYS } from '@ai-interviewer/core/limits';
import { useState } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { Badge } from '../../components/Badge.tsx';
import { ConfirmAction } from '../../components/ConfirmAction.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { formatDateTime, plural } from '../../lib/format.ts';
import { trpc } from '../../trpc.ts';

type Days = (typeof SHARE_EXPIRY_DAYS)[number];

/** The address a share token opens (the SPA's public page). */
export const sharedUrl = (token: string, origin = window.location.origin) => `${origin}/shared/${token}`;

/**
 * The owner's share links for one completed report: create one with an expiry (its address is
 * shown once: only a hash of it is kept), see them, revoke them.
 */
export function ShareLinksCard({ sessionId }: { sessionId: string }) {
  const utils = trpc.useUtils();
  const [days, setDays] = useState<Days>(DEFAULT_SHARE_EXPIRY_DAYS);
  const links = trpc.shares.list.useQuery({ session_id: sessionId });
  const create = trpc.shares.create.useMutation({
    onSuccess: () => utils.shares.list.invalidate({ session_id: sessionId }),
  });
  const revoke = trpc.shares.revoke.useMutation({
    onSuccess: () => utils.shares.list.invalidate({ session_id: sessionId }),
  });
  const [copied, setCopied] = useState(false);
  const created = create.data;
  const url = created ? sharedUrl(created.token) : null;
  const live = (links.data ?? []).filter((l) => l.active);
  const past = (links.data ?? []).filter((l) => !l.active);

  return (
    <section className="card no-print" aria-labelledby="share-title" data-testid="share-links">
      <h2 id="share-title" className="card__title">
        Share this report
      </h2>
      <p className="muted">
        A read-only link to this report only (for a mentor, say): it shows no email and nothing else of yours.
        You can revoke it at any time.
      </p>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          setCopied(false);
          create.mutate({ session_id: sessionId, expires_in_days: days });
        }}
      >
        <label htmlFor="share-expiry" className="field__label">
          Link works for
        </label>
        <select
          id="share-expiry"
          className="input input--inline"
          value={days}
          onChange={(e) => setDays(Number(e.target.value) as Days)}
        >
          {SHARE_EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {plural(d, 'day')}
            </option>
          ))}
        </select>
        <button type="submit" className="btn btn--secondary" disabled={create.isPending}>
          {create.isPending && <Spinner />}
          Create share link
        </button>
      </form>
      {create.error && <Alert>{errorMessage(create.error)}</Alert>}
      {revoke.error && <Alert>{errorMessage(revoke.error)}</Alert>}
      {url && (
        <Alert tone="success" title="Link created">
          <span className="share-url">
            <label htmlFor="share-url" className="sr-only">
              Share link
            </label>
            <input id="share-url" className="input" readOnly value={url} onFocus={(e) => e.target.select()} />
            <button
              type="button"
              className="btn btn--secondary btn--sm"
              onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
          </span>
          Copy it now: it is shown only once.
        </Alert>
      )}
      {live.length > 0 && (
        <ul className="share-list" aria-label="Active share links">
          {live.map((l) => (
            <li key={l.id} className="share-list__item">
              <span>
                Created {formatDateTime(l.created_at)} · works until {formatDateTime(l.expires_at)}
              </span>
              <ConfirmAction
                label="Revoke"
                question="Revoke this link? It stops working at once."
                confirmLabel="Revoke link"
                size="sm"
                busy={revoke.isPending && revoke.variables?.id === l.id}
                onConfirm={() => revoke.mutate({ id: l.id })}
              />
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 && (
        <details>
          <summary>{plural(past.length, 'past link')}</summary>
          <ul className="share-list">
            {past.map((l) => (
              <li key={l.id} className="share-list__item">
                <span>Created {formatDateTime(l.created_at)}</span>
                <Badge tone="low">{l.revoked_at ? 'Revoked' : 'Expired'}</Badge>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
