import { Alert, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuotePdf } from './commerce-queries';
import type { Quote } from './sales-types';

/**
 * The PDF the sales service renders, shown inline from a blob URL (the session cookie fetched it); a browser
 * without a PDF viewer (a phone, a headless one) offers it to open or save instead.
 */
export function QuotePdf({ quote }: { quote: Quote }) {
  const { t } = useTranslation('sales');
  const { url, error } = useQuotePdf(quote.id);
  if (error) return <Alert type="error" showIcon title={t('quotes.pdfFailed', { status: error.status })} />;
  if (!url) return <Spin />;
  const name = t('quotes.pdfOf', { number: quote.number, version: quote.version });
  return (
    <object
      data-testid="quote-pdf"
      data={url}
      type="application/pdf"
      aria-label={name}
      style={{ width: '100%', height: 560, border: '1px solid #d9d9d9', borderRadius: 8 }}
    >
      <Typography.Paragraph style={{ padding: 16 }}>
        {t('quotes.noViewer')}{' '}
        <a href={url} download={`${quote.number}-v${quote.version}.pdf`}>
          {name}
        </a>
      </Typography.Paragraph>
    </object>
  );
}
