import { UploadOutlined } from '@ant-design/icons';
import { Button, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useRt } from './text';

/** Picks one .xlsx (kept in the page, sent only when the clerk validates) and shows its name. */
export function WorkbookPicker({
  file,
  disabled,
  onPick,
}: {
  file: File | null;
  disabled: boolean;
  onPick: (file: File) => void;
}) {
  const rt = useRt();
  const handleBeforeUpload: UploadProps['beforeUpload'] = (f) => {
    onPick(f);
    return Upload.LIST_IGNORE;
  };
  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        beforeUpload={handleBeforeUpload}
        showUploadList={false}
        maxCount={1}
        disabled={disabled}
      >
        <Button icon={<UploadOutlined />} disabled={disabled}>
          {rt('reg.pick')}
        </Button>
      </Upload>
      {file ? (
        <Typography.Text style={{ alignSelf: 'center', overflowWrap: 'anywhere' }}>
          {file.name}
        </Typography.Text>
      ) : null}
    </>
  );
}
