import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError, data, salesApi } from '../api/clients';
import type { NewLine, NewQuote } from './sales-types';

const linesKey = (opportunityId: string) => ['sales', 'lines', opportunityId] as const;
const quotesKey = (opportunityId: string) => ['sales', 'quotes', opportunityId] as const;
const ORDERS_KEY = ['sales', 'orders'] as const;

export type QuoteStep = 'send' | 'accept' | 'reject';

export function useCatalogModels() {
  return useQuery({
    queryKey: ['sales', 'catalog-models'],
    queryFn: () => data(salesApi.GET('/catalog/models')),
    staleTime: Infinity,
  });
}

export function useCatalogModel(id: string | undefined) {
  return useQuery({
    queryKey: ['sales', 'catalog-model', id],
    queryFn: () => data(salesApi.GET('/catalog/models/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: Boolean(id),
    staleTime: Infinity,
  });
}

export function useLines(opportunityId: string) {
  return useQuery({
    queryKey: linesKey(opportunityId),
    queryFn: () =>
      data(salesApi.GET('/opportunities/{id}/lines', { params: { path: { id: opportunityId } } })),
  });
}

export function useAddLine(opportunityId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewLine) =>
      data(salesApi.POST('/opportunities/{id}/lines', { params: { path: { id: opportunityId } }, body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: linesKey(opportunityId) }),
  });
}

export function useQuotes(opportunityId: string) {
  return useQuery({
    queryKey: quotesKey(opportunityId),
    queryFn: () => data(salesApi.GET('/quotes', { params: { query: { opportunityId, limit: 100 } } })),
  });
}

export function useIssueQuote(opportunityId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: NewQuote) => data(salesApi.POST('/quotes', { body })),
    onSuccess: () => queries.invalidateQueries({ queryKey: quotesKey(opportunityId) }),
  });
}

/** Sends, accepts or rejects a quote; accepting it and placing its order are separate steps. */
export function useQuoteStep(opportunityId: string) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: QuoteStep }) => {
      const params = { path: { id } };
      if (step === 'send') return data(salesApi.POST('/quotes/{id}/send', { params }));
      if (step === 'accept') return data(salesApi.POST('/quotes/{id}/accept', { params }));
      return data(salesApi.POST('/quotes/{id}/reject', { params }));
    },
    onSuccess: () => queries.invalidateQueries({ queryKey: quotesKey(opportunityId) }),
  });
}

export function usePlaceOrder() {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (quoteId: string) => data(salesApi.POST('/orders', { body: { quoteId } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ORDERS_KEY }),
  });
}

export function useOrders() {
  return useQuery({
    queryKey: ORDERS_KEY,
    queryFn: () => data(salesApi.GET('/orders', { params: { query: { limit: 100 } } })),
  });
}

/**
 * The quote's PDF, for pdf.js to draw, and a blob URL to download it: fetched with the session cookie (an
 * iframe's own request could not send the CSRF header and would not be typed), released when the quote
 * changes or the view goes.
 */
export function useQuotePdf(quoteId: string | undefined) {
  const [pdf, setPdf] = useState<{ blob: Blob; url: string }>();
  const [error, setError] = useState<ApiError>();
  useEffect(() => {
    if (!quoteId) return;
    let objectUrl: string | undefined;
    let current = true;
    setPdf(undefined);
    setError(undefined);
    void salesApi
      .GET('/quotes/{id}/pdf', { params: { path: { id: quoteId } }, parseAs: 'blob' })
      .then(({ data: body, response }) => {
        if (!current) return;
        if (!response.ok || !body) return setError(new ApiError(response.status, undefined));
        const blob = new Blob([body], { type: 'application/pdf' });
        objectUrl = URL.createObjectURL(blob);
        setPdf({ blob, url: objectUrl });
      });
    return () => {
      current = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [quoteId]);
  return { blob: pdf?.blob, url: pdf?.url, error };
}
