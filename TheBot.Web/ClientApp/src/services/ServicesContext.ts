import { createContext, useContext } from 'react';
import type { ApiClient } from '../api/ApiClient';
import type { Services } from './services';

export const ServicesContext = createContext<Services | null>(null);

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (services === null) {
    throw new Error('useServices must be used inside <ServicesContext.Provider>.');
  }
  return services;
}

/** The typed API client, for queries and mutations. */
export function useApi(): ApiClient {
  return useServices().api;
}
