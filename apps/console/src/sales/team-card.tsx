import { Card, List, Skeleton, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSalesTeam } from './manager-queries';
import { useOpportunities } from './pipeline-queries';
import { ReadFailure } from './problem-views';
import { formatMoney } from './sales-format';
import type { Opportunity, TeamMember } from './sales-types';

/** Everyone below the manager; each one's open opportunities lead to their guidance threads. */
export function TeamCard() {
  const { t, i18n } = useTranslation('sales');
  const team = useSalesTeam();
  const opportunities = useOpportunities();
  const title = <h2 style={{ fontSize: 16, margin: 0 }}>{t('manager.teamTitle')}</h2>;
  if (team.isError) return <ReadFailure error={team.error} />;
  if (team.isPending)
    return (
      <Card title={title}>
        <Skeleton active />
      </Card>
    );
  const people = [...(team.data.me ? [team.data.me] : []), ...team.data.members];
  const nameOf = (userId: string | null) => people.find((person) => person.userId === userId)?.name ?? '';
  const openOf = (userId: string): Opportunity[] =>
    (opportunities.data?.items ?? []).filter((o) => o.ownerId === userId && o.closedAt === null);
  return (
    <Card title={title}>
      <Table<TeamMember>
        data-testid="team"
        rowKey="userId"
        size="small"
        pagination={false}
        dataSource={team.data.members}
        expandable={{
          rowExpandable: (member) => openOf(member.userId).length > 0,
          expandedRowRender: (member) => (
            <List
              size="small"
              dataSource={openOf(member.userId)}
              renderItem={(o) => (
                <List.Item>
                  <Link to={`/sales/opportunities/${o.id}`}>{o.name}</Link>
                  {formatMoney(o.amount, i18n.language)}
                </List.Item>
              )}
            />
          ),
        }}
        columns={[
          { title: t('manager.person'), dataIndex: 'name' },
          { title: t('manager.reportsTo'), render: (_, member) => nameOf(member.managerId) },
          { title: t('manager.directReports'), dataIndex: 'directReports' },
          { title: t('manager.openOpportunities'), render: (_, member) => openOf(member.userId).length },
        ]}
      />
    </Card>
  );
}
