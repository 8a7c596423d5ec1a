/** What went well and what to improve, side by side: the interview room's card and the report share it (list items are texts that may repeat, hence index keys). */
export function FeedbackLists({
  strengths,
  improvements,
  heading: Heading = 'h3',
}: {
  strengths: string[];
  improvements: string[];
  heading?: 'h3' | 'h5';
}) {
  return (
    <div className="feedback-card__lists">
      {strengths.length > 0 && (
        <div className="feedback-list feedback-list--good">
          <Heading>What went well</Heading>
          <ul>
            {strengths.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      )}
      {improvements.length > 0 && (
        <div className="feedback-list feedback-list--improve">
          <Heading>To improve</Heading>
          <ul>
            {improvements.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
