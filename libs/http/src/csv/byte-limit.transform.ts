import { Transform, TransformCallback } from 'node:stream';
import { PayloadTooLargeError } from './upload-errors';
import { describeBytes } from './csv-upload';

/** Passes bytes through until more than `maxBytes` have come, then fails: a chunked upload has no length. */
export class ByteLimitTransform extends Transform {
  private seen = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    if (this.seen > this.maxBytes) {
      callback(new PayloadTooLargeError(`The file may have at most ${describeBytes(this.maxBytes)}`));
      return;
    }
    callback(null, chunk);
  }
}
