import { lengthText, paceText, phrasesText } from '../lib/delivery.ts';
import type { Delivery } from '../trpc.ts';

/**
 * How the answer was said, measured by code: kept visibly apart from the grade (which judges
 * what was said) so neither is mistaken for the other.
 */
export function DeliveryCard({ delivery: d, compact = false }: { delivery: Delivery; compact?: boolean }) {
  const pace = paceText(d);
  const quotes = [...d.fillers.found, ...d.hedges.found].flatMap((f) => f.quotes.slice(0, 1)).slice(0, 4);
  return (
    <section className={compact ? 'delivery delivery--compact' : 'card delivery'} aria-label="Delivery">
      <h3 className="delivery__title">
        Delivery{' '}
        <span className="muted small">
          — how you said it, measured from the {d.source === 'voice' ? 'recording' : 'text'}; not part of the
          score
        </span>
      </h3>
      <dl className="delivery__figures">
        {pace && (
          <div>
            <dt>Pace</dt>
            <dd data-testid="delivery-pace">{pace}</dd>
          </div>
        )}
        <div>
          <dt>Length</dt>
          <dd>{lengthText(d)}</dd>
        </div>
        <div>
          <dt>Fillers</dt>
          <dd data-testid="delivery-fillers">{phrasesText(d.fillers)}</dd>
        </div>
        <div>
          <dt>Hedges</dt>
          <dd data-testid="delivery-hedges">{phrasesText(d.hedges)}</dd>
        </div>
        {d.long_pauses !== null && (
          <div>
            <dt>Long pauses</dt>
            <dd>
              {d.long_pauses.length === 0
                ? `none over ${d.long_pause_seconds} s`
                : d.long_pauses.map((p) => `${p.seconds} s after “${p.after}”`).join(', ')}
            </dd>
          </div>
        )}
      </dl>
      {!compact && quotes.length > 0 && (
        <ul className="delivery__quotes" aria-label="Where">
          {quotes.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      )}
      {d.source === 'text' && (
        <p className="muted small">Typed answer: pace and pauses are measured only when you speak.</p>
      )}
    </section>
  );
}
