/** The replies Chinese carriers and providers treat as an SMS opt-out ("回T退订" in every campaign text). */
const OPT_OUT_REPLIES: ReadonlySet<string> = new Set(['TD', 'T', '退订', 'STOP']);

/** Whether an inbound SMS asks to stop: one of the opt-out words alone, in any case, with spaces or a full stop. */
export function isOptOutReply(text: string): boolean {
  return OPT_OUT_REPLIES.has(
    text
      .trim()
      .replace(/[.。!！\s]+$/u, '')
      .toUpperCase(),
  );
}
