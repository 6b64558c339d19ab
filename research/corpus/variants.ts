/** The corpus variants that do more work than the unchanged code, by the factor of their units. */
export const SLOWER_VARIANTS: ReadonlyArray<{ label: string; factor: number }> = [
  { label: '+3%', factor: 1.03 },
  { label: '+5%', factor: 1.05 },
  { label: '+7%', factor: 1.07 },
  { label: '+10%', factor: 1.1 },
  { label: '+20%', factor: 1.2 },
];
