/**
 * Physical laws of sheet resistance versus temperature used by the synthetic
 * generator. Every function takes T in kelvin and returns a resistance in ohm
 * (per square), a conductance in siemens, or a dimensionless fraction, as
 * stated. Pure scalar functions: no allocation, no randomness.
 */

/** Elementary charge squared over ħ, e²/ħ, in siemens. */
export const E2_OVER_HBAR = 2.434134807e-4;
/** Aslamazov–Larkin 2D prefactor e²/(16ħ), in siemens (≈ 1.52×10⁻⁵ S). */
export const AL_PREFACTOR = E2_OVER_HBAR / 16;
/** Weak-localization unit e²/(π²ħ), in siemens (≈ 2.47×10⁻⁵ S). */
export const WL_UNIT = E2_OVER_HBAR / (Math.PI * Math.PI);
/** Resistance quantum for pairs h/(4e²), in ohm (≈ 6.45 kΩ). */
export const R_Q_PAIRS = 6453.2;

/**
 * Complementary error function erfc(x), relative error < 1.2×10⁻⁷ everywhere
 * (Chebyshev fit, Numerical Recipes §6.2).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

// ---------------------------------------------------------------------------
// Normal-state backgrounds R_N(T)
// ---------------------------------------------------------------------------

/**
 * Weak-localization / electron–electron correction to a 2D Drude conductance
 * (seed 003, Eq. 1):  G(T) = G0 + A·ln(T/T0),  R = 1/G.
 * G0, A in siemens, T0 in kelvin. Valid only where G > 0 (callers check).
 */
export function weakLocalizationR(T: number, G0: number, A: number, T0: number): number {
  return 1 / (G0 + A * Math.log(T / T0));
}

/**
 * Weak-localization correction with a low-temperature cutoff (saturating
 * dephasing length):  G(T) = G0 + A·ln(1 + T/T0),  R = 1/G.
 * Above T0 it follows the logarithm of `weakLocalizationR`; below T0 it goes
 * flat at R = 1/G0. G0, A in siemens, T0 in kelvin.
 */
export function weakLocalizationSaturatingR(T: number, G0: number, A: number, T0: number): number {
  return 1 / (G0 + A * Math.log1p(T / T0));
}

/** Mild power law R(T) = R·(T/Tref)^(−α); α > 0 is weakly insulating. */
export function powerLawR(T: number, R: number, Tref: number, alpha: number): number {
  return R * Math.pow(T / Tref, -alpha);
}

// ---------------------------------------------------------------------------
// Superconducting transitions: the fraction f(T) = R/R_N in [0, 1]
// ---------------------------------------------------------------------------

/**
 * Halperin–Nelson interpolation with an Aslamazov–Larkin tail.
 *   f(T) = 1 / (1 + c·sinh²(√(b·(Tc0 − Tbkt)/(T − Tbkt))))   for T > Tbkt,
 *   f(T) = 0                                                  for T ≤ Tbkt.
 * Far above Tc0, c·sinh² ≈ c·b·(Tc0 − Tbkt)/(T − Tbkt): the 2D AL
 * paraconductivity G_AL = (e²/16ħ)·Tc0/(T − Tc0) relative to G_N when
 * c = (e²/16ħ)·R_N·Tc0 / (b·(Tc0 − Tbkt)) (see `hnAlCoefficient`).
 * Close to Tbkt, sinh² ∝ exp(2√(b'/(T − Tbkt))), the BKT essential singularity
 * of the vortex correlation length; R vanishes exactly below Tbkt.
 */
export function halperinNelsonFraction(T: number, Tc0: number, Tbkt: number, b: number, c: number): number {
  if (T <= Tbkt) return 0;
  const arg = Math.sqrt((b * (Tc0 - Tbkt)) / (T - Tbkt));
  if (arg > 350) return 0; // sinh² overflows; the fraction is below 1e-300
  const s = Math.sinh(arg);
  return 1 / (1 + c * s * s);
}

/** AL-matched Halperin–Nelson coefficient c (dimensionless), R_N in ohm, T in kelvin. */
export function hnAlCoefficient(RN: number, Tc0: number, Tbkt: number, b: number): number {
  return (AL_PREFACTOR * RN * Tc0) / (b * (Tc0 - Tbkt));
}

/**
 * Beasley–Mooij–Orlando estimate of the BKT temperature of a 2D film:
 *   Tbkt = Tc0 / (1 + 0.173·R_N/(h/4e²)).
 */
export function bmoTbkt(Tc0: number, RN: number): number {
  return Tc0 / (1 + (0.173 * RN) / R_Q_PAIRS);
}

/**
 * Inhomogeneous (percolative) transition: local critical temperatures
 * distributed log-normally around Tm with log-width s:
 *   f(T) = ½·erfc(−ln(T/Tm)/(s·√2)).
 * Falls faster than any power below Tm (f < 10⁻¹⁶ at T = Tm·e^(−8s)).
 */
export function lognormalFraction(T: number, Tm: number, s: number): number {
  return 0.5 * erfc(-Math.log(T / Tm) / (s * Math.SQRT2));
}

/**
 * Thermally activated flux flow (TAFF) in parallel with the normal channel:
 *   R_tr = R_N·ρ0·e^(−Ea/T) / (R_N + ρ0·e^(−Ea/T)),
 * returned as the fraction R_tr/R_N. At low T, R_tr ≈ ρ0·e^(−Ea/T)
 * (the activated term of seed 001, Eq. 2). ρ0, R_N in ohm; Ea in kelvin.
 */
export function taffFraction(T: number, RN: number, Ea: number, rho0: number): number {
  const x = rho0 * Math.exp(-Ea / T);
  return x / (RN + x);
}

// ---------------------------------------------------------------------------
// Anomalous metals (seed 001)
// ---------------------------------------------------------------------------

/** Failed superconductor, seed 001 Eq. 2: ρ = ρ_QF + ρ0·exp(−E_aS/T). ρ in ohm, E_aS in kelvin. */
export function failedSuperconductor(T: number, rhoQF: number, rho0: number, EaS: number): number {
  return rhoQF + rho0 * Math.exp(-EaS / T);
}

/** Failed insulator, seed 001 Eq. 1: ρ = 1/(σ_QF + σ0·exp(−E_aI/T)). σ in siemens, E_aI in kelvin. */
export function failedInsulator(T: number, sigmaQF: number, sigma0: number, EaI: number): number {
  return 1 / (sigmaQF + sigma0 * Math.exp(-EaI / T));
}

// ---------------------------------------------------------------------------
// Insulators
// ---------------------------------------------------------------------------

/** Simple activation (Bose insulator, I1): R = R0·exp(T0/T). */
export function arrhenius(T: number, R0: number, T0: number): number {
  return R0 * Math.exp(T0 / T);
}

/** Efros–Shklovskii variable-range hopping (I2): R = R0·exp((T0/T)^(1/2)). */
export function efrosShklovskii(T: number, R0: number, T0: number): number {
  return R0 * Math.exp(Math.sqrt(T0 / T));
}

/** 2D Mott variable-range hopping (I2): R = R0·exp((T0/T)^(1/3)). */
export function mott2d(T: number, R0: number, T0: number): number {
  return R0 * Math.exp(Math.cbrt(T0 / T));
}

/** Hopping with a free exponent: R = R0·exp((T0/T)^p). */
export function hopping(T: number, R0: number, T0: number, p: number): number {
  return R0 * Math.exp(Math.pow(T0 / T, p));
}

/**
 * Reduced activation energy of a hopping law (Zabrodskii–Zinov'eva):
 *   w(T) = −d ln R / d ln T = p·(T0/T)^p,
 * so ln w = ln p + p·ln T0 − p·ln T.
 */
export function hoppingLogDerivative(T: number, T0: number, p: number): number {
  return p * Math.pow(T0 / T, p);
}

/**
 * Electron temperature of a film heated by unfiltered radiation or noise:
 *   T_e = (T^n + T_sat^n)^(1/n).
 * Follows the bath T above T_sat and saturates at T_sat below it (n ≈ 2–5,
 * the exponent of the electron–phonon cooling power).
 */
export function electronTemperature(T: number, Tsat: number, n: number): number {
  return Math.pow(Math.pow(T, n) + Math.pow(Tsat, n), 1 / n);
}
