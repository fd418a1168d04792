import { useLayoutEffect, useRef, useState } from 'react';

/**
 * For a list virtualised against the window (`useWindowVirtualizer`'s `scrollMargin`): where the
 * element behind `ref` starts on the page, re-measured when the page's layout changes (banners
 * above it come and go).
 */
export function useScrollMargin<T extends Element>() {
  const ref = useRef<T>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const measure = () => {
      const top = (ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY;
      setOffset((prev) => (Math.abs(prev - top) > 1 ? top : prev));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);
  return { ref, offset };
}
