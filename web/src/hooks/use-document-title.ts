import { useEffect } from "react";

/** Sets the tab title, so history and tabs say which lead or list they hold. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Closeloop` : "Closeloop";
  }, [title]);
}
