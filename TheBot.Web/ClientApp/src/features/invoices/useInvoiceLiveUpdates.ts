import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent, useRealtimeReconnected } from '../../realtime/useRealtimeEvent';
import { invoicesKey, type InvoiceChangedEvent } from './invoicesApi';

/**
 * Keeps every invoice on screen current: the API sends `invoiceChanged` to the tutor and the parent
 * whenever an invoice moves, and after a reconnect the lists are fetched again for what was missed.
 */
export function useInvoiceLiveUpdates(onChange?: (event: InvoiceChangedEvent) => void): void {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: invoicesKey });
  useRealtimeEvent<InvoiceChangedEvent>('invoiceChanged', (event) => {
    refresh();
    onChange?.(event);
  });
  useRealtimeReconnected(refresh);
}
