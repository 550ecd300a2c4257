/** Report exchange with a superior's cchc server (liên thông), on the one client. */
import type { z } from 'zod';
import type {
  ExchangeState as ExchangeStateSchema,
  IssueResult as IssueResultSchema,
} from '../../../src/modules/exchange/schema.js';
import { qs, request } from './client.js';

export type ExchangeState = z.infer<typeof ExchangeStateSchema>;
export type ExchangeDelivery = ExchangeState['deliveries'][number];
export type ExchangeConnection = ExchangeState['connections'][number];
export type IssuedToken = z.infer<typeof IssueResultSchema>;

/** Query keys of the exchange page. */
export const exchangeKeys = {
  state: (unitId: number) => ['exchange', unitId] as const,
};

export const exchangeApi = {
  state: (unitId: number) => request<ExchangeState>('GET', `/api/exchange${qs({ unitId })}`),
  connect: (unitId: number, superiorUrl: string, token: string) =>
    request<ExchangeState>('POST', '/api/exchange/link', { unitId, superiorUrl, token }),
  disconnect: (unitId: number) => request<ExchangeState>('POST', '/api/exchange/link/disconnect', { unitId }),
  send: (unitId: number, period: string) =>
    request<ExchangeState>('POST', '/api/exchange/send', { unitId, period }),
  retry: (deliveryId: number, unitId: number) =>
    request<ExchangeState>('POST', `/api/exchange/deliveries/${deliveryId}/retry`, { unitId }),
  issue: (unitId: number) => request<IssuedToken>('POST', '/api/exchange/connections', { unitId }),
  revoke: (connectionId: number, unitId: number) =>
    request<ExchangeState>('POST', `/api/exchange/connections/${connectionId}/revoke`, { unitId }),
  packageUrl: (unitId: number, period: string) => `/api/exchange/reports/${unitId}/${period}/package.json`,
};
