import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Form, Input, Row, Select, Space, Tabs, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type CampaignDraft, type MessageText, SMS_SOURCES } from './campaign-draft';
import type { SegmentMember } from './marketing-queries';
import { PLACEHOLDERS, type Personalisation, renderPreview } from './template-preview';

type Language = 'zh-CN' | 'en';
interface Props {
  draft: CampaignDraft;
  onChange: (change: Partial<CampaignDraft>) => void;
  sample: SegmentMember | undefined;
}

/** The message: email subject and body per language with placeholders and a live preview, or the SMS provider template. */
export function TemplateEditor(props: Props) {
  return props.draft.channel === 'email' ? <EmailTemplate {...props} /> : <SmsTemplate {...props} />;
}

function EmailTemplate({ draft, onChange, sample }: Props) {
  const edit = (language: Language, change: Partial<MessageText>) =>
    onChange({ email: { ...draft.email, [language]: { ...draft.email[language], ...change } } });
  return (
    <Tabs
      items={(['zh-CN', 'en'] as const).map((language) => ({
        key: language,
        label: language === 'zh-CN' ? '中文' : 'English',
        children: (
          <LanguageTemplate
            language={language}
            text={draft.email[language]}
            onChange={(change) => edit(language, change)}
            sample={sample}
          />
        ),
      }))}
    />
  );
}

function LanguageTemplate({
  language,
  text,
  onChange,
  sample,
}: {
  language: Language;
  text: MessageText;
  onChange: (change: Partial<MessageText>) => void;
  sample: SegmentMember | undefined;
}) {
  const { t } = useTranslation('marketing');
  const body = useRef<HTMLTextAreaElement | null>(null);
  // Inserted where the cursor is in the body, at its end otherwise.
  const insert = (placeholder: string) => {
    const at = body.current?.selectionStart ?? text.body.length;
    onChange({ body: `${text.body.slice(0, at)}{{${placeholder}}}${text.body.slice(at)}` });
  };
  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Form layout="vertical">
          <Form.Item label={t('wizard.subject')} htmlFor={`subject-${language}`}>
            <Input
              id={`subject-${language}`}
              value={text.subject}
              onChange={(event) => onChange({ subject: event.target.value })}
            />
          </Form.Item>
          <Form.Item label={t('wizard.body')} htmlFor={`body-${language}`}>
            <Input.TextArea
              id={`body-${language}`}
              ref={(area) => {
                body.current = area?.resizableTextArea?.textArea ?? null;
              }}
              rows={6}
              value={text.body}
              onChange={(event) => onChange({ body: event.target.value })}
            />
          </Form.Item>
          <Space wrap aria-label={t('wizard.placeholders')}>
            <Typography.Text>{t('wizard.placeholders')}</Typography.Text>
            {PLACEHOLDERS.map((placeholder) => (
              <Button
                key={placeholder}
                size="small"
                autoInsertSpace={false}
                onClick={() => insert(placeholder)}
              >
                {t(`wizard.placeholderNames.${placeholder}`)}
              </Button>
            ))}
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={12}>
        <MessagePreview text={text} sample={sample} />
      </Col>
    </Row>
  );
}

function MessagePreview({ text, sample }: { text: MessageText; sample: SegmentMember | undefined }) {
  const { t } = useTranslation('marketing');
  const member: Personalisation = {
    name: sample?.name ?? '王芳',
    model: null,
    city: sample?.city ?? null,
    unsubscribeUrl: `${window.location.origin}/unsubscribe/…`,
  };
  let rendered: MessageText;
  try {
    rendered = { subject: renderPreview(text.subject, member), body: renderPreview(text.body, member) };
  } catch (error) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('wizard.previewError', { message: (error as Error).message.split('\n')[0] })}
      />
    );
  }
  return (
    <Card
      size="small"
      data-testid="template-preview"
      title={<h3 style={{ fontSize: 14, margin: 0 }}>{t('wizard.preview', { name: member.name })}</h3>}
    >
      <Typography.Paragraph strong>{rendered.subject}</Typography.Paragraph>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{rendered.body}</Typography.Paragraph>
    </Card>
  );
}

function SmsTemplate({ draft, onChange }: Props) {
  const { t } = useTranslation('marketing');
  const params = draft.sms.params;
  const setSms = (change: Partial<CampaignDraft['sms']>) => onChange({ sms: { ...draft.sms, ...change } });
  const setParam = (key: number, change: object) =>
    setSms({ params: params.map((param) => (param.key === key ? { ...param, ...change } : param)) });
  return (
    <Form layout="vertical" style={{ maxWidth: 560 }}>
      <Form.Item label={t('wizard.smsTemplateId')} htmlFor="sms-template">
        <Input
          id="sms-template"
          value={draft.sms.providerTemplateId}
          onChange={(event) => setSms({ providerTemplateId: event.target.value })}
        />
      </Form.Item>
      <Typography.Text strong>{t('wizard.smsParams')}</Typography.Text>
      {params.map((param) => (
        <Space key={param.key} style={{ display: 'flex', marginTop: 8 }}>
          <Input
            aria-label={t('wizard.smsParam')}
            placeholder={t('wizard.smsParam')}
            value={param.name}
            onChange={(event) => setParam(param.key, { name: event.target.value })}
          />
          <Select
            aria-label={t('wizard.smsSource')}
            style={{ width: 160 }}
            value={param.source}
            options={SMS_SOURCES.map((source) => ({
              value: source,
              label: t(`wizard.placeholderNames.${source}`),
            }))}
            onChange={(source) => setParam(param.key, { source })}
          />
        </Space>
      ))}
      <Button
        icon={<PlusOutlined />}
        style={{ marginTop: 8 }}
        onClick={() =>
          setSms({
            params: [
              ...params,
              { key: Math.max(0, ...params.map((param) => param.key)) + 1, name: '', source: 'model' },
            ],
          })
        }
      >
        {t('wizard.addParam')}
      </Button>
    </Form>
  );
}
