import { useSession } from '../api/session';
import { useSalesTeam } from './manager-queries';

/** Names of the people in the caller's sales tree; a dealer's salespeople are not in it and see none. */
export function useOwnerNames(): (userId: string) => string {
  const session = useSession();
  const inTree = Boolean(
    session.data?.roles.some((role) => role === 'sales_rep' || role === 'sales_manager'),
  );
  const team = useSalesTeam(inTree);
  return (userId) =>
    team.data?.members.find((member) => member.userId === userId)?.name ??
    (team.data?.me?.userId === userId ? team.data.me.name : '');
}
