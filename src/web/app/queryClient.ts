import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/ApiError';

/** Client errors (4xx) are answers, not glitches: retrying them only repeats the refusal. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failureCount, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failureCount < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});
