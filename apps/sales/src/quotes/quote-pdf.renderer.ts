import { Injectable } from '@nestjs/common';
import { readFile } from 'node:fs/promises';
import PDFDocument from 'pdfkit';
import { QuoteReading } from './quote-query.service';

/** Noto Sans SC covers Chinese and latin, so customer and model names render as real, extractable text. */
const FONT_PATH = require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT = 'NotoSansSC';
const STATUS_LABELS: Record<QuoteReading['status'], string> = {
  draft: '草稿 Draft',
  sent: '已发送 Sent',
  accepted: '已接受 Accepted',
  rejected: '已拒绝 Rejected',
  expired: '已过期 Expired',
};
const COLUMNS = [
  { label: '车型 Model', x: 50, width: 120 },
  { label: '版本 Trim', x: 170, width: 120 },
  { label: '数量 Qty', x: 290, width: 45 },
  { label: '单价 Unit price', x: 335, width: 75 },
  { label: '优惠 Discount', x: 410, width: 65 },
  { label: '小计 Total', x: 475, width: 70 },
];

const money = (amount: number) => amount.toLocaleString('en-US', { minimumFractionDigits: 2 });

/** Renders a quote as a one-document PDF, server-side; the font file is read once per process. */
@Injectable()
export class QuotePdfRenderer {
  private font?: Promise<Buffer>;

  async render(quote: QuoteReading): Promise<Buffer> {
    this.font ??= readFile(FONT_PATH);
    const doc = new PDFDocument({
      size: 'A4',
      margin: 50,
      info: { Title: `${quote.number} v${quote.version}` },
    });
    doc.registerFont(FONT, await this.font);
    doc.font(FONT);
    const done = collect(doc);
    this.heading(doc, quote);
    this.table(doc, quote);
    this.footer(doc, quote);
    doc.end();
    return done;
  }

  private heading(doc: PDFKit.PDFDocument, quote: QuoteReading): void {
    doc.fontSize(20).text('报价单 Quotation', { align: 'center' }).moveDown();
    doc.fontSize(10);
    doc.text(`编号 No.: ${quote.number}    版本 Version: ${quote.version}`);
    doc.text(`客户 Customer: ${quote.customerName ?? '—'}`);
    doc.text(`日期 Date: ${quote.createdAt.slice(0, 10)}    有效期至 Valid until: ${quote.validUntil}`);
    doc.text(`状态 Status: ${STATUS_LABELS[quote.status]}`).moveDown();
  }

  private table(doc: PDFKit.PDFDocument, quote: QuoteReading): void {
    const row = (cells: string[]) => {
      const y = doc.y;
      const heights = cells.map((cell, i) => doc.heightOfString(cell, { width: COLUMNS[i].width - 5 }));
      cells.forEach((cell, i) => doc.text(cell, COLUMNS[i].x, y, { width: COLUMNS[i].width - 5 }));
      doc.x = 50;
      doc.y = y + Math.max(...heights) + 4;
    };
    row(COLUMNS.map((column) => column.label));
    for (const line of quote.lines)
      row([
        line.modelName,
        line.trimName,
        String(line.quantity),
        money(line.unitPrice),
        money(line.discount),
        money(line.lineTotal),
      ]);
    doc.moveDown();
    doc
      .fontSize(12)
      .text(`合计 Total: ${quote.total.currency} ${money(quote.total.amount)}`, { align: 'right' });
  }

  private footer(doc: PDFKit.PDFDocument, quote: QuoteReading): void {
    if (!quote.terms) return;
    doc.moveDown().fontSize(10).text('条款 Terms', { underline: true }).text(quote.terms);
  }
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
