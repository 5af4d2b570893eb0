import type { ReactNode } from "react";

/** Plain text kept as typed: line breaks shown, nothing interpreted as HTML or markdown. */
export function PlainText({ text }: { text: string }) {
  return <div style={{ whiteSpace: "pre-wrap" }}>{text}</div>;
}

/** The URL of an organisation's logo; the storage key's last part busts caches after a change. */
export function logoUrl(base: string, organisationId: string, logoKey: string): string {
  return `${base}/organisations/${organisationId}/logo?v=${encodeURIComponent(logoKey.split("/").at(-1) ?? "")}`;
}

export function Logo({ src, alt, size = 56 }: { src: string; alt: string; size?: number }) {
  return <img src={src} alt={alt} width={size} height={size} loading="lazy" style={{ objectFit: "contain", width: size, height: size, flex: "none", borderRadius: 4, background: "#fff" }} />;
}

/** Small labels (sectors, tags) as a list, so screen readers announce how many. */
export function Tags({ values, label }: { values: readonly string[]; label?: string }): ReactNode {
  if (!values.length) return null;
  return (
    <ul aria-label={label} style={{ listStyle: "none", padding: 0, margin: "0.25rem 0", display: "flex", flexWrap: "wrap", gap: "0.35rem" }}>
      {values.map((v) => (
        <li key={v} style={{ border: "1px solid var(--line)", borderRadius: 999, padding: "0 0.6rem", fontSize: "0.9rem", background: "var(--soft)" }}>
          {v}
        </li>
      ))}
    </ul>
  );
}
