import type { ReactNode } from 'react';

export type BadgeTone = 'info' | 'success' | 'warning' | 'new' | 'neutral' | 'purple';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
