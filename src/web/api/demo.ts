import type { Role } from '../../core/accounts/roles';
import { ApiError } from './ApiError';
import { apiRequest } from './client';

export interface DemoAccount {
  username: string;
  role: Role;
  displayName: string;
  /** Human-readable scope, e.g. the town or unit the account is bound to. */
  scope: string | null;
}

export interface DemoInfo {
  loaded: boolean;
  accounts: DemoAccount[];
  password?: string;
}

const NO_DEMO: DemoInfo = { loaded: false, accounts: [] };

/** Whether demo data is loaded, and its accounts (the login page lists them only then). */
export async function fetchDemo(): Promise<DemoInfo> {
  try {
    const info = await apiRequest<DemoInfo>('/api/demo', { quietUnauthorized: true });
    return info.loaded ? info : NO_DEMO;
  } catch (error) {
    // A server without the demo endpoint simply has no demo.
    if (error instanceof ApiError && (error.status === 404 || error.status === 401)) return NO_DEMO;
    throw error;
  }
}
