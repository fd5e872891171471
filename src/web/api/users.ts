import type { User, UserCreate, UserUpdate } from '../../core/accounts/accounts.schemas';
import type { Role } from '../../core/accounts/roles';
import { apiRequest } from './client';

export interface UserListQuery {
  q?: string;
  role?: Role;
  after?: number;
  limit?: number;
}

export interface UserPage {
  items: User[];
  nextAfter: number | null;
}

export function listUsers(query: UserListQuery, signal?: AbortSignal): Promise<UserPage> {
  return apiRequest('/api/users', { query: { ...query }, signal });
}

export function getUser(id: number): Promise<User> {
  return apiRequest(`/api/users/${id}`);
}

export function createUser(input: UserCreate): Promise<User> {
  return apiRequest('/api/users', { method: 'POST', body: input });
}

export function updateUser(id: number, input: UserUpdate): Promise<User> {
  return apiRequest(`/api/users/${id}`, { method: 'PATCH', body: input });
}

export function resetUserPassword(id: number, password: string): Promise<{ ok: true }> {
  return apiRequest(`/api/users/${id}/password`, { method: 'POST', body: { password } });
}

export function unlockUser(id: number): Promise<User> {
  return apiRequest(`/api/users/${id}/unlock`, { method: 'POST' });
}
