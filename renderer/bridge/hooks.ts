/**
 * Bridge data in screens through TanStack Query: one cache, loading and error states, and a refetch
 * whenever the engine says the working copy changed (a pull, a local action) or sync status moves.
 */
import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import type {
  BridgeCallName,
  BridgeEventName,
  CallInput,
  CallOutput,
  EventPayload,
} from '../../shared/bridge';
import { bridge } from './client';

/** Query keys start with the call name, so `invalidate(name)` reaches every input of it. */
export function useBridgeQuery<N extends BridgeCallName>(
  name: N,
  input: CallInput<N>,
  options: Omit<UseQueryOptions<CallOutput<N>>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<CallOutput<N>>({
    queryKey: [name, input],
    queryFn: () => bridge.call(name, input),
    ...options,
  });
}

/** A call that changes something; on success every query is refetched (the working copy moved). */
export function useBridgeMutation<N extends BridgeCallName>(name: N) {
  const qc = useQueryClient();
  return useMutation<CallOutput<N>, Error, CallInput<N>>({
    mutationFn: (input) => bridge.call(name, input),
    onSuccess: () => void qc.invalidateQueries(),
  });
}

export function useBridgeEvent<E extends BridgeEventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  useEffect(() => bridge.on(event, listener), [event, listener]);
}

/** The latest payload of an event, starting from `initial`. */
export function useBridgeEventValue<E extends BridgeEventName>(
  event: E,
  initial: EventPayload<E> | null,
): EventPayload<E> | null {
  const [value, setValue] = useState<EventPayload<E> | null>(initial);
  useEffect(() => setValue(initial), [initial]);
  useEffect(() => bridge.on(event, setValue), [event]);
  return value;
}
