import { useCallback, useEffect, useRef, useState } from "react";
import { problemMessageOf } from "../components/form-problem.js";

export type Resource<T> = {
  data: T | null;
  error: string | null;
  /** Fetches again, keeping the current data on screen meanwhile. */
  reload: () => void;
  /** Applies a change the server has already confirmed, without a round trip. */
  update: (change: (current: T) => T) => void;
};

/** Loads what `load` returns, again whenever `key` changes; the older of two answers never wins. */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const latestLoad = useRef(load);
  latestLoad.current = load;

  useEffect(() => {
    const controller = new AbortController();
    latestLoad.current(controller.signal).then(
      (next) => {
        setData(next);
        setError(null);
      },
      (failure: unknown) => controller.signal.aborted || setError(problemMessageOf(failure)),
    );
    return () => controller.abort();
  }, [key, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  const update = useCallback((change: (current: T) => T) => setData((current) => (current === null ? current : change(current))), []);
  return { data, error, reload, update };
}
