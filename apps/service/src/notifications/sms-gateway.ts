import { OutgoingMessage } from './notification';

/**
 * Sends one text message; resolves once the gateway accepted it, rejects otherwise (the dispatcher retries).
 * Another provider plugs in by providing its own implementation of this class.
 */
export abstract class SmsGateway {
  abstract send(message: OutgoingMessage): Promise<void>;
}
