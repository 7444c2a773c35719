import Link from "next/link";
import { getPlatformStats } from "~/server/domains/health/stats";
import { auth } from "~/server/auth";
import { plural } from "~/components/ui/plural";

export const dynamic = "force-dynamic";

const PHASES = [
  { code: "S", name: "Superconductor", text: "R falls to zero below the noise floor." },
  { code: "M1", name: "Failed superconductor", text: "R falls, then levels off at ρ_QF far below the normal state." },
  { code: "M2", name: "Failed insulator", text: "R rises, then saturates far above the normal state." },
  { code: "I1", name: "Bose insulator", text: "Simply activated: R = R₀ exp(T₀/T)." },
  { code: "I2", name: "Fermi insulator", text: "Variable-range hopping, R = R₀ exp((T₀/T)^p), p = ½ or ⅓." },
] as const;

export default async function HomePage() {
  const [stats, session] = await Promise.all([getPlatformStats(), auth()]);
  return (
    <div className="page">
      <section className="hero">
        <h1>The superconductor–insulator transition, across labs</h1>
        <p className="muted" style={{ maxWidth: 760, fontSize: 15 }}>
          Upload sheet-resistance curves R(T) measured at fixed field, pressure and anneal stage. Every curve is fitted on the server and labelled with its
          phase, parameters, uncertainties and the reasons for the label. Phase diagrams aggregate every lab’s data and keep the provenance and radiation
          filtering of each point.
        </p>
        <div className="row" style={{ marginTop: 16 }}>
          <Link className="btn btn-primary" href="/diagram">
            Open the phase diagram
          </Link>
          <Link className="btn" href="/samples">
            Browse samples
          </Link>
          {session ? (
            <Link className="btn" href="/upload">
              Upload measurements
            </Link>
          ) : (
            <Link className="btn" href="/sign-up">
              Create an account
            </Link>
          )}
        </div>
      </section>
      <section className="grid grid-3" style={{ marginTop: 24 }}>
        <div className="card">
          <div className="stat" data-testid="stat-public-samples">{stats.publicSamples}</div>
          <div className="subtle">public samples from {plural(stats.labsWithPublicData, "lab")}</div>
        </div>
        <div className="card">
          <div className="stat">{stats.publicCurves}</div>
          <div className="subtle">public curves</div>
        </div>
        <div className="card">
          <div className="stat">{stats.fittedCurves}</div>
          <div className="subtle">curves fitted by engine {stats.engineVersion}</div>
        </div>
      </section>
      <section className="card" style={{ marginTop: 24 }}>
        <h2>The five phases</h2>
        <div className="grid grid-3">
          {PHASES.map((p) => (
            <div key={p.code} className="row" style={{ alignItems: "flex-start", flexWrap: "nowrap" }}>
              <span className={`badge phase phase-${p.code}`}>{p.code}</span>
              <div>
                <strong>{p.name}</strong>
                <p className="subtle small">{p.text}</p>
              </div>
            </div>
          ))}
        </div>
      </section>
    </div>
  );
}
