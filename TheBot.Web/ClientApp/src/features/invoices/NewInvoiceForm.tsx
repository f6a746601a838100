import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useApi } from '../../services/ServicesContext';
import { parseAmount } from '../../format/money';
import { useForm } from '../../forms/useForm';
import { useI18n } from '../../i18n/I18nContext';
import { FormAlert } from '../../ui/FormAlert';
import { FormActions } from '../../ui/FormActions';
import { PersonSelectField } from '../../ui/PersonSelectField';
import { SelectField } from '../../ui/SelectField';
import { myStudentsQuery, studentEnrollmentsQuery } from '../students/studentsApi';
import { defaultDueDate } from './invoiceActions';
import { InvoiceFields } from './InvoiceFields';
import { newInvoiceRules } from './invoiceForm';
import { createInvoice, invoicesKey } from './invoicesApi';

/** Drafts an invoice to a parent of one of the tutor's students; the draft opens for review and sending. */
export function NewInvoiceForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const students = useQuery(myStudentsQuery(api, { search: '', page: 1, pageSize: 100 }));
  const form = useForm(
    { studentId: '', parentId: '', enrollmentId: '', amount: '', currency: 'RUB', description: '', dueDate: defaultDueDate() },
    newInvoiceRules,
    async (values) => {
      const created = await createInvoice(api, {
        studentId: values.studentId,
        parentId: values.parentId,
        enrollmentId: values.enrollmentId === '' ? undefined : values.enrollmentId,
        amount: parseAmount(values.amount) ?? 0,
        currency: values.currency,
        description: values.description.trim(),
        dueDate: values.dueDate,
      });
      await queryClient.invalidateQueries({ queryKey: invoicesKey });
      void navigate(`/invoices/${created.id}`);
    },
  );
  const student = students.data?.items.find((candidate) => candidate.id === form.values.studentId);
  const enrollments = useQuery({ ...studentEnrollmentsQuery(api, form.values.studentId), enabled: form.values.studentId !== '' });

  const chooseStudent = (id: string) => {
    form.setValue('studentId', id);
    const parents = students.data?.items.find((candidate) => candidate.id === id)?.parents ?? [];
    form.setValue('parentId', parents.length === 1 ? (parents[0]?.id ?? '') : '');
    form.setValue('enrollmentId', '');
  };

  return (
    <section className="panel" aria-labelledby="new-invoice-title">
      <h2 id="new-invoice-title">{t('invoices.new')}</h2>
      <form className="form" noValidate onSubmit={form.onSubmit}>
        <PersonSelectField
          {...form.field('studentId')}
          label={t('invoice.student')}
          required
          placeholder={students.isPending ? t('common.loading') : t('common.choose')}
          options={(students.data?.items ?? []).map((s) => ({ value: s.id, label: s.fullName }))}
          onChange={(event) => chooseStudent(event.target.value)}
        />
        <PersonSelectField
          {...form.field('parentId')}
          label={t('invoice.parent')}
          required
          placeholder={t('common.choose')}
          options={(student?.parents ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
        />
        <SelectField
          {...form.field('enrollmentId')}
          label={t('invoice.enrollment')}
          hint={t('invoice.enrollmentHint')}
          placeholder={t('invoice.noEnrollment')}
          options={(enrollments.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.subject.name} · ${e.teacher.fullName}` }))}
        />
        <InvoiceFields field={form.field} />
        <FormAlert message={form.formError} />
        <FormActions
          submitLabel={t('invoices.createDraft')}
          busy={form.submitting}
          busyLabel={t('common.saving')}
          dismiss={{ label: t('common.cancel'), onClick: onCancel }}
        />
      </form>
    </section>
  );
}
