import { useSyncExternalStore } from "react";

// One interval for the whole page however many countdowns are on screen; it stops when the last one unmounts.
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(onTick: () => void): () => void {
  listeners.add(onTick);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const listener of listeners) listener();
    }, 1000);
  }
  return () => {
    listeners.delete(onTick);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time in epoch ms, re-rendering every second (for live countdowns). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
