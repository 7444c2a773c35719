"use client";

import { CurveChart } from "~/components/charts/curve-chart";
import { collapseSeries, isothermSeries } from "~/components/charts/isotherm-series";
import { formatNumber } from "~/components/charts/log-ticks";
import type { TIsothermAnalysisDto, TSampleIsothermsDto } from "~/server/domains/isotherms/schemas";

/** h/4e², Ω: the quantum resistance for pairs. */
const RQ = 6453.2;

function Estimate({ e, unit, digits = 4 }: { e: { value: number; uncertainty: number } | null; unit?: string; digits?: number }) {
  if (!e) return <span className="subtle">—</span>;
  return (
    <>
      {formatNumber(e.value, digits)} ± {formatNumber(e.uncertainty, 2)}
      {unit ? ` ${unit}` : ""}
    </>
  );
}

function Analysis({ a, unit }: { a: TIsothermAnalysisDto; unit: string }) {
  const failure = a.reasonCode ? a.reasons.find((r) => r.code === a.reasonCode) : null;
  const notes = a.reasons.filter((r) => r.code !== a.reasonCode);
  const where = [a.annealStage, a.setupName ?? (a.setupId ? "setup" : null), a.channel || null].filter(Boolean).join(" · ");
  return (
    <div className="stack" data-testid="isotherm-analysis">
      <div className="spread">
        <strong>{where || "all curves"}</strong>
        <span className="subtle small">
          {a.source === "RH" ? "R(H) isotherms" : "R(T) at fixed fields, read as isotherms"} · analysis {a.version}
        </span>
      </div>
      {failure ? (
        <div className="alert" data-testid="isotherm-verdict">
          <strong>{a.reasonCode === "collapse_failed" ? "No collapse" : "No critical point"}</strong> ({failure.code}): {failure.message}
        </div>
      ) : null}
      <dl className="kv" data-testid="isotherm-parameters">
        <dt>H_c</dt>
        <dd>
          <Estimate e={a.Hc_Oe} unit="Oe" />
        </dd>
        <dt>R_c</dt>
        <dd>
          <Estimate e={a.Rc} unit={unit} />
          {a.Rc ? <span className="subtle small"> = {formatNumber(a.Rc.value / RQ, 3)} h/4e²</span> : null}
        </dd>
        <dt>zν (collapse)</dt>
        <dd>
          <Estimate e={a.znu} digits={3} />
          {a.collapse ? <span className="subtle small"> over |δ| ≤ {formatNumber(a.collapse.deltaMax)}, {a.collapse.points} readings</span> : null}
        </dd>
        <dt>zν (slope at H_c)</dt>
        <dd>
          <Estimate e={a.znuSlope} digits={3} />
        </dd>
        <dt>Drift of the crossing</dt>
        <dd>
          {a.drift ? (
            <>
              {formatNumber(100 * a.drift.relativeAcrossRange, 2)} % of H_c across the range ({formatNumber(a.drift.significance, 2)}σ)
            </>
          ) : (
            <span className="subtle">—</span>
          )}
        </dd>
        {a.collapse ? (
          <>
            <dt>zν against the window</dt>
            <dd className="small">
              {a.collapse.windows.map((w) => `|δ| ≤ ${formatNumber(w.deltaMax)}: ${w.znu ? `${formatNumber(w.znu.value, 3)} ± ${formatNumber(w.znu.uncertainty, 2)}` : "—"}`).join(" · ")}
            </dd>
          </>
        ) : null}
      </dl>
      {notes.length > 0 ? (
        <ul className="small muted" style={{ margin: 0, paddingLeft: 18 }}>
          {notes.map((r) => (
            <li key={r.code + r.message}>
              <code>{r.code}</code>: {r.message}
            </li>
          ))}
        </ul>
      ) : null}
      <CurveChart series={isothermSeries(a)} xLabel="H (Oe)" yLabel={`R (${unit})`} initialLogX={false} initialLogY height={360} />
      {a.znu && a.collapsePoints.length > 0 ? (
        <>
          <h3>Scaling collapse</h3>
          <p className="subtle small">R/R_c against |δ|·T^(−1/zν), δ = (H − H_c)/H_c, T in K, with zν = {formatNumber(a.znu.value, 3)}: the upper branch is the insulating side.</p>
          <CurveChart series={collapseSeries(a)} xLabel="|δ|·T^(−1/zν)" yLabel="R/R_c" initialLogX initialLogY height={360} />
        </>
      ) : null}
    </div>
  );
}

/** The sample's isotherm analyses: parameters with uncertainties, reasons, isotherms and the collapse. */
export function IsothermSection({ data, unit }: { data: TSampleIsothermsDto | undefined; unit: string }) {
  if (!data || (data.sweeps === 0 && data.analyses.length === 0)) return null;
  return (
    <section className="card" id="isotherms" data-testid="isotherm-section">
      <h2>Isotherms and scaling</h2>
      {data.analyses.length === 0 ? (
        <div className="empty">Isotherm analysis pending for {data.sweeps} R(H) sweeps.</div>
      ) : (
        data.analyses.map((a) => <Analysis key={a.id} a={a} unit={unit} />)
      )}
    </section>
  );
}
