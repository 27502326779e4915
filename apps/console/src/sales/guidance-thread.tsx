import { Button, Card, Form, Input, List, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useGuidance, usePostGuidance } from './manager-queries';
import { RefusedChange } from './problem-views';

/** A manager's guidance on an opportunity and its owner's replies; either side may write. */
export function GuidanceThread({ opportunityId }: { opportunityId: string }) {
  const { t } = useTranslation('sales');
  const thread = useGuidance(opportunityId);
  const post = usePostGuidance(opportunityId);
  const [form] = Form.useForm<{ body: string }>();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('guidance.title')}</h2>}>
      {thread.isPending ? (
        <Skeleton active />
      ) : (
        <List
          data-testid="guidance"
          dataSource={thread.data?.items ?? []}
          locale={{ emptyText: t('guidance.empty') }}
          renderItem={(comment) => (
            <List.Item>
              <List.Item.Meta
                title={
                  <>
                    {comment.authorName} <Tag>{t(`guidance.kind.${comment.kind}`)}</Tag>
                    {new Date(comment.createdAt).toLocaleString()}
                  </>
                }
                description={comment.body}
              />
            </List.Item>
          )}
        />
      )}
      <RefusedChange error={post.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={({ body }) => post.mutate(body, { onSuccess: () => form.resetFields() })}
      >
        <Form.Item name="body" label={t('guidance.write')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        <Button htmlType="submit" loading={post.isPending}>
          {t('guidance.post')}
        </Button>
      </Form>
    </Card>
  );
}
