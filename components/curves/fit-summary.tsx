import { formatNumber } from "~/components/charts/log-ticks";
import { PhaseBadge } from "~/components/ui/phase-badge";
import { formatWithUncertainty } from "~/components/ui/uncertainty";
import type { TPhase } from "~/server/domains/curves/schemas";

/** Names and units of the parameters and per-curve quantities reported by the engine. */
export const QUANTITY_LABELS: Record<string, string> = {
  Tc90_K: "Tc (90 % of R_n), K",
  TcOnset_K: "onset of the drop, K",
  RoverRQ: "R_n/(h/4e²)",
  Tc50_K: "Tc (50 %), K",
  Tc10_K: "Tc (10 %), K",
  Rmax_ohm: "R_max, Ω",
  Rmin_ohm: "R_min, Ω",
  rhoQF_ohm: "ρ_QF, Ω",
  rho0_ohm: "ρ₀, Ω",
  EaS_K: "E_aS/k_B, K",
  sigmaQF_S: "σ_QF, S",
  sigma0_S: "σ₀, S",
  EaI_K: "E_aI/k_B, K",
  arrheniusT0_K: "Arrhenius T₀, K",
  hoppingT0_K: "hopping T₀, K",
  hoppingP: "hopping exponent p",
  wlG0_S: "weak localization G₀, S",
  wlA_S: "weak localization A, S",
  ratio350mK300K: "R(350 mK)/R(300 K)",
  R300K_ohm: "R(300 K), Ω",
  zabrodskiiP: "exponent p from the slope of ln w (Zabrodskii)",
  saturationOnset_K: "saturation onset (curvature changes sign), K",
  R0_ohm: "R₀, Ω",
  T0_K: "T₀, K",
  p: "p",
  Rn_ohm: "R_n (normal state just above the drop), Ω",
  Tmid_K: "T_mid, K",
  width_K: "width, K",
  G0_S: "G₀, S",
  A_S: "A, S",
};

const label = (key: string) => QUANTITY_LABELS[key] ?? key;

interface FitView {
  phase: TPhase;
  confidence: number;
  inconclusive: boolean;
  inconclusiveReason: string | null;
  reasonCode: string | null;
  model: string;
  params: Record<string, number>;
  uncertainties: Record<string, number>;
  reasons: string[];
  runnerUp: { phase: string; model: string; confidence: number } | null;
  candidates: { model: string; aicc: number | null; bic: number | null; converged: boolean; window: { Tmin: number; Tmax: number; n: number } }[];
  quantities: Record<string, { value: number | null; uncertainty: number | null }>;
  diagnostics: { nPoints: number; nUsed: number; noiseFloor: number | null; dropped: { index: number; reason: string }[]; warnings: string[] };
}

/** Parameters with uncertainties, the reasons for the label, the runner-up and every model tried. */
export function FitSummary({ fit }: { fit: FitView }) {
  const best = Math.min(...fit.candidates.map((c) => c.aicc ?? Infinity));
  const quantities = Object.entries(fit.quantities).filter(([, q]) => q.value != null);
  return (
    <>
      <section className="card stack" data-testid="fit-summary">
        <h2>Why this label</h2>
        {fit.phase === "NONE" ? (
          <div className="alert alert-warn" data-testid="no-label">
            <strong>No SIT label applies</strong> (<code>{fit.reasonCode ?? "unknown"}</code>). {fit.inconclusiveReason ?? ""}
          </div>
        ) : fit.inconclusive ? (
          <div className="alert alert-warn">
            <strong>Inconclusive</strong>
            {fit.reasonCode ? (
              <>
                {" "}
                (<code>{fit.reasonCode}</code>)
              </>
            ) : null}
            . {fit.inconclusiveReason ?? "The data cannot decide."} The best guess is {fit.phase}.
          </div>
        ) : null}
        <ol style={{ margin: 0, paddingLeft: 18 }} data-testid="fit-reasons">
          {fit.reasons.map((reason, i) => (
            <li key={i} style={i === 0 ? { fontWeight: 600 } : undefined}>
              {reason}
            </li>
          ))}
        </ol>
        {fit.runnerUp ? (
          <p className="muted small">
            Runner-up: <PhaseBadge phase={fit.runnerUp.phase as FitView["phase"]} /> with {fit.runnerUp.model.replaceAll("_", " ")} ({Math.round(fit.runnerUp.confidence * 100)} %).
          </p>
        ) : null}
      </section>
      <section className="card">
        <h2>Parameters of {fit.model.replaceAll("_", " ")}</h2>
        <table className="table" data-testid="fit-params">
          <tbody>
            {Object.entries(fit.params).map(([key, value]) => (
              <tr key={key}>
                <td>{label(key)}</td>
                <td className="num mono">{formatWithUncertainty(value, fit.uncertainties[key])}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="subtle small" style={{ marginTop: 8 }}>
          Standard uncertainties (1σ) from the covariance of the fit. {fit.diagnostics.nUsed} of {fit.diagnostics.nPoints} points used
          {fit.diagnostics.noiseFloor != null ? `; noise floor ${formatNumber(fit.diagnostics.noiseFloor)} Ω` : ""}.
        </p>
        {fit.diagnostics.warnings.length > 0 || fit.diagnostics.dropped.length > 0 ? (
          <ul className="small muted" style={{ paddingLeft: 18 }}>
            {fit.diagnostics.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
            {fit.diagnostics.dropped.length > 0 ? <li>{fit.diagnostics.dropped.length} points left out ({[...new Set(fit.diagnostics.dropped.map((d) => d.reason))].join("; ")})</li> : null}
          </ul>
        ) : null}
      </section>
      {quantities.length > 0 ? (
        <section className="card">
          <h2>Quantities</h2>
          <table className="table" data-testid="fit-quantities">
            <tbody>
              {quantities.map(([key, q]) => (
                <tr key={key}>
                  <td>{label(key)}</td>
                  <td className="num mono">{formatWithUncertainty(q.value, q.uncertainty)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      <section className="card">
        <h2>Models tried</h2>
        <table className="table">
          <thead>
            <tr>
              <th>Model</th>
              <th className="num">Window (K)</th>
              <th className="num">Points</th>
              <th className="num">ΔAICc</th>
              <th className="num">BIC</th>
              <th>Converged</th>
            </tr>
          </thead>
          <tbody>
            {[...fit.candidates]
              .sort((a, b) => (a.aicc ?? Infinity) - (b.aicc ?? Infinity))
              .map((c, i) => (
                <tr key={`${c.model}-${i}`} style={c.model === fit.model ? { fontWeight: 600 } : undefined}>
                  <td>{c.model.replaceAll("_", " ")}</td>
                  <td className="num">
                    {formatNumber(c.window.Tmin)}–{formatNumber(c.window.Tmax)}
                  </td>
                  <td className="num">{c.window.n}</td>
                  <td className="num">{c.aicc != null && Number.isFinite(best) ? (c.aicc - best).toFixed(1) : "—"}</td>
                  <td className="num">{c.bic != null ? c.bic.toFixed(1) : "—"}</td>
                  <td>{c.converged ? "yes" : "no"}</td>
                </tr>
              ))}
          </tbody>
        </table>
        <p className="subtle small" style={{ marginTop: 8 }}>
          Models compared on different windows are not directly comparable by AICc; the label combines several signatures (see above).
        </p>
      </section>
    </>
  );
}
