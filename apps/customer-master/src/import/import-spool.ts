import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ByteLimitTransform } from '@crm/http';
import { MAX_UPLOAD_BYTES } from './import-columns';

/**
 * An upload received whole into a temporary file before the job starts: the request can be answered
 * at once while rows are written in the background, and the content hash tells the same file apart.
 */
export class SpooledUpload {
  private constructor(
    private readonly dir: string,
    readonly contentHash: string,
  ) {}

  static async receive(body: Readable): Promise<SpooledUpload> {
    const dir = await mkdtemp(join(tmpdir(), 'crm-import-'));
    const hash = createHash('sha256');
    const hashing = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    const limiter = new ByteLimitTransform(MAX_UPLOAD_BYTES);
    const written = pipeline(limiter, hashing, createWriteStream(join(dir, 'upload.csv')));
    body.on('error', (error) => limiter.destroy(error));
    body.pipe(limiter);
    try {
      await written;
    } catch (error) {
      // Let the rest of the upload drain rather than cut the socket, so the answer reaches the client.
      body.unpipe(limiter);
      body.resume();
      await rm(dir, { recursive: true, force: true });
      throw error;
    }
    return new SpooledUpload(dir, hash.digest('hex'));
  }

  open(): Readable {
    return createReadStream(join(this.dir, 'upload.csv'));
  }

  remove(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}
