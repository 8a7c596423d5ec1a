import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatDateTime, plural } from '../../lib/format.ts';
import type { ScorePoint, SkillAverage } from '../../lib/history.ts';

// The palette of styles.css (recharts draws SVG attributes, not CSS).
const ACCENT = '#3b5bdb';
const GRID = '#e3e6ee';
const TEXT = '#5b6478';

/**
 * Loaded only on the history page: recharts is the heaviest library the app uses.
 * Each chart is a named image (recharts' default is an unnamed, focusable role="application"
 * whose only content is a hover tooltip), and its numbers are in a table under it.
 */
export default function HistoryCharts({ points, skills }: { points: ScorePoint[]; skills: SkillAverage[] }) {
  return (
    <div className="chart-grid">
      <figure className="card chart" data-testid="chart-scores">
        <figcaption className="card__title">Overall score over time</figcaption>
        {points.length === 0 ? (
          <p className="muted chart__empty">Complete an interview to see your scores here.</p>
        ) : (
          <div className="chart__canvas">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart
                data={points}
                margin={{ top: 8, right: 16, bottom: 0, left: -16 }}
                accessibilityLayer={false}
                role="img"
                aria-label={`Line chart of your overall score, 0 to 100, over ${plural(points.length, 'completed interview')}`}
              >
                <CartesianGrid stroke={GRID} vertical={false} />
                <XAxis
                  dataKey="label"
                  tick={{ fill: TEXT, fontSize: 12 }}
                  tickLine={false}
                  axisLine={{ stroke: GRID }}
                />
                <YAxis
                  domain={[0, 100]}
                  ticks={[0, 25, 50, 75, 100]}
                  tick={{ fill: TEXT, fontSize: 12 }}
                  tickLine={false}
                  axisLine={false}
                />
                <Tooltip
                  formatter={(value) => [`${value}/100`, 'Score']}
                  labelFormatter={(_label, payload) => {
                    const p = payload?.[0]?.payload as ScorePoint | undefined;
                    return p ? `${p.title} · ${p.label}` : '';
                  }}
                />
                <Line
                  type="monotone"
                  dataKey="score"
                  stroke={ACCENT}
                  strokeWidth={2.5}
                  dot={{ r: 4, fill: ACCENT }}
                  activeDot={{ r: 6 }}
                  isAnimationActive={false}
                />
              </LineChart>
            </ResponsiveContainer>
          </div>
        )}
        {points.length > 0 && (
          <ChartData caption="Overall score of each completed interview">
            <thead>
              <tr>
                <th scope="col">Ended</th>
                <th scope="col">Job</th>
                <th scope="col">Score</th>
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.id}>
                  <td>{formatDateTime(new Date(p.at).toISOString())}</td>
                  <td>{p.title}</td>
                  <td>{p.score} / 100</td>
                </tr>
              ))}
            </tbody>
          </ChartData>
        )}
      </figure>
      <figure className="card chart" data-testid="chart-skills">
        <figcaption className="card__title">Average answer score by skill</figcaption>
        {skills.length === 0 ? (
          <p className="muted chart__empty">Graded answers of completed interviews appear here, per skill.</p>
        ) : (
          <div className="chart__canvas" style={{ height: Math.max(160, skills.length * 38 + 40) }}>
            <ResponsiveContainer width="100%" height="100%">
              <BarChart
                data={skills}
                layout="vertical"
                margin={{ top: 0, right: 24, bottom: 0, left: 8 }}
                accessibilityLayer={false}
                role="img"
                aria-label={`Bar chart of your average answer score, 0 to 10, for ${plural(skills.length, 'skill')}`}
              >
                <CartesianGrid stroke={GRID} horizontal={false} />
                <XAxis
                  type="number"
                  domain={[0, 10]}
                  ticks={[0, 2, 4, 6, 8, 10]}
                  tick={{ fill: TEXT, fontSize: 12 }}
                  tickLine={false}
                  axisLine={{ stroke: GRID }}
                />
                <YAxis
                  type="category"
                  dataKey="skill"
                  width={120}
                  tick={{ fill: TEXT, fontSize: 12 }}
                  tickLine={false}
                  axisLine={false}
                />
                <Tooltip
                  formatter={(value, _n, item) => [
                    `${value}/10 over ${(item.payload as SkillAverage).answers} answer(s)`,
                    'Average',
                  ]}
                />
                <Bar
                  dataKey="average"
                  fill={ACCENT}
                  radius={[0, 6, 6, 0]}
                  barSize={18}
                  isAnimationActive={false}
                />
              </BarChart>
            </ResponsiveContainer>
          </div>
        )}
        {skills.length > 0 && (
          <ChartData caption="Average answer score by skill">
            <thead>
              <tr>
                <th scope="col">Skill</th>
                <th scope="col">Average</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {skills.map((s) => (
                <tr key={s.skill}>
                  <td>{s.skill}</td>
                  <td>{s.average} / 10</td>
                  <td>{s.answers}</td>
                </tr>
              ))}
            </tbody>
          </ChartData>
        )}
      </figure>
    </div>
  );
}

/** The chart's numbers as a table, folded away under the chart for whoever wants them. */
function ChartData({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <details className="chart__data">
      <summary>Show the numbers</summary>
      <div className="table-wrap">
        <table className="table">
          <caption className="sr-only">{caption}</caption>
          {children}
        </table>
      </div>
    </details>
  );
}
