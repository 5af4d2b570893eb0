/** One bar: its label, its length (0–1 of the widest possible) and the figure written after it. */
export interface Bar {
  label: string;
  share: number;
  figure: string;
}

const WIDTH = 640;
const LABEL_WIDTH = 220;
const FIGURE_WIDTH = 110;
const ROW = 30;
const BAR = 18;
// At 14 px, about 26 characters fit in LABEL_WIDTH; longer labels ran off the left edge (the full label is in the title and the table).
const LABEL_MAX = 24;

const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/**
 * A horizontal bar chart drawn on the server as inline SVG: no script, no library, a few
 * hundred bytes. Screen readers get it as one image whose title summarises every bar; the
 * page puts the same numbers in a table beside it. Scales with the page width (viewBox).
 */
export function BarChart({ id, summary, bars }: { id: string; summary: string; bars: readonly Bar[] }) {
  const height = Math.max(1, bars.length) * ROW + 4;
  const barSpace = WIDTH - LABEL_WIDTH - FIGURE_WIDTH;
  return (
    <svg className="results-chart" role="img" aria-labelledby={`${id}-title`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{summary}</title>
      {bars.map((bar, i) => {
        const y = i * ROW + 2;
        const length = Math.max(0, Math.min(1, bar.share)) * barSpace;
        return (
          <g key={i}>
            <text x={LABEL_WIDTH - 8} y={y + BAR - 4} textAnchor="end" fontSize="14" fill="currentColor">
              {clip(bar.label)}
            </text>
            <rect x={LABEL_WIDTH} y={y} width={barSpace} height={BAR} fill="currentColor" opacity="0.08" />
            <rect className="results-chart__bar" x={LABEL_WIDTH} y={y} width={length} height={BAR} fill="#0b5c4a" />
            <text x={LABEL_WIDTH + length + 6} y={y + BAR - 4} fontSize="14" fill="currentColor">
              {bar.figure}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
