/** Why the user is being sent to the login page; the login page shows it once. */
export type LoginNotice = 'loggedOut' | 'loggedOutEverywhere' | 'expired';

let pending: LoginNotice | null = null;

/**
 * Set just before the session is forgotten; the auth guard then does the one redirect to /login.
 * (Navigating ourselves as well would race the guard's redirect and lose the notice.)
 */
export function setLoginNotice(notice: LoginNotice): void {
  pending = notice;
}

export function peekLoginNotice(): LoginNotice | null {
  return pending;
}

export function clearLoginNotice(): void {
  pending = null;
}
