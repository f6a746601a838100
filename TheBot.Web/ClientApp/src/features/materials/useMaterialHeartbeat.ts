import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useApi } from '../../services/ServicesContext';
import { HEARTBEAT_SECONDS, materialsKey, recordMaterialProgress, reportMaterialTime } from './materialsApi';

/**
 * While a student has a material open: reports the opening once, then every {@link HEARTBEAT_SECONDS} seconds the time
 * spent — only while the page is visible (a hidden tab does not count). Failures are left alone: the next beat reports again.
 */
export function useMaterialHeartbeat(materialId: string, active: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const refresh = () => void queryClient.invalidateQueries({ queryKey: materialsKey });
    recordMaterialProgress(api, materialId, false).then(refresh, () => undefined);
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        reportMaterialTime(api, materialId, HEARTBEAT_SECONDS).then(refresh, () => undefined);
      }
    }, HEARTBEAT_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [api, queryClient, materialId, active]);
}
