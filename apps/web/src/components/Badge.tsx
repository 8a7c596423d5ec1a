import type { ReactNode } from 'react';
import { endedEarly, sessionStatusLabel } from '../lib/format.ts';
import type { SessionDetail, SessionStatus } from '../trpc.ts';

export type BadgeTone = 'neutral' | 'accent' | 'good' | 'ok' | 'low' | 'info';

export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: BadgeTone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

const statusTone: Record<SessionStatus, BadgeTone> = {
  pending: 'neutral',
  ongoing: 'info',
  completed: 'good',
  cancelled: 'low',
};

/** With `progress` (known for one session, not in lists), an interview ended early says so. */
export function StatusBadge({
  status,
  progress,
}: {
  status: SessionStatus;
  progress?: SessionDetail['progress'];
}) {
  const tone = progress && endedEarly(status, progress) ? 'ok' : statusTone[status];
  return <Badge tone={tone}>{sessionStatusLabel(status, progress)}</Badge>;
}
