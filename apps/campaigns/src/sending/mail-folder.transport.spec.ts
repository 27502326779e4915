import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mailFolderTransport } from './mail-folder.transport';

describe(mailFolderTransport.name, () => {
  let folder: string;
  beforeEach(() => (folder = join(mkdtempSync(join(tmpdir(), 'mail-folder-')), 'mail')));
  afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  const send = (messageId: string, text: string) =>
    mailFolderTransport(folder).sendMail({
      from: 'marketing@crm.local',
      to: 'wang.fang@example.cn',
      subject: '王芳，您的保养季优惠',
      text,
      messageId,
    });

  it('writes each mail whole as an .eml file named after its Message-ID', async () => {
    await send('<key-1@campaigns.crm.local>', '王芳您好：本月保养八折。');
    expect(readdirSync(folder)).toEqual(['key-1@campaigns.crm.local.eml']);
    const mail = readFileSync(join(folder, 'key-1@campaigns.crm.local.eml'), 'utf8');
    expect(mail).toContain('To: wang.fang@example.cn');
    expect(mail).toContain('Message-ID: <key-1@campaigns.crm.local>');
  });

  it('keeps one file for a repeat of the same send', async () => {
    await send('<key-2@campaigns.crm.local>', 'first');
    await send('<key-2@campaigns.crm.local>', 'again');
    expect(readdirSync(folder)).toHaveLength(1);
  });
});
