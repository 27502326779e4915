import { AccountTeamMember, teamProblems } from './account-team';

const owner = (userId: string, splitPercent: number): AccountTeamMember => ({
  userId,
  role: 'owner',
  splitPercent,
});
const coSeller = (userId: string, splitPercent: number): AccountTeamMember => ({
  userId,
  role: 'co_seller',
  splitPercent,
});

describe(teamProblems.name, () => {
  it('accepts one owner and co-sellers whose splits total 100, and advisors without a split', () => {
    expect(
      teamProblems([
        owner('a', 60),
        coSeller('b', 40),
        { userId: 'c', role: 'technical_advisor', splitPercent: 0 },
        { userId: 'd', role: 'manager', splitPercent: 0 },
      ]),
    ).toEqual([]);
  });

  it('names the team when the revenue splits do not total 100', () => {
    expect(teamProblems([owner('a', 60), coSeller('b', 30)])).toEqual([
      { field: 'members', message: 'the revenue splits of the owner and co-sellers total 90, not 100' },
    ]);
  });

  it('refuses a split for a role that earns no revenue', () => {
    expect(
      teamProblems([owner('a', 100), { userId: 'c', role: 'technical_advisor', splitPercent: 10 }]),
    ).toEqual([expect.objectContaining({ field: 'members.1.splitPercent' })]);
  });

  it('needs exactly one owner and nobody twice', () => {
    expect(teamProblems([coSeller('a', 100)])).toEqual([
      { field: 'members', message: 'needs exactly one owner, has 0' },
    ]);
    expect(teamProblems([owner('a', 50), owner('b', 50)])).toEqual([
      { field: 'members', message: 'needs exactly one owner, has 2' },
    ]);
    expect(teamProblems([owner('a', 50), coSeller('a', 50)])).toEqual([
      { field: 'members.1.userId', message: 'lists a twice' },
    ]);
  });
});
