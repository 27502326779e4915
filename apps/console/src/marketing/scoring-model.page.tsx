import { Button, Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/clients';
import { type ChartOption, EChart } from './echart';
import {
  type Objective,
  OBJECTIVES,
  type PropensityModel,
  usePropensityModel,
  useTrainModel,
} from './marketing-queries';
import { ProblemAlert } from './problem-alert';

type Feature = PropensityModel['topFeatures'][number];

/** The response propensity model of an objective: how good it is and the features that move a score most. */
export function ScoringModelPage() {
  const { t } = useTranslation('marketing');
  const [objective, setObjective] = useState<Objective>('service-reminder');
  const model = usePropensityModel(objective);
  const train = useTrainModel(objective);
  const notTrained = model.error instanceof ApiError && model.error.status === 404;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('model.title')}
        </Typography.Title>
        <Space>
          <Select<Objective>
            aria-label={t('model.objective')}
            style={{ width: 180 }}
            value={objective}
            options={OBJECTIVES.map((value) => ({ value, label: t(`wizard.objectives.${value}`) }))}
            onChange={setObjective}
          />
          <Button loading={train.isPending} onClick={() => train.mutate()}>
            {t('model.train')}
          </Button>
        </Space>
      </Space>
      <ProblemAlert error={train.error ?? (notTrained ? null : model.error)} />
      {notTrained && (
        <Card>
          <Empty description={t('model.notTrained')} />
        </Card>
      )}
      {model.data && <ModelCard model={model.data} />}
    </Space>
  );
}

function ModelCard({ model }: { model: PropensityModel }) {
  const { t } = useTranslation('marketing');
  // Largest weight on top: the chart draws its categories bottom-up.
  const features = [...model.topFeatures].reverse();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: features.map((feature) => feature.name) },
      series: [
        {
          type: 'bar',
          data: features.map((feature) => ({
            value: feature.contribution,
            itemStyle: { color: feature.direction === 'raises' ? '#1456c8' : '#c41d1d' },
          })),
        },
      ],
    }),
    [model],
  );
  return (
    <>
      <Card>
        <Row gutter={16}>
          <Col xs={12} md={6}>
            <Statistic title={t('model.auc')} value={model.auc} precision={2} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('model.version')} value={model.version} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('model.samples')} value={model.trainCount} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('model.positives')} value={model.positives} />
          </Col>
        </Row>
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('model.topFeatures')}</h2>}>
        <EChart option={option} label={t('model.topFeatures')} height={Math.max(200, features.length * 32)} />
        <Table<Feature>
          size="small"
          rowKey="feature"
          pagination={false}
          dataSource={model.topFeatures}
          columns={[
            { title: t('model.feature'), dataIndex: 'name' },
            {
              title: t('model.contribution'),
              render: (_, feature) => feature.contribution.toFixed(2),
              align: 'right',
            },
            {
              title: t('model.direction'),
              render: (_, feature) => (
                <Tag color={feature.direction === 'raises' ? 'blue' : 'red'}>
                  {t(`model.directions.${feature.direction}`)}
                </Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
