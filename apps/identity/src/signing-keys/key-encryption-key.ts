import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IDENTITY_SETTINGS, IdentitySettings } from '../identity.config';
import { KeyEncryption } from './key-encryption';

export const KEY_ENCRYPTION_KEY_FILE = 'identity-key-encryption.key';

/**
 * The key-encryption key: IDENTITY_KEY_ENCRYPTION_KEY when configured, else one generated on
 * first use and kept (owner-only) in the data folder, so the embedded default needs no setup.
 */
@Injectable()
export class KeyEncryptionProvider {
  private readonly logger = new Logger(KeyEncryptionProvider.name);
  private encryption?: KeyEncryption;

  constructor(@Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings) {}

  get(): KeyEncryption {
    this.encryption ??= new KeyEncryption(this.settings.keyEncryptionKey ?? this.keyFromDataDir());
    return this.encryption;
  }

  private keyFromDataDir(): Buffer {
    const path = join(this.settings.dataDir, KEY_ENCRYPTION_KEY_FILE);
    try {
      return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    mkdirSync(this.settings.dataDir, { recursive: true });
    // 'wx' fails if another process made the file meanwhile; then read theirs.
    try {
      writeFileSync(path, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
      this.logger.warn(`Generated ${path}; set IDENTITY_KEY_ENCRYPTION_KEY in production instead`);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  }
}
