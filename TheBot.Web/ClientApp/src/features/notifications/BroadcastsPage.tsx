import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/I18nContext';
import { PageHeading } from '../../ui/PageHeading';
import { BroadcastDetail } from './BroadcastDetail';
import { BroadcastForm } from './BroadcastForm';
import { BroadcastHistory } from './BroadcastHistory';
import { broadcastsKey } from './broadcastsApi';

/** Admins notify everyone, or everyone of one role, now or later; the history shows who got each and how. */
export function BroadcastsPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<string | null>(null);

  return (
    <section className="page">
      <PageHeading title={t('broadcasts.title')}>{t('broadcasts.title')}</PageHeading>
      <BroadcastForm
        onSent={(broadcast) => {
          void queryClient.invalidateQueries({ queryKey: broadcastsKey });
          setSelected(broadcast.id);
        }}
      />
      <BroadcastHistory selected={selected} onSelect={setSelected} />
      {selected === null ? null : <BroadcastDetail key={selected} id={selected} onClose={() => setSelected(null)} />}
    </section>
  );
}
