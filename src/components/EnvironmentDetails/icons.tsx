/** Small decorative glyphs of the panel (16x16, `currentColor`); the text next to them carries the meaning. */

const svgProps = {
  viewBox: '0 0 16 16',
  width: 16,
  height: 16,
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export function CloseIcon({ className }: { className?: string }) {
  return (
    <svg {...svgProps} className={className}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

export function ChevronIcon({ className }: { className?: string }) {
  return (
    <svg {...svgProps} className={className}>
      <path d="M6 3.5 10.5 8 6 12.5" />
    </svg>
  );
}
