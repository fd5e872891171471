import { UploadOutlined } from '@ant-design/icons';
import { Button, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useRt } from './text';
import type { AnyImportJob, ImportJobState } from './useImportJob';

/** Picks one .xlsx (kept in the page until the clerk validates) and shows its name. */
export function WorkbookPicker({ job }: { job: ImportJobState<AnyImportJob> }) {
  const rt = useRt();
  const handleBeforeUpload: UploadProps['beforeUpload'] = (f) => {
    job.pick(f);
    return Upload.LIST_IGNORE;
  };
  return (
    <>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        beforeUpload={handleBeforeUpload}
        showUploadList={false}
        maxCount={1}
        disabled={job.running}
      >
        <Button icon={<UploadOutlined />} disabled={job.running}>
          {rt('reg.pick')}
        </Button>
      </Upload>
      {job.file ? (
        <Typography.Text style={{ alignSelf: 'center', overflowWrap: 'anywhere' }}>
          {job.file.name}
        </Typography.Text>
      ) : null}
    </>
  );
}
