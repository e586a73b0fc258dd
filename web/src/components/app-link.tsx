import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { type HistoryState, navigate } from "../app/location.js";

type AppLinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; state?: HistoryState; onNavigate?: () => void };

/** A real link (middle-click and copy work) that navigates inside the app on a plain click. */
export function AppLink({ href, state, onNavigate, onClick, ...rest }: AppLinkProps) {
  function handleClick(event: MouseEvent<HTMLAnchorElement>) {
    onClick?.(event);
    const isModified = event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || event.button !== 0;
    if (event.defaultPrevented || isModified) return;
    event.preventDefault();
    onNavigate?.();
    navigate(href, { state });
  }
  return <a href={href} onClick={handleClick} {...rest} />;
}
