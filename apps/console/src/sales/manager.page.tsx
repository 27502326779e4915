import { Col, Flex, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ForecastCard } from './forecast-card';
import { MonthPicker } from './month-picker';
import { QuotaProgressCard } from './quota-progress-card';
import { currentMonth } from './sales-format';
import { TeamCard } from './team-card';

/** A manager's view of everyone below them: quota progress, the forecast they adjust, guidance. */
export function ManagerPage() {
  const { t } = useTranslation('sales');
  const [month, setMonth] = useState(currentMonth);
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          {t('manager.title')}
        </Typography.Title>
        <MonthPicker value={month} onChange={setMonth} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={12}>
          <QuotaProgressCard month={month} />
        </Col>
        <Col xs={24} xxl={12}>
          <TeamCard />
        </Col>
      </Row>
      <ForecastCard month={month} />
    </Flex>
  );
}
