import { Link } from 'react-router';
import { practiseUrl } from '../lib/practice.ts';

export interface PractiseSkill {
  skill: string;
  /** what the candidate reads beside the skill: its score, and where it comes from */
  note: string;
  /** the job whose setup page opens with this skill chosen */
  jobId: string;
}

/** Skills with a "Practise this skill" link each (the report's scores per skill, the history's weakest). */
export function PractiseSkills({ items }: { items: readonly PractiseSkill[] }) {
  return (
    <ul className="skill-scores">
      {items.map((x) => (
        <li key={x.skill}>
          <span>
            <strong>{x.skill}</strong> <span className="muted small">{x.note}</span>
          </span>
          <Link
            to={practiseUrl(x.jobId, [x.skill])}
            className="btn btn--secondary btn--sm"
            aria-label={`Practise this skill: ${x.skill}`}
          >
            Practise this skill
          </Link>
        </li>
      ))}
    </ul>
  );
}
