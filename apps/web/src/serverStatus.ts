/**
 * Whether the server answered the last request. False while it, or its database, cannot be reached
 * (a network failure, or HTTP 502/503/504): the layout then says so and keeps trying (see
 * layout/ConnectionBanner). Never a reason to sign anyone out.
 */
import { useSyncExternalStore } from 'react';

let reachable = true;
const listeners = new Set<() => void>();

export function setServerReachable(value: boolean): void {
  if (reachable === value) return;
  reachable = value;
  for (const listener of listeners) listener();
}

export function isServerReachable(): boolean {
  return reachable;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useServerReachable(): boolean {
  return useSyncExternalStore(subscribe, isServerReachable);
}
