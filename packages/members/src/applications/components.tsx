import { Fragment } from "react";

export { failureOf, Feedback, formKey, type ActionResult } from "../people/components.tsx";

/**
 * Text as it was typed, read as nothing but text: blank lines make paragraphs, line breaks
 * stay (no inline style: the portal's Content-Security-Policy refuses them).
 */
export function PlainText({ text }: { text: string }) {
  return (
    <div className="plain-text">
      {text.split(/\n{2,}/).map((paragraph, i) => (
        <p key={i}>
          {paragraph.split("\n").map((line, j) => (
            <Fragment key={j}>
              {j ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </div>
  );
}
