import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/** A page still loading its data shows its heading a little later; wait for it this long. */
const HEADING_WAIT_MS = 10_000;

function focusHeading(heading: HTMLElement) {
  heading.tabIndex = -1;
  heading.focus();
}

/**
 * After a client-side navigation, the element that had focus is often gone (the link or button
 * that led here). Focus then moves to the new page's heading, as a full page load would reset it,
 * instead of falling back to the top of the document. When focus survived (the contract's section
 * links), it stays where the person is.
 */
export function useRouteFocus() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const main = document.getElementById('contenu');
    if (!main) return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) {
      focusHeading(heading);
      return;
    }
    main.focus();
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>('h1');
      if (!late) return;
      observer.disconnect();
      if (document.activeElement === main) focusHeading(late);
    });
    observer.observe(main, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), HEADING_WAIT_MS);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [pathname]);
}
