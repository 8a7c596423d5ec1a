import { Link } from 'react-router';
import { Badge } from '../../components/Badge.tsx';
import { Chips } from '../../components/Chips.tsx';
import { splitSkills } from '../../lib/skills.ts';
import type { Job } from '../../trpc.ts';

const MAX_CHIPS = 5;

/** One job of the catalogue: title, experience, a taste of the description, its skills. */
export function JobCard({
  job,
  onSkill,
  activeSkill,
}: {
  job: Job;
  onSkill?: (s: string) => void;
  activeSkill?: string;
}) {
  const skills = splitSkills(job.skills);
  const shown = skills.slice(0, MAX_CHIPS);
  return (
    <article className="card job-card">
      <div className="job-card__head">
        <h2 className="job-card__title">
          <Link to={`/jobs/${job.id}`} className="stretched-link">
            {job.title}
          </Link>
        </h2>
        <div className="job-card__badges">
          {job.experience && <Badge tone="accent">{job.experience}</Badge>}
          {job.visibility === 'private' && <Badge>Private</Badge>}
        </div>
      </div>
      <p className="job-card__desc">{job.description}</p>
      <div className="job-card__skills">
        <Chips items={shown} label={`Skills for ${job.title}`} onSelect={onSkill} selected={activeSkill} />
        {skills.length > MAX_CHIPS && <span className="muted small">+{skills.length - MAX_CHIPS} more</span>}
      </div>
    </article>
  );
}
