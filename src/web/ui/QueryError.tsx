import { Alert, Button } from 'antd';
import { errorMessage } from '../api/ApiError';
import { useI18n } from '../i18n/useI18n';

/** A failed load, with the server's message in the interface language and a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      title={t('app.loadFailed')}
      description={errorMessage(error, lang)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
