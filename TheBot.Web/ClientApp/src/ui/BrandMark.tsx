/** TheBot's mark (the app icon's drawing): decoration beside the name. */
export function BrandMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" className="brand__mark-tile" />
      <path d="M8 11h16v3h-6.5v10h-3V14H8z" className="brand__mark-glyph" />
    </svg>
  );
}
