import { useEffect, useSyncExternalStore } from "react";
import { useAnsweringT } from "../questions/i18n.ts";
import stylesheet from "./answering.css?url";

export const answeringLinks = () => [{ rel: "stylesheet", href: stylesheet }];

/**
 * With JavaScript, the browser asks before leaving a form with answers typed but not saved.
 * A few lines on the form's own events; without JavaScript nothing changes.
 */
export function useWarnBeforeLeaving(formId: string, message: string) {
  useEffect(() => {
    // Listened for on the document: the form is re-mounted after each failed save.
    let dirty = false;
    const inForm = (event: Event) => event.target instanceof Element && !!event.target.closest(`#${formId}`);
    const changed = (event: Event) => void (inForm(event) && (dirty = true));
    const sent = (event: Event) => void (inForm(event) && (dirty = false));
    const leaving = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = message;
    };
    document.addEventListener("input", changed);
    document.addEventListener("submit", sent);
    window.addEventListener("beforeunload", leaving);
    return () => {
      document.removeEventListener("input", changed);
      document.removeEventListener("submit", sent);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [formId, message]);
}

/**
 * The deadline in the reader's own zone, when their browser is in another zone than the
 * coalition's. The server cannot know the zone; without JavaScript the coalition's (named) stays.
 */
export function InYourZone({ iso, zone }: { iso: string; zone: string }) {
  const t = useAnsweringT();
  // The server's snapshot is null (it cannot know the zone); the browser's is the local time, if another zone.
  const local = useSyncExternalStore(noSubscription, () => localTime(iso, zone), () => null);
  return local ? <span className="muted"> {t("consultations.answering.yourTime", { date: local })}</span> : null;
}

const noSubscription = () => () => undefined;

function localTime(iso: string, zone: string): string | null {
  const format = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  return format.resolvedOptions().timeZone === zone ? null : format.format(new Date(iso));
}
