"use client";

import { Field } from "~/components/ui/field";
import { gradeLabel } from "~/components/ui/grade-badge";

export interface AssignmentState {
  sampleMode: "existing" | "new";
  sampleId: string;
  newSample: { name: string; material: string; annealStage: string; visibility: "PRIVATE" | "PUBLIC"; squares: string; previousStageId: string };
  setupMode: "none" | "existing" | "new";
  setupId: string;
  newSetup: { name: string; cryostat: string };
  pressureGPa: string;
  pressureDirection: "UNKNOWN" | "PRESSURIZING" | "DEPRESSURIZING";
  fieldOrientation: "PERPENDICULAR" | "PARALLEL" | "UNKNOWN";
}

export const EMPTY_ASSIGNMENT: AssignmentState = {
  sampleMode: "existing",
  sampleId: "",
  newSample: { name: "", material: "", annealStage: "S0", visibility: "PRIVATE", squares: "", previousStageId: "" },
  setupMode: "none",
  setupId: "",
  newSetup: { name: "", cryostat: "OTHER" },
  pressureGPa: "",
  pressureDirection: "UNKNOWN",
  fieldOrientation: "PERPENDICULAR",
};

const CRYOSTATS = ["DILUTION", "HE3", "HE4", "PPMS", "DYNACOOL", "ADR", "OTHER"] as const;

export interface SampleOption {
  id: string;
  name: string;
  annealStage: string;
  material: string;
}

/**
 * Where the curves go: a sample (picked, or created with its anneal stage), a measurement setup
 * (picked, created, or none), the pressure and its direction, and the field orientation.
 */
export function AssignmentForm({
  labs,
  labId,
  onLabId,
  samples,
  setups,
  squares,
  value,
  onChange,
  fieldErrors,
  disabled,
}: {
  labs: { id: string; name: string }[];
  labId: string;
  onLabId: (labId: string) => void;
  samples: SampleOption[];
  setups: { id: string; name: string; filteringGrade: string }[];
  /** squares of the chosen sample, for the Ω → Ω/□ note */
  squares: number | null;
  value: AssignmentState;
  onChange: (next: AssignmentState) => void;
  fieldErrors: Record<string, string>;
  disabled?: boolean;
}) {
  const set = (patch: Partial<AssignmentState>) => onChange({ ...value, ...patch });
  const setSample = (patch: Partial<AssignmentState["newSample"]>) => onChange({ ...value, newSample: { ...value.newSample, ...patch } });
  const err = (key: string) => fieldErrors[key] ?? null;
  const chosen = samples.find((s) => s.id === value.sampleId);
  const squaresNote =
    value.sampleMode === "existing"
      ? squares
        ? `Resistances in Ω are divided by the sample's ${squares} squares and stored as Ω/□.`
        : "The sample records no number of squares: resistances in Ω stay resistances (Ω), not Ω/□."
      : value.newSample.squares.trim()
        ? `Resistances in Ω are divided by ${value.newSample.squares} squares and stored as Ω/□.`
        : "Without a number of squares, resistances in Ω stay resistances (Ω), not Ω/□.";

  return (
    <fieldset className="stack" disabled={disabled} data-testid="assignment">
      <legend>Where the curves go</legend>
      <div className="grid grid-3">
        <Field label="Lab" htmlFor="assign-lab">
          <select id="assign-lab" value={labId} onChange={(e) => onLabId(e.target.value)}>
            {labs.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sample" htmlFor="assign-sample" error={err("sample")} hint={chosen ? `${chosen.material} · anneal stage ${chosen.annealStage}` : undefined}>
          <select
            id="assign-sample"
            value={value.sampleMode === "new" ? "__new" : value.sampleId}
            onChange={(e) => (e.target.value === "__new" ? set({ sampleMode: "new" }) : set({ sampleMode: "existing", sampleId: e.target.value }))}
          >
            <option value="">Choose a sample…</option>
            {samples.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.annealStage})
              </option>
            ))}
            <option value="__new">+ New sample…</option>
          </select>
        </Field>
        <Field label="Measurement setup" htmlFor="assign-setup">
          <select
            id="assign-setup"
            value={value.setupMode === "new" ? "__new" : value.setupMode === "none" ? "" : value.setupId}
            onChange={(e) =>
              e.target.value === "__new" ? set({ setupMode: "new" }) : e.target.value === "" ? set({ setupMode: "none", setupId: "" }) : set({ setupMode: "existing", setupId: e.target.value })
            }
          >
            <option value="">No setup recorded</option>
            {setups.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({gradeLabel(s.filteringGrade)})
              </option>
            ))}
            <option value="__new">+ New setup…</option>
          </select>
        </Field>
      </div>

      {value.sampleMode === "new" ? (
        <div className="card stack" data-testid="new-sample">
          <h3>New sample</h3>
          <div className="grid grid-3">
            <Field label="Sample name" htmlFor="new-sample-name" error={err("name")}>
              <input id="new-sample-name" type="text" value={value.newSample.name} onChange={(e) => setSample({ name: e.target.value })} aria-invalid={!!err("name")} />
            </Field>
            <Field label="Material" htmlFor="new-sample-material" error={err("material")}>
              <input id="new-sample-material" type="text" placeholder="e.g. a-InO" value={value.newSample.material} onChange={(e) => setSample({ material: e.target.value })} aria-invalid={!!err("material")} />
            </Field>
            <Field label="Anneal stage" htmlFor="new-sample-stage" error={err("annealStage")}>
              <input id="new-sample-stage" type="text" value={value.newSample.annealStage} onChange={(e) => setSample({ annealStage: e.target.value })} />
            </Field>
            <Field label="Next anneal stage of" htmlFor="new-sample-previous" hint="the same film after another treatment">
              <select id="new-sample-previous" value={value.newSample.previousStageId} onChange={(e) => setSample({ previousStageId: e.target.value })}>
                <option value="">— (a new film)</option>
                {samples.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name} ({s.annealStage})
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Squares between the voltage probes" htmlFor="new-sample-squares" error={err("squares")} hint="for Ω → Ω/□; leave empty if unknown">
              <input id="new-sample-squares" type="number" min="0" step="any" value={value.newSample.squares} onChange={(e) => setSample({ squares: e.target.value })} />
            </Field>
            <Field label="Visibility" htmlFor="new-sample-visibility">
              <select id="new-sample-visibility" value={value.newSample.visibility} onChange={(e) => setSample({ visibility: e.target.value as "PRIVATE" | "PUBLIC" })}>
                <option value="PRIVATE">private to the lab</option>
                <option value="PUBLIC">public</option>
              </select>
            </Field>
          </div>
        </div>
      ) : null}

      {value.setupMode === "new" ? (
        <div className="card stack" data-testid="new-setup">
          <h3>New measurement setup</h3>
          <p className="subtle small">Filter stages and excitation can be added later on the lab page.</p>
          <div className="grid grid-3">
            <Field label="Setup name" htmlFor="new-setup-name" error={err("setupName")}>
              <input id="new-setup-name" type="text" value={value.newSetup.name} onChange={(e) => set({ newSetup: { ...value.newSetup, name: e.target.value } })} />
            </Field>
            <Field label="Cryostat" htmlFor="new-setup-cryostat">
              <select id="new-setup-cryostat" value={value.newSetup.cryostat} onChange={(e) => set({ newSetup: { ...value.newSetup, cryostat: e.target.value } })}>
                {CRYOSTATS.map((c) => (
                  <option key={c} value={c}>
                    {c.toLowerCase()}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </div>
      ) : null}

      <div className="grid grid-3">
        <Field label="Pressure (GPa)" htmlFor="assign-pressure" error={err("pressureGPa")} hint="for files that record none; leave empty at ambient pressure">
          <input id="assign-pressure" type="number" min="0" step="any" value={value.pressureGPa} onChange={(e) => set({ pressureGPa: e.target.value })} />
        </Field>
        <Field label="Pressure direction" htmlFor="assign-pressure-direction">
          <select id="assign-pressure-direction" value={value.pressureDirection} onChange={(e) => set({ pressureDirection: e.target.value as AssignmentState["pressureDirection"] })}>
            <option value="UNKNOWN">not recorded</option>
            <option value="PRESSURIZING">pressurizing ↑</option>
            <option value="DEPRESSURIZING">depressurizing ↓</option>
          </select>
        </Field>
        <Field label="Field orientation" htmlFor="assign-orientation">
          <select id="assign-orientation" value={value.fieldOrientation} onChange={(e) => set({ fieldOrientation: e.target.value as AssignmentState["fieldOrientation"] })}>
            <option value="PERPENDICULAR">perpendicular to the film</option>
            <option value="PARALLEL">parallel to the film</option>
            <option value="UNKNOWN">unknown</option>
          </select>
        </Field>
      </div>
      <p className="subtle small" data-testid="squares-note">
        {squaresNote} Resistivity (Ω·cm, Ω·m) is stored as resistivity.
      </p>
    </fieldset>
  );
}
