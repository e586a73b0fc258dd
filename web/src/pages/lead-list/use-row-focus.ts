import { type RefObject, useEffect, useRef } from "react";

function leadLinks(table: HTMLTableElement | null): HTMLAnchorElement[] {
  return table ? [...table.querySelectorAll<HTMLAnchorElement>("a[data-lead-id]")] : [];
}

/** Moves the focus `step` rows down (or up) from the focused lead link; the first j lands on the first row. */
export function moveRowFocus(table: HTMLTableElement | null, step: 1 | -1): void {
  const links = leadLinks(table);
  if (links.length === 0) return;
  const current = links.indexOf(document.activeElement as HTMLAnchorElement);
  const next = current === -1 ? 0 : Math.min(links.length - 1, Math.max(0, current + step));
  links[next]?.focus();
  links[next]?.closest("tr")?.scrollIntoView({ block: "nearest" });
}

/** Back from a lead, puts the focus on that lead's row again so j/k continue from where the user was. */
export function useRestoreRowFocus(tableRef: RefObject<HTMLTableElement | null>, leadId: string | undefined, isLoaded: boolean): void {
  // Once per return: a later "Load more" must not pull the focus back to this row.
  const restoredId = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!isLoaded || leadId === undefined || restoredId.current === leadId) return;
    restoredId.current = leadId;
    const link = leadLinks(tableRef.current).find((candidate) => candidate.dataset.leadId === leadId);
    link?.focus();
    link?.closest("tr")?.scrollIntoView({ block: "nearest" });
  }, [tableRef, leadId, isLoaded]);
}
