/** Why a message was parked instead of applied; also the `reason` label of the metrics. */
export const ParkReasons = {
  emptyValue: 'empty-value',
  invalidUtf8: 'invalid-utf8',
  notJson: 'not-json',
  invalidEnvelope: 'invalid-envelope',
  unknownVersion: 'unknown-version',
  invalidPayload: 'invalid-payload',
  handlerFailed: 'handler-failed',
} as const;
export type ParkReason = (typeof ParkReasons)[keyof typeof ParkReasons];

export class UnreadableMessageError extends Error {
  constructor(
    readonly reason: ParkReason,
    message: string,
  ) {
    super(message);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function bytesOf(value: string | Buffer): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
}

/** The JSON a message carries, or an UnreadableMessageError naming what is wrong with its bytes. */
export function readJson(bytes: Buffer): unknown {
  if (bytes.length === 0)
    throw new UnreadableMessageError(ParkReasons.emptyValue, 'the message value is empty');
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new UnreadableMessageError(ParkReasons.invalidUtf8, 'the message value is not valid UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UnreadableMessageError(ParkReasons.notJson, `the message value is not JSON: ${error}`);
  }
}

/** PostgreSQL text and jsonb reject U+0000; what people read keeps a visible stand-in instead. */
export function safeText(text: string, maxLength = 100_000): string {
  return text.slice(0, maxLength).replace(/\u0000/g, '\uFFFD');
}
