import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface PageHeaderProps {
  title: ReactNode;
  /** Small things beside the title (a read-only tag, a count). */
  tags?: ReactNode;
  /** Buttons on the right; they wrap below the title on a phone. */
  extra?: ReactNode;
  description?: ReactNode;
}

export function PageHeader({ title, tags, extra, description }: PageHeaderProps) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex wrap align="center" justify="space-between" gap={8}>
        <Flex align="center" gap={8} wrap>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {tags}
        </Flex>
        {extra ? (
          <Flex gap={8} wrap>
            {extra}
          </Flex>
        ) : null}
      </Flex>
      {description ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {description}
        </Typography.Paragraph>
      ) : null}
    </div>
  );
}
