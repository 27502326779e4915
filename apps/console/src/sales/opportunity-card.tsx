import { DownOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { day, formatMoney } from './sales-format';
import type { Opportunity, Stage } from './sales-types';
import { stageLabel } from './stage-label';

export const DRAG_TYPE = 'application/x-crm-opportunity';

/** One opportunity on the board: dragged to another column, or moved by its menu from the keyboard. */
export function OpportunityCard({
  opportunity,
  stages,
  ownerName,
  onMove,
}: {
  opportunity: Opportunity;
  stages: Stage[];
  ownerName: string;
  onMove: (stage: string) => void;
}) {
  const { t, i18n } = useTranslation('sales');
  const open = opportunity.closedAt === null;
  const targets = stages.filter((stage) => stage.key !== opportunity.stage);
  return (
    <Card
      size="small"
      draggable={open}
      data-testid="opportunity-card"
      data-opportunity={opportunity.id}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, opportunity.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      style={{ cursor: open ? 'grab' : 'default' }}
    >
      <Link to={`/sales/opportunities/${opportunity.id}`}>{opportunity.name}</Link>
      <div>{formatMoney(opportunity.amount, i18n.language)}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ownerName}
        {opportunity.expectedCloseDate &&
          ` · ${t('pipeline.closes', { date: day(opportunity.expectedCloseDate) })}`}
      </Typography.Text>
      {open && (
        <Dropdown
          trigger={['click']}
          menu={{
            items: targets.map((stage) => ({ key: stage.key, label: stageLabel(t, stage) })),
            onClick: ({ key }) => onMove(key),
          }}
        >
          <Button
            size="small"
            type="link"
            style={{ padding: 0, display: 'block' }}
            aria-label={t('pipeline.moveNamed', { name: opportunity.name })}
          >
            <Space size={4}>
              {t('pipeline.moveTo')}
              <DownOutlined />
            </Space>
          </Button>
        </Dropdown>
      )}
    </Card>
  );
}
