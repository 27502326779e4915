import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuotePdf } from './commerce-queries';
import { useContentWidth } from './content-width';
import { usePdfDocument } from './pdf-document';
import { PdfPageCanvas } from './pdf-page-canvas';
import type { Quote } from './sales-types';

/**
 * The PDF the sales service renders, every page drawn by pdf.js to a canvas as wide as the card (a browser's
 * own PDF viewer is missing on phones and headless browsers), with a link to download the file itself.
 */
export function QuotePdf({ quote }: { quote: Quote }) {
  const { t } = useTranslation('sales');
  const { blob, url, error } = useQuotePdf(quote.id);
  const { doc, error: parseError } = usePdfDocument(blob);
  const [drawError, setDrawError] = useState<Error>();
  const [box, width] = useContentWidth<HTMLDivElement>();
  const name = t('quotes.pdfOf', { number: quote.number, version: quote.version });
  const failure = parseError ?? drawError;
  const loading = !error && !failure && !doc;
  return (
    <div ref={box} role="group" aria-label={name} aria-busy={loading} data-testid="quote-pdf">
      <Flex vertical gap="middle">
        {url && (
          <a href={url} download={`${quote.number}-v${quote.version}.pdf`}>
            <DownloadOutlined /> {t('quotes.downloadPdf')}
          </a>
        )}
        {error && <Alert type="error" showIcon title={t('quotes.pdfFailed', { status: error.status })} />}
        {failure && (
          <Alert type="error" showIcon title={t('quotes.pdfDrawFailed')} description={failure.message} />
        )}
        {loading && (
          <Flex role="status" gap="small" align="center">
            <Spin size="small" />
            <Typography.Text type="secondary">{t('quotes.pdfLoading')}</Typography.Text>
          </Flex>
        )}
        {doc &&
          !failure &&
          Array.from({ length: doc.numPages }, (_, index) => (
            <PdfPageCanvas
              key={index}
              doc={doc}
              pageNumber={index + 1}
              width={width}
              label={t('quotes.pdfPage', { name, page: index + 1, pages: doc.numPages })}
              onError={setDrawError}
            />
          ))}
      </Flex>
    </div>
  );
}
