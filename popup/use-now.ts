import { useEffect, useState } from 'preact/hooks';

/** The current time, re-rendering the caller once a second (countdowns, the code ring). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
