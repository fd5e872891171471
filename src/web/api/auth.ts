import type { LoginRequest, Me } from '../../core/accounts/accounts.schemas';
import { ApiError } from './ApiError';
import { apiRequest, setCsrfToken } from './client';

/** The signed-in user, or null when there is no session. Keeps the CSRF token for later mutations. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await apiRequest<Me>('/api/me', { quietUnauthorized: true });
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function login(input: LoginRequest): Promise<Me> {
  const me = await apiRequest<Me>('/api/auth/login', {
    method: 'POST',
    body: input,
    quietUnauthorized: true,
  });
  setCsrfToken(me.csrfToken);
  return me;
}

export async function logout(): Promise<void> {
  await apiRequest<{ ok: true }>('/api/auth/logout', { method: 'POST', quietUnauthorized: true });
  setCsrfToken(null);
}

export async function logoutEverywhere(): Promise<{ ended: number }> {
  const result = await apiRequest<{ ended: number }>('/api/auth/logout-all', {
    method: 'POST',
    quietUnauthorized: true,
  });
  setCsrfToken(null);
  return result;
}

export function changePassword(input: {
  currentPassword: string;
  newPassword: string;
}): Promise<{ ok: true }> {
  return apiRequest('/api/auth/password', { method: 'POST', body: input });
}
