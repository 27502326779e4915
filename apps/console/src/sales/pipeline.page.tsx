import { App, Flex, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadFailure, RefusedChange } from './problem-views';
import { CloseDialog } from './close-dialog';
import { useOwnerNames } from './owner-names';
import { useOpportunities, usePipelines, useStageChange } from './pipeline-queries';
import { StageColumn } from './stage-column';

type Closing = { id: string; outcome: 'won' | 'lost' };

/** The pipeline as a board: a column per stage of the default pipeline, drag or menu to move. */
export function PipelinePage() {
  const { t } = useTranslation('sales');
  const { message } = App.useApp();
  const pipelines = usePipelines();
  const opportunities = useOpportunities();
  const ownerName = useOwnerNames();
  const change = useStageChange();
  const [closing, setClosing] = useState<Closing | null>(null);

  if (pipelines.isError) return <ReadFailure error={pipelines.error} />;
  if (opportunities.isError) return <ReadFailure error={opportunities.error} />;
  if (pipelines.isPending || opportunities.isPending) return <Skeleton active />;
  const pipeline = pipelines.data.find((candidate) => candidate.isDefault) ?? pipelines.data[0];
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const inPipeline = opportunities.data.items.filter((o) => o.pipelineId === pipeline.id);

  const move = (id: string, stage: string, reason?: string) => {
    const from = inPipeline.find((o) => o.id === id);
    if (!from || from.stage === stage) return;
    const outcome = stages.find((s) => s.key === stage)?.outcome;
    if (outcome !== 'open' && reason === undefined) return setClosing({ id, outcome: outcome ?? 'lost' });
    change.mutate(
      { id, stage, reason },
      { onSuccess: (moved) => void message.success(t('pipeline.moved', { name: moved.name })) },
    );
  };

  return (
    <Flex vertical gap="middle">
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        {t('pipeline.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('pipeline.hint')}</Typography.Text>
      <RefusedChange error={change.error} />
      <div
        role="region"
        aria-label={t('pipeline.board')}
        tabIndex={0}
        style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}
      >
        {stages.map((stage) => (
          <StageColumn
            key={stage.key}
            stage={stage}
            stages={stages}
            opportunities={inPipeline.filter((o) => o.stage === stage.key)}
            ownerName={ownerName}
            onMove={move}
          />
        ))}
      </div>
      <CloseDialog
        outcome={closing?.outcome ?? null}
        onCancel={() => setClosing(null)}
        onClose={(reason) => {
          if (closing) move(closing.id, closing.outcome, reason);
          setClosing(null);
        }}
      />
    </Flex>
  );
}
