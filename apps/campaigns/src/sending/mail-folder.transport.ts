import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createTransport, Transporter } from 'nodemailer';
import type { Transport } from 'nodemailer';

/**
 * Mail written whole, one `.eml` file per message named after its Message-ID, into a folder: the embedded default's
 * mailbox, which a person or a test opens. A repeat of one send overwrites its file, as a mail system collapses it.
 */
export function mailFolderTransport(folder: string): Transporter {
  mkdirSync(folder, { recursive: true });
  const transport: Transport = {
    name: 'mail-folder',
    version: '1',
    send(mail, done) {
      const messageId = mail.message.messageId().replace(/[^\w.@-]/g, '');
      const file = join(folder, `${messageId}.eml`);
      pipeline(mail.message.createReadStream(), createWriteStream(file)).then(
        () => done(null, { envelope: mail.message.getEnvelope(), messageId }),
        (error: Error) => done(error, undefined as never),
      );
    },
  };
  return createTransport(transport);
}
