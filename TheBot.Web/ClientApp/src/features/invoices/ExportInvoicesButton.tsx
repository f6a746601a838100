import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../services/ServicesContext';
import { useI18n } from '../../i18n/I18nContext';
import { describeError } from '../../ui/describeError';
import { FormAlert } from '../../ui/FormAlert';
import { saveFile } from '../../ui/saveFile';
import { exportInvoices } from './invoicesApi';

/** Downloads the invoices as an Excel workbook (the request carries the bearer token, so it is fetched, then saved). */
export function ExportInvoicesButton() {
  const { t } = useI18n();
  const api = useApi();
  const download = useMutation({
    mutationFn: () => exportInvoices(api),
    onSuccess: (file) => saveFile(file.blob, file.fileName ?? 'invoices.xlsx'),
  });
  return (
    <div>
      <button type="button" className="button button--secondary" disabled={download.isPending} onClick={() => download.mutate()}>
        {download.isPending ? t('invoices.exporting') : t('invoices.export')}
      </button>
      <FormAlert message={download.isError ? describeError(download.error, t) : null} />
    </div>
  );
}
