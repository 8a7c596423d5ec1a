import type { ReactNode } from 'react';
import { statusLabel } from '../lib/format.ts';
import type { SessionStatus } from '../trpc.ts';

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

export function StatusBadge({ status }: { status: SessionStatus }) {
  return <Badge tone={statusTone[status]}>{statusLabel(status)}</Badge>;
}
