import { Flex, Input, Select } from 'antd';
import { useState, type ChangeEvent } from 'react';
import { ROLE_LABELS, type Role } from '../../../core/accounts/roles';
import { useI18n } from '../../i18n/useI18n';
import type { UserFilter } from './userQueries';

interface UserFiltersProps {
  value: UserFilter;
  roles: readonly Role[];
  onChange: (filter: UserFilter) => void;
}

/** Search by username or name (on Enter / the search button) and filter by role. */
export function UserFilters({ value, roles, onChange }: UserFiltersProps) {
  const { t, lt } = useI18n();
  const [text, setText] = useState(value.q);
  const handleSearch = (q: string) => onChange({ ...value, q });
  const handleText = (event: ChangeEvent<HTMLInputElement>) => {
    setText(event.target.value);
    // Clearing the box (its ✕ or deleting everything) shows everyone again without pressing Enter.
    if (event.target.value === '' && value.q !== '') onChange({ ...value, q: '' });
  };
  const handleRole = (role: Role | undefined) => onChange({ ...value, role });
  return (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        value={text}
        onChange={handleText}
        onSearch={handleSearch}
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.searchPlaceholder')}
        enterButton={t('app.search')}
        style={{ width: 300, maxWidth: '100%' }}
      />
      {roles.length > 1 ? (
        <Select<Role>
          allowClear
          value={value.role}
          onChange={handleRole}
          placeholder={t('users.allRoles')}
          aria-label={t('users.role')}
          style={{ width: 180, maxWidth: '100%' }}
          options={roles.map((r) => ({ value: r, label: lt(ROLE_LABELS[r]) }))}
        />
      ) : null}
    </Flex>
  );
}
