export { failureOf, Feedback, formKey, type ActionResult } from "../people/components.tsx";

/** Text as it was typed: line breaks kept, nothing read as markup. */
export function PlainText({ text }: { text: string }) {
  return <div className="plain-text" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{text}</div>;
}
