import type { ReactNode } from "react";
import stylesheet from "./directory.css?url";

/** The directory pages' stylesheet, for each route's `links`. */
export const directoryLinks = () => [{ rel: "stylesheet", href: stylesheet }];

/** Plain text kept as typed: line breaks shown, nothing interpreted as HTML or markdown. */
export function PlainText({ text }: { text: string }) {
  return <div className="dir-plain">{text}</div>;
}

/** The URL of an organisation's logo; the storage key's last part busts caches after a change. */
export function logoUrl(base: string, organisationId: string, logoKey: string): string {
  return `${base}/organisations/${organisationId}/logo?v=${encodeURIComponent(logoKey.split("/").at(-1) ?? "")}`;
}

export function Logo({ src, alt, size = 56 }: { src: string; alt: string; size?: number }) {
  return <img className="dir-logo" src={src} alt={alt} width={size} height={size} loading="lazy" />;
}

/** Small labels (sectors, tags) as a list, so screen readers announce how many. */
export function Tags({ values, label }: { values: readonly string[]; label?: string }): ReactNode {
  if (!values.length) return null;
  return (
    <ul aria-label={label} className="dir-tags">
      {values.map((v) => (
        <li key={v}>{v}</li>
      ))}
    </ul>
  );
}
