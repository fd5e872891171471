import { useSyncExternalStore } from 'react';

/** Below antd's `md` breakpoint: phones, where the menu becomes a drawer and tables become cards. */
const NARROW_QUERY = '(max-width: 767.98px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function snapshot(): boolean {
  return window.matchMedia(NARROW_QUERY).matches;
}

/** True on phone-width screens; read synchronously so the first paint already has the right layout. */
export function useIsNarrow(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
