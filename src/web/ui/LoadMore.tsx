import { Button, Flex, Typography } from 'antd';
import { useI18n } from '../i18n/useI18n';

interface LoadMoreProps {
  loaded: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Keyset paging: shows how many rows are loaded and fetches the next page on demand. */
export function LoadMore({ loaded, hasMore, loading, onLoadMore }: LoadMoreProps) {
  const { t } = useI18n();
  return (
    <Flex align="center" justify="center" gap={12} style={{ marginTop: 16 }} wrap>
      <Typography.Text type="secondary">{t('app.loadedCount', { n: loaded })}</Typography.Text>
      {hasMore ? (
        <Button onClick={onLoadMore} loading={loading}>
          {t('app.loadMore')}
        </Button>
      ) : loaded > 0 ? (
        <Typography.Text type="secondary">{t('app.noMore')}</Typography.Text>
      ) : null}
    </Flex>
  );
}
