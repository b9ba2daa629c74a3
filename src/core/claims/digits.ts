/**
 * How many significant digits a value is written with: how much its coincidence with another
 * value says (a "$1.25 billion" twice is one amount; "$2 billion" twice may be two).
 */
/** 1,250,000,000 → 3; 7,500 → 2; 2,000,000,000 → 1; 0.35 → 2. */
export function significantDigits(value: number): number {
  const digits = Math.abs(value)
    .toPrecision(15)
    .replace(/e.*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.max(1, digits.length);
}
