/** Small numeric helpers shared by the evidence functions. */

export const clip = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/** Log-odds to probability. */
export const logistic = (x: number) => 1 / (1 + Math.exp(-x));
