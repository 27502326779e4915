import { OutgoingMessage } from './notification';

/** Sends one email; resolves once the server accepted it, rejects otherwise (the dispatcher retries). */
export abstract class EmailSender {
  abstract send(message: OutgoingMessage): Promise<void>;
}
