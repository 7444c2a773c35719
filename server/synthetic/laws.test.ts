import { describe, expect, it } from "vitest";
import {
  AL_PREFACTOR,
  arrhenius,
  bmoTbkt,
  efrosShklovskii,
  electronTemperature,
  erfc,
  failedInsulator,
  failedSuperconductor,
  halperinNelsonFraction,
  hnAlCoefficient,
  hopping,
  hoppingLogDerivative,
  lognormalFraction,
  mott2d,
  powerLawR,
  taffFraction,
  weakLocalizationR,
  weakLocalizationSaturatingR,
  WL_UNIT,
} from "./laws";
import { evaluateLaw, logDerivative } from "./model";
import type { TLawSpec } from "./types";

describe("constants", () => {
  it("match e²/16ħ and e²/π²ħ", () => {
    expect(AL_PREFACTOR).toBeCloseTo(1.5213e-5, 8);
    expect(WL_UNIT).toBeCloseTo(2.4663e-5, 8);
  });
});

describe("erfc", () => {
  it("matches tabulated values to 1e-7 relative", () => {
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(1)).toBeCloseTo(0.157299207, 7);
    expect(erfc(-1)).toBeCloseTo(1.842700793, 7);
    expect(erfc(2) / 0.004677734981).toBeCloseTo(1, 6);
    expect(erfc(5) / 1.537459794e-12).toBeCloseTo(1, 6);
  });
});

describe("insulating laws at known points", () => {
  it("Arrhenius: R(T0) = R0·e and R(T0/2) = R0·e²", () => {
    expect(arrhenius(2, 1000, 2)).toBeCloseTo(1000 * Math.E, 9);
    expect(arrhenius(1, 1000, 2)).toBeCloseTo(1000 * Math.E ** 2, 8);
  });
  it("Efros–Shklovskii: R(T0/4) = R0·e²", () => {
    expect(efrosShklovskii(2.5, 500, 10)).toBeCloseTo(500 * Math.E ** 2, 8);
  });
  it("2D Mott: R(T0/8) = R0·e²", () => {
    expect(mott2d(12.5, 500, 100)).toBeCloseTo(500 * Math.E ** 2, 8);
  });
  it("free-exponent hopping reduces to the named laws", () => {
    expect(hopping(0.7, 300, 5, 1)).toBeCloseTo(arrhenius(0.7, 300, 5), 8);
    expect(hopping(0.7, 300, 5, 0.5)).toBeCloseTo(efrosShklovskii(0.7, 300, 5), 8);
  });
  it("w(T) = p·(T0/T)^p matches the numerical log-derivative", () => {
    const law: TLawSpec = { law: "hopping", prefactor: { kind: "flat", R: 1e3 }, T0: 20, p: 0.5 };
    for (const T of [0.1, 0.5, 2]) {
      expect(logDerivative(law, T)).toBeCloseTo(hoppingLogDerivative(T, 20, 0.5), 5);
    }
  });
});

describe("anomalous-metal laws (seed 001)", () => {
  it("Eq. 2: ρ_QF + ρ0·exp(−E/T)", () => {
    expect(failedSuperconductor(1.5, 6200, 1e5, 1.5)).toBeCloseTo(6200 + 1e5 / Math.E, 8);
    expect(failedSuperconductor(1e-3, 6200, 1e5, 1.5)).toBeCloseTo(6200, 8);
  });
  it("Eq. 1: 1/(σ_QF + σ0·exp(−E/T)) from 1/(σQF+σ0) at high T to 1/σQF at low T", () => {
    expect(failedInsulator(0.3, 1e-6, 1e-4, 0.3)).toBeCloseTo(1 / (1e-6 + 1e-4 / Math.E), 6);
    expect(failedInsulator(1e6, 1e-6, 1e-4, 0.3) * (1e-6 + 1e-4)).toBeCloseTo(1, 5);
    expect(failedInsulator(0.005, 1e-6, 1e-4, 0.3) * 1e-6).toBeCloseTo(1, 9);
  });
  it("failed insulator and failed superconductor laws saturate: w → 0 as T → 0", () => {
    const m2: TLawSpec = { law: "failed-insulator", sigmaQF: 1e-6, sigma0: 1e-4, Ea: 0.5 };
    expect(Math.abs(logDerivative(m2, 0.005))).toBeLessThan(1e-6);
    const m1: TLawSpec = {
      law: "failed-superconductor",
      rhoQF: 300,
      background: { kind: "flat", R: 5000 },
      transition: { kind: "taff", Ea: 5, rho0: 5000 * Math.exp(10) },
    };
    expect(Math.abs(logDerivative(m1, 0.02))).toBeLessThan(1e-6);
  });
});

describe("normal-state backgrounds", () => {
  it("weak localization: G(T0) = G0 and G changes by A·ln 10 per decade", () => {
    expect(weakLocalizationR(3, 2e-4, 1e-5, 3)).toBeCloseTo(5000, 8);
    expect(1 / weakLocalizationR(30, 2e-4, 1e-5, 3) - 1 / weakLocalizationR(3, 2e-4, 1e-5, 3)).toBeCloseTo(1e-5 * Math.LN10, 12);
  });
  it("saturating weak localization: 1/G0 at T ≪ T0", () => {
    expect(weakLocalizationSaturatingR(1e-6, 2e-4, 1e-5, 3)).toBeCloseTo(5000, 3);
  });
  it("power law", () => {
    expect(powerLawR(2, 1000, 1, 0.5)).toBeCloseTo(1000 / Math.SQRT2, 9);
  });
});

describe("superconducting transitions", () => {
  it("Halperin–Nelson: exactly zero at and below Tbkt, ≤ 1 above", () => {
    expect(halperinNelsonFraction(0.8, 1, 0.8, 1, 0.5)).toBe(0);
    expect(halperinNelsonFraction(0.5, 1, 0.8, 1, 0.5)).toBe(0);
    const f = halperinNelsonFraction(1, 1, 0.8, 1, 0.5);
    expect(f).toBeCloseTo(1 / (1 + 0.5 * Math.sinh(1) ** 2), 12);
  });
  it("Halperin–Nelson with the AL coefficient reproduces 2D Aslamazov–Larkin far above Tc0", () => {
    const RN = 4000;
    const Tc0 = 1;
    const Tbkt = bmoTbkt(Tc0, RN);
    const b = 1.2;
    const c = hnAlCoefficient(RN, Tc0, Tbkt, b);
    const T = 30;
    const excess = 1 / halperinNelsonFraction(T, Tc0, Tbkt, b, c) - 1; // G_fl/G_N
    const al = (AL_PREFACTOR * Tc0 * RN) / (T - Tc0);
    expect(excess / al).toBeCloseTo(1, 2);
  });
  it("Beasley–Mooij–Orlando Tbkt/Tc0 = 1/(1 + 0.173 R_N/(h/4e²))", () => {
    expect(bmoTbkt(1, 6453.2)).toBeCloseTo(1 / 1.173, 9);
  });
  it("log-normal transition: ½ at Tm, negligible 8 widths below", () => {
    expect(lognormalFraction(0.7, 0.7, 0.1)).toBeCloseTo(0.5, 7);
    expect(lognormalFraction(0.7 * Math.exp(-0.8), 0.7, 0.1)).toBeLessThan(1e-14);
    expect(lognormalFraction(0.7 * Math.exp(0.8), 0.7, 0.1)).toBeCloseTo(1, 12);
  });
  it("TAFF in parallel with R_N: ½ where ρ0·e^(−Ea/T) = R_N, activated tail below", () => {
    const RN = 2000;
    const Ea = 10;
    const rho0 = RN * Math.exp(20); // midpoint at T = 0.5 K
    expect(taffFraction(0.5, RN, Ea, rho0)).toBeCloseTo(0.5, 9);
    expect((taffFraction(0.2, RN, Ea, rho0) * RN) / (rho0 * Math.exp(-Ea / 0.2))).toBeCloseTo(1, 6);
  });
  it("a superconducting spec evaluates to zero deep below the transition", () => {
    const s: TLawSpec = {
      law: "sc-transition",
      background: { kind: "flat", R: 3000 },
      transition: { kind: "hn", Tc0: 1, Tbkt: 0.85, b: 1, c: 0.5 },
    };
    expect(evaluateLaw(s, 0.5)).toBe(0);
    expect(evaluateLaw(s, 10)).toBeGreaterThan(2800);
  });
});

describe("electron overheating", () => {
  it("follows the bath above Tsat and saturates below", () => {
    expect(electronTemperature(1, 0.1, 3)).toBeCloseTo(1, 2);
    expect(electronTemperature(0.001, 0.1, 3)).toBeCloseTo(0.1, 6);
  });
});
