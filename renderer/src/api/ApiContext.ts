import { createContext, useContext } from 'react';
import type { ApiClient } from '../../../src/core/api/client';

export const ApiContext = createContext<ApiClient | null>(null);

/** The API client of this window. */
export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() outside <ApiContext.Provider>');
  return api;
}
