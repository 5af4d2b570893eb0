import { useEffect } from "react";
import stylesheet from "./answering.css?url";

export const answeringLinks = () => [{ rel: "stylesheet", href: stylesheet }];

/**
 * With JavaScript, the browser asks before leaving a form with answers typed but not saved.
 * A few lines on the form's own events; without JavaScript nothing changes.
 */
export function useWarnBeforeLeaving(formId: string, message: string) {
  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    let dirty = false;
    const changed = () => (dirty = true);
    const sent = () => (dirty = false);
    const leaving = (event: BeforeUnloadEvent) => {
      if (!dirty) return;
      event.preventDefault();
      event.returnValue = message;
    };
    form.addEventListener("input", changed);
    form.addEventListener("submit", sent);
    window.addEventListener("beforeunload", leaving);
    return () => {
      form.removeEventListener("input", changed);
      form.removeEventListener("submit", sent);
      window.removeEventListener("beforeunload", leaving);
    };
  }, [formId, message]);
}
