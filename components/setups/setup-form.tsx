"use client";

import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { CRYOSTAT_LABEL, FILTER_LABEL, STAGE_LABEL } from "~/components/setups/labels";
import { Field } from "~/components/ui/field";
import { formNumber, formText } from "~/components/ui/form-values";
import type { TSetupDto, ZFilterStageInput, ZSetupFields } from "~/server/domains/setups/schemas";

type TFilterStage = z.input<typeof ZFilterStageInput>;
export type TSetupFormValues = z.input<typeof ZSetupFields>;

const CRYOSTATS = ["DILUTION", "HE3", "HE4", "PPMS", "DYNACOOL", "ADR", "OTHER"] as const;
const FILTER_TYPES = ["PI", "RC", "LC", "COPPER_POWDER", "THERMOCOAX", "SILVER_EPOXY", "MICROWAVE_ABSORBER", "TWISTED_PAIR", "OTHER"] as const;
const STAGES = ["ROOM", "K50", "K4", "STILL", "COLD_PLATE", "MIXING_CHAMBER", "SAMPLE"] as const;


export function SetupForm({
  initial,
  pending,
  fieldErrors,
  message,
  submitLabel,
  onSubmit,
}: {
  initial?: TSetupDto;
  pending: boolean;
  fieldErrors: Record<string, string>;
  message: string | null;
  submitLabel: string;
  onSubmit: (values: TSetupFormValues) => void;
}) {
  const [stages, setStages] = useState<TFilterStage[]>(
    initial?.filterStages.map((s) => ({ type: s.type, stage: s.stage, attenuationDb: s.attenuationDb, bandLowHz: s.bandLowHz, bandHighHz: s.bandHighHz, notes: s.notes })) ?? [],
  );

  function handle(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const amplitudeNa = formNumber(f.get("excitationAmplitudeNa"));
    onSubmit({
      name: String(f.get("name") ?? ""),
      cryostat: String(f.get("cryostat")) as (typeof CRYOSTATS)[number],
      baseTemperatureK: formNumber(f.get("baseTemperatureK")),
      thermometry: formText(f.get("thermometry")),
      thermometerPlacement: formText(f.get("thermometerPlacement")),
      excitation: (formText(f.get("excitation")) as "AC" | "DC" | null) ?? null,
      excitationAmplitudeA: amplitudeNa === null ? null : amplitudeNa * 1e-9,
      excitationFrequencyHz: formNumber(f.get("excitationFrequencyHz")),
      fourProbe: f.get("fourProbe") === "on",
      linearResponseChecked: f.get("linearResponseChecked") === "on",
      shielding: formText(f.get("shielding")),
      notes: formText(f.get("notes")),
      filterStages: stages.map((s, i) => ({
        ...s,
        attenuationDb: formNumber(f.get(`stage-${i}-db`)),
        bandLowHz: (() => {
          const v = formNumber(f.get(`stage-${i}-low`));
          return v === null ? null : v * 1e6;
        })(),
        bandHighHz: (() => {
          const v = formNumber(f.get(`stage-${i}-high`));
          return v === null ? null : v * 1e6;
        })(),
      })),
    });
  }

  const err = (key: string) => fieldErrors[key] ?? null;

  return (
    <form className="stack" onSubmit={handle} noValidate>
      <div className="card stack">
        <h2>Cryostat and thermometry</h2>
        <div className="grid grid-2">
          <Field label="Name" htmlFor="name" error={err("name")}>
            <input id="name" name="name" type="text" defaultValue={initial?.name} aria-invalid={!!err("name")} />
          </Field>
          <Field label="Cryostat" htmlFor="cryostat">
            <select id="cryostat" name="cryostat" defaultValue={initial?.cryostat ?? "DILUTION"}>
              {CRYOSTATS.map((c) => (
                <option key={c} value={c}>
                  {CRYOSTAT_LABEL[c]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Base temperature (K)" htmlFor="baseTemperatureK" error={err("baseTemperatureK")}>
            <input id="baseTemperatureK" name="baseTemperatureK" type="text" inputMode="decimal" defaultValue={initial?.baseTemperatureK ?? ""} />
          </Field>
          <Field label="Thermometry" htmlFor="thermometry" hint="e.g. calibrated RuO₂">
            <input id="thermometry" name="thermometry" type="text" defaultValue={initial?.thermometry ?? ""} />
          </Field>
          <Field label="Thermometer placement" htmlFor="thermometerPlacement" hint="e.g. on chip, same wiring as the sample">
            <input id="thermometerPlacement" name="thermometerPlacement" type="text" defaultValue={initial?.thermometerPlacement ?? ""} />
          </Field>
        </div>
      </div>
      <div className="card stack">
        <h2>Excitation</h2>
        <div className="grid grid-3">
          <Field label="Kind" htmlFor="excitation">
            <select id="excitation" name="excitation" defaultValue={initial?.excitation ?? "AC"}>
              <option value="AC">AC (lock-in)</option>
              <option value="DC">DC</option>
              <option value="">not recorded</option>
            </select>
          </Field>
          <Field label="Current amplitude (nA)" htmlFor="excitationAmplitudeNa" error={err("excitationAmplitudeA")}>
            <input
              id="excitationAmplitudeNa"
              name="excitationAmplitudeNa"
              type="text"
              inputMode="decimal"
              defaultValue={initial?.excitationAmplitudeA != null ? initial.excitationAmplitudeA * 1e9 : ""}
            />
          </Field>
          <Field label="Frequency (Hz)" htmlFor="excitationFrequencyHz" error={err("excitationFrequencyHz")}>
            <input id="excitationFrequencyHz" name="excitationFrequencyHz" type="text" inputMode="decimal" defaultValue={initial?.excitationFrequencyHz ?? ""} />
          </Field>
        </div>
        <div className="row">
          <label className="row">
            <input type="checkbox" name="fourProbe" defaultChecked={initial?.fourProbe ?? true} /> four-probe
          </label>
          <label className="row">
            <input type="checkbox" name="linearResponseChecked" defaultChecked={initial?.linearResponseChecked ?? false} /> linear response checked
          </label>
        </div>
      </div>
      <div className="card stack">
        <div className="spread">
          <h2>Radiation filtering</h2>
          <button type="button" className="btn btn-small" onClick={() => setStages([...stages, { type: "PI", stage: "ROOM" }])}>
            Add filter stage
          </button>
        </div>
        <p className="subtle small">
          Record each filter from room temperature to the sample. Saturating curves measured without cold filtering are flagged as possible radiation artifacts.
        </p>
        {stages.length === 0 ? <p className="subtle">No filter stages recorded: the filtering grade will be “unknown”.</p> : null}
        {stages.map((s, i) => (
          <fieldset key={i} data-testid={`filter-stage-${i}`}>
            <legend>Stage {i + 1}</legend>
            <div className="grid grid-3">
              <Field label="Filter type" htmlFor={`stage-${i}-type`}>
                <select
                  id={`stage-${i}-type`}
                  value={s.type}
                  onChange={(e) => setStages(stages.map((x, j) => (j === i ? { ...x, type: e.target.value as (typeof FILTER_TYPES)[number] } : x)))}
                >
                  {FILTER_TYPES.map((t) => (
                    <option key={t} value={t}>
                      {FILTER_LABEL[t]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Temperature stage" htmlFor={`stage-${i}-stage`}>
                <select
                  id={`stage-${i}-stage`}
                  value={s.stage}
                  onChange={(e) => setStages(stages.map((x, j) => (j === i ? { ...x, stage: e.target.value as (typeof STAGES)[number] } : x)))}
                >
                  {STAGES.map((t) => (
                    <option key={t} value={t}>
                      {STAGE_LABEL[t]}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label="Attenuation (dB)" htmlFor={`stage-${i}-db`} error={err(`filterStages.${i}.attenuationDb`)}>
                <input id={`stage-${i}-db`} name={`stage-${i}-db`} type="text" inputMode="decimal" defaultValue={s.attenuationDb ?? ""} />
              </Field>
              <Field label="Band from (MHz)" htmlFor={`stage-${i}-low`}>
                <input id={`stage-${i}-low`} name={`stage-${i}-low`} type="text" inputMode="decimal" defaultValue={s.bandLowHz != null ? s.bandLowHz / 1e6 : ""} />
              </Field>
              <Field label="Band to (MHz)" htmlFor={`stage-${i}-high`}>
                <input id={`stage-${i}-high`} name={`stage-${i}-high`} type="text" inputMode="decimal" defaultValue={s.bandHighHz != null ? s.bandHighHz / 1e6 : ""} />
              </Field>
              <div className="field" style={{ justifyContent: "flex-end" }}>
                <button type="button" className="btn btn-small btn-danger" onClick={() => setStages(stages.filter((_, j) => j !== i))}>
                  Remove stage
                </button>
              </div>
            </div>
          </fieldset>
        ))}
        <Field label="Shielding" htmlFor="shielding" hint="e.g. copper radiation shield on the sample stage">
          <input id="shielding" name="shielding" type="text" defaultValue={initial?.shielding ?? ""} />
        </Field>
        <Field label="Notes" htmlFor="notes">
          <textarea id="notes" name="notes" defaultValue={initial?.notes ?? ""} />
        </Field>
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
