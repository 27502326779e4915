/** Solid tag colours that keep white text at 4.5:1 (antd's light preset tags miss it: axe color-contrast). */
export const TAG_COLORS = {
  done: '#237804',
  late: '#c41d1d',
  running: '#1456c8',
  waiting: '#ad4e00',
} as const;
