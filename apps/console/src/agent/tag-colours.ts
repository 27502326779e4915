import type { CSSProperties } from 'react';

/** antd's preset tag colours miss 4.5:1 on their light backgrounds (axe: color-contrast); these meet it. */
export const TAG_COLOURS = {
  green: { color: '#1f5f0a', background: '#f0f9e8', borderColor: '#9fd27f' },
  orange: { color: '#7a3e00', background: '#fff3e0', borderColor: '#f0b470' },
  purple: { color: '#3f2387', background: '#f1ecfb', borderColor: '#b9a5e8' },
  gold: { color: '#6b4800', background: '#fff5d9', borderColor: '#e5c36b' },
  slate: { color: '#33414f', background: '#eef1f4', borderColor: '#b8c2cc' },
  grey: { color: '#3d3d3d', background: '#f5f5f5', borderColor: '#cfcfcf' },
} satisfies Record<string, CSSProperties>;
