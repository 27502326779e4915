import { Role, Roles } from '@crm/contracts';
import { SALES_ROLES } from '../sales.constants';

/** Reps, managers and dealers read the catalog. */
export const CATALOG_READER_ROLES: Role[] = SALES_ROLES;
/** No sales-admin role exists: only admins change the catalog and its prices. */
export const CATALOG_EDITOR_ROLES: Role[] = [Roles.admin];
