import type { DeliveryTrendRow } from '../../lib/delivery.ts';
import { formatDate } from '../../lib/format.ts';

/** How the candidate's delivery moves from one interview to the next (recent completed ones). */
export function DeliveryTrend({ rows }: { rows: DeliveryTrendRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="card" aria-labelledby="delivery-trend-title">
      <h2 id="delivery-trend-title" className="card__title">
        Delivery over time <span className="muted small">(how you said it, apart from the scores)</span>
      </h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Interview</th>
            <th scope="col">Spoken answers</th>
            <th scope="col">Pace (words/min)</th>
            <th scope="col">Fillers per 100 words</th>
            <th scope="col">Hedges per 100 words</th>
            <th scope="col">Long pauses</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.sessionId}>
              <td>
                {r.label} <span className="muted small">{formatDate(r.date)}</span>
              </td>
              <td>
                {r.spoken} of {r.answers}
              </td>
              <td>{r.wordsPerMinute ?? '–'}</td>
              <td>{r.fillersPer100}</td>
              <td>{r.hedgesPer100}</td>
              <td>{r.spoken > 0 ? r.longPauses : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
