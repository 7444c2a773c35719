"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { Field } from "~/components/ui/field";
import { formNumber, formText } from "~/components/ui/form-values";
import type { ZSampleFields } from "~/server/domains/samples/schemas";

export type TSampleFormValues = z.input<typeof ZSampleFields>;

const MORPHOLOGIES = ["AMORPHOUS", "GRANULAR", "COMPOSITE", "POLYCRYSTALLINE", "EPITAXIAL", "JOSEPHSON_ARRAY", "OTHER"] as const;
const GEOMETRIES = ["HALL_BAR", "VAN_DER_PAUW", "STRIP", "OTHER"] as const;
const MATERIALS = ["a-InO", "In/InOx", "NbSi", "a-MoGe", "TiN", "NbN", "Bi", "Pb", "Ta", "WSi"];


export function SampleForm({
  initial,
  labs,
  pending,
  fieldErrors,
  message,
  submitLabel,
  onSubmit,
}: {
  initial?: Partial<TSampleFormValues>;
  labs: { id: string; name: string }[];
  pending: boolean;
  fieldErrors: Record<string, string>;
  message: string | null;
  submitLabel: string;
  onSubmit: (values: TSampleFormValues) => void;
}) {
  const [visibility, setVisibility] = useState(initial?.visibility ?? "PRIVATE");
  const [shared, setShared] = useState<string[]>(initial?.sharedWithLabIds ?? []);
  const err = (key: string) => fieldErrors[key] ?? null;

  function handle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    onSubmit({
      name: String(f.get("name") ?? ""),
      material: String(f.get("material") ?? ""),
      morphology: String(f.get("morphology")) as (typeof MORPHOLOGIES)[number],
      thicknessNm: formNumber(f.get("thicknessNm")),
      substrate: formText(f.get("substrate")),
      depositionMethod: formText(f.get("depositionMethod")),
      depositionO2PressureMbar: formNumber(f.get("depositionO2PressureMbar")),
      depositionNotes: formText(f.get("depositionNotes")),
      geometry: String(f.get("geometry")) as (typeof GEOMETRIES)[number],
      squares: formNumber(f.get("squares")),
      leadMaterial: formText(f.get("leadMaterial")),
      notes: formText(f.get("notes")),
      provenance: formText(f.get("provenance")),
      annealStage: String(f.get("annealStage") ?? "S0"),
      annealTreatment: formText(f.get("annealTreatment")),
      visibility,
      sharedWithLabIds: visibility === "SHARED" ? shared : [],
    });
  }

  return (
    <form className="stack" onSubmit={handle} noValidate>
      <div className="card stack">
        <h2>Film</h2>
        <div className="grid grid-3">
          <Field label="Name" htmlFor="name" error={err("name")}>
            <input id="name" name="name" type="text" defaultValue={initial?.name} aria-invalid={!!err("name")} />
          </Field>
          <Field label="Material" htmlFor="material" error={err("material")}>
            <input id="material" name="material" type="text" list="materials" defaultValue={initial?.material} aria-invalid={!!err("material")} />
          </Field>
          <Field label="Morphology" htmlFor="morphology">
            <select id="morphology" name="morphology" defaultValue={initial?.morphology ?? "AMORPHOUS"}>
              {MORPHOLOGIES.map((m) => (
                <option key={m} value={m}>
                  {m.toLowerCase().replace("_", " ")}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Thickness (nm)" htmlFor="thicknessNm" error={err("thicknessNm")}>
            <input id="thicknessNm" name="thicknessNm" type="text" inputMode="decimal" defaultValue={initial?.thicknessNm ?? ""} aria-invalid={!!err("thicknessNm")} />
          </Field>
          <Field label="Substrate" htmlFor="substrate">
            <input id="substrate" name="substrate" type="text" defaultValue={initial?.substrate ?? ""} />
          </Field>
          <Field label="Leads" htmlFor="leadMaterial">
            <input id="leadMaterial" name="leadMaterial" type="text" defaultValue={initial?.leadMaterial ?? ""} />
          </Field>
        </div>
        <datalist id="materials">
          {MATERIALS.map((m) => (
            <option key={m} value={m} />
          ))}
        </datalist>
      </div>
      <div className="card stack">
        <h2>Deposition and geometry</h2>
        <div className="grid grid-3">
          <Field label="Method" htmlFor="depositionMethod" hint="e.g. e-gun evaporation">
            <input id="depositionMethod" name="depositionMethod" type="text" defaultValue={initial?.depositionMethod ?? ""} />
          </Field>
          <Field label="O₂ partial pressure (mbar)" htmlFor="depositionO2PressureMbar" error={err("depositionO2PressureMbar")}>
            <input id="depositionO2PressureMbar" name="depositionO2PressureMbar" type="text" inputMode="decimal" defaultValue={initial?.depositionO2PressureMbar ?? ""} />
          </Field>
          <Field label="Geometry" htmlFor="geometry">
            <select id="geometry" name="geometry" defaultValue={initial?.geometry ?? "HALL_BAR"}>
              {GEOMETRIES.map((g) => (
                <option key={g} value={g}>
                  {g.toLowerCase().replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Squares between probes" htmlFor="squares" hint="to convert Ω to Ω/□" error={err("squares")}>
            <input id="squares" name="squares" type="text" inputMode="decimal" defaultValue={initial?.squares ?? ""} />
          </Field>
          <Field label="Anneal stage" htmlFor="annealStage" error={err("annealStage")}>
            <input id="annealStage" name="annealStage" type="text" defaultValue={initial?.annealStage ?? "S0"} />
          </Field>
          <Field label="Anneal treatment" htmlFor="annealTreatment" hint="e.g. 45 °C for 2 h in air">
            <input id="annealTreatment" name="annealTreatment" type="text" defaultValue={initial?.annealTreatment ?? ""} />
          </Field>
        </div>
        <Field label="Deposition notes" htmlFor="depositionNotes">
          <textarea id="depositionNotes" name="depositionNotes" defaultValue={initial?.depositionNotes ?? ""} />
        </Field>
      </div>
      <div className="card stack">
        <h2>Provenance and sharing</h2>
        <Field label="Provenance" htmlFor="provenance" hint="grower, batch, publication or DOI">
          <input id="provenance" name="provenance" type="text" defaultValue={initial?.provenance ?? ""} />
        </Field>
        <Field label="Notes" htmlFor="notes">
          <textarea id="notes" name="notes" defaultValue={initial?.notes ?? ""} />
        </Field>
        <Field label="Visibility" htmlFor="visibility" hint="Who may read this sample and its curves." error={err("visibility")}>
          <select id="visibility" value={visibility} onChange={(e) => setVisibility(e.target.value as typeof visibility)}>
            <option value="PRIVATE">private to the lab</option>
            <option value="SHARED">shared with named labs</option>
            <option value="PUBLIC">public</option>
          </select>
        </Field>
        {visibility === "SHARED" ? (
          <fieldset>
            <legend>Share with</legend>
            <div className="pill-list">
              {labs.map((lab) => (
                <label key={lab.id} className="row badge">
                  <input
                    type="checkbox"
                    checked={shared.includes(lab.id)}
                    onChange={(e) => setShared(e.target.checked ? [...shared, lab.id] : shared.filter((id) => id !== lab.id))}
                  />
                  {lab.name}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
      </div>
      {message ? <div className="alert alert-error">{message}</div> : null}
      <div>
        <button className="btn btn-primary" type="submit" disabled={pending}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
