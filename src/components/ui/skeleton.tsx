import type { CSSProperties } from 'react';

export function Skeleton({ width = '100%', height = 12 }: { width?: CSSProperties['width']; height?: number }) {
  return <span className="skeleton" style={{ width, height }} aria-hidden="true" />;
}
