import { FieldError } from '@crm/core';

export const ACCOUNT_TEAM_ROLES = ['owner', 'co_seller', 'technical_advisor', 'manager'] as const;
export type AccountTeamRole = (typeof ACCOUNT_TEAM_ROLES)[number];

/** The roles that earn a share of the account's revenue; their splits total 100. */
export const REVENUE_ROLES: readonly AccountTeamRole[] = ['owner', 'co_seller'];

/** A rep on a customer account's team, with their role and share of its revenue. */
export interface AccountTeamMember {
  userId: string;
  role: AccountTeamRole;
  splitPercent: number;
}

export interface AccountTeam {
  customerId: string;
  members: AccountTeamMember[];
  updatedBy: string | null;
  updatedAt: string | null;
}

/**
 * Why a proposed team is not a valid one, field by field: one owner, nobody twice, a split only for revenue roles
 * and revenue splits that total exactly 100.
 */
export function teamProblems(members: AccountTeamMember[]): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  members.forEach((member, i) => {
    if (seen.has(member.userId))
      problems.push({ field: `members.${i}.userId`, message: `lists ${member.userId} twice` });
    seen.add(member.userId);
    if (!REVENUE_ROLES.includes(member.role) && member.splitPercent !== 0)
      problems.push({
        field: `members.${i}.splitPercent`,
        message: 'only an owner or a co-seller takes a revenue split; give 0',
      });
  });
  const owners = members.filter((m) => m.role === 'owner').length;
  if (owners !== 1) problems.push({ field: 'members', message: `needs exactly one owner, has ${owners}` });
  const revenueTotal = members
    .filter((m) => REVENUE_ROLES.includes(m.role))
    .reduce((sum, m) => sum + m.splitPercent, 0);
  if (revenueTotal !== 100)
    problems.push({
      field: 'members',
      message: `the revenue splits of the owner and co-sellers total ${revenueTotal}, not 100`,
    });
  return problems;
}
