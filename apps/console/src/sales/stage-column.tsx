import { Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DRAG_TYPE, OpportunityCard } from './opportunity-card';
import { formatMoney } from './sales-format';
import type { Opportunity, Stage } from './sales-types';
import { stageLabel } from './stage-label';

/** A stage's column: its opportunities, their total, and a drop target for cards from other columns. */
export function StageColumn({
  stage,
  stages,
  opportunities,
  ownerName,
  onMove,
}: {
  stage: Stage;
  stages: Stage[];
  opportunities: Opportunity[];
  ownerName: (userId: string) => string;
  onMove: (id: string, stage: string) => void;
}) {
  const { t, i18n } = useTranslation('sales');
  const [over, setOver] = useState(false);
  const total = opportunities.reduce((sum, o) => sum + (o.amount?.amount ?? 0), 0);
  return (
    <section
      aria-label={stageLabel(t, stage)}
      data-testid={`stage-${stage.key}`}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        onMove(event.dataTransfer.getData(DRAG_TYPE), stage.key);
      }}
      style={{
        flex: '1 0 180px',
        background: over ? '#e6efff' : '#f0f2f5',
        outline: over ? '2px dashed #1456c8' : 'none',
        borderRadius: 8,
        padding: 8,
        minHeight: 320,
      }}
    >
      <Typography.Title level={2} style={{ fontSize: 14, margin: '0 0 4px' }}>
        {stageLabel(t, stage)} · {opportunities.length}
      </Typography.Title>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('pipeline.probability', { probability: stage.probability })} · {formatMoney(total, i18n.language)}
      </Typography.Text>
      <Flex vertical gap={8} style={{ marginTop: 8 }}>
        {opportunities.map((opportunity) => (
          <OpportunityCard
            key={opportunity.id}
            opportunity={opportunity}
            stages={stages}
            ownerName={ownerName(opportunity.ownerId)}
            onMove={(target) => onMove(opportunity.id, target)}
          />
        ))}
      </Flex>
    </section>
  );
}
