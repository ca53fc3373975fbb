import { useEffect, useState } from 'react';

/** `value`, once it has stopped changing for `ms` milliseconds (e.g. a search as the user types). */
export function useDebounced<T>(value: T, ms = 250): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
