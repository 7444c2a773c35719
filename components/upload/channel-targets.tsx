"use client";

import type { TReadoutName, TUploadPreviewDto } from "~/server/domains/uploads/schemas";
import { plural } from "~/components/ui/plural";

/** Where one channel goes: "" the sample chosen below, "skip" left out, or a sample id. */
export type ChannelSample = string;
export const SKIP = "skip";

export interface ChannelChoice {
  sample: ChannelSample;
  /** "" the setup chosen below, "none" no setup, or a setup id */
  setup: string;
  readout: TReadoutName;
}

const READOUT_LABEL: Record<TReadoutName, string> = {
  signed: "signed (bridge, lock-in X)",
  magnitude: "magnitude (lock-in R)",
  unknown: "unknown",
};

/** The channels of a preview with their detected readout and curve counts, in file order. */
export function channelsOf(p: TUploadPreviewDto): { name: string; label: string | null; curves: number; readings: number; readout: TReadoutName }[] {
  const out = new Map<string, { name: string; label: string | null; curves: number; readings: number; readout: TReadoutName }>();
  for (const c of p.curves) {
    const e = out.get(c.channel) ?? { name: c.channel, label: c.label, curves: 0, readings: 0, readout: c.readout };
    e.curves++;
    e.readings += c.readings;
    out.set(c.channel, e);
  }
  return [...out.values()];
}

/**
 * One row per channel: which sample (and setup) it goes to, and how its resistance was read out.
 * Several films on one puck are several channels of one file.
 */
export function ChannelTargets({
  preview,
  choices,
  samples,
  setups,
  disabled,
  onChange,
}: {
  preview: TUploadPreviewDto;
  choices: Record<string, ChannelChoice>;
  samples: { id: string; name: string }[];
  setups: { id: string; name: string }[];
  disabled: boolean;
  onChange: (channel: string, choice: ChannelChoice) => void;
}) {
  const channels = channelsOf(preview);
  return (
    <div style={{ overflowX: "auto" }}>
      <table className="table" data-testid="channel-targets">
        <thead>
          <tr>
            <th>Channel</th>
            <th className="num">Curves</th>
            <th className="num">Readings</th>
            <th>Goes to sample</th>
            <th>Setup</th>
            <th>Readout</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((ch) => {
            const choice = choices[ch.name] ?? { sample: "", setup: "", readout: ch.readout };
            return (
              <tr key={ch.name} data-channel={ch.name}>
                <td>
                  {ch.name}
                  {ch.label ? <span className="subtle small"> ({ch.label})</span> : null}
                </td>
                <td className="num">{ch.curves}</td>
                <td className="num">{ch.readings}</td>
                <td>
                  <select
                    className="input"
                    aria-label={`Sample for ${ch.name}`}
                    value={choice.sample}
                    disabled={disabled}
                    onChange={(e) => onChange(ch.name, { ...choice, sample: e.target.value })}
                  >
                    <option value="">the sample chosen below</option>
                    <option value={SKIP}>leave this channel out</option>
                    {samples.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={`Setup for ${ch.name}`}
                    value={choice.setup}
                    disabled={disabled || choice.sample === "" || choice.sample === SKIP}
                    onChange={(e) => onChange(ch.name, { ...choice, setup: e.target.value })}
                  >
                    <option value="">the setup chosen below</option>
                    <option value="none">no setup</option>
                    {setups.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={`Readout of ${ch.name}`}
                    value={choice.readout}
                    disabled={disabled}
                    onChange={(e) => onChange(ch.name, { ...choice, readout: e.target.value as TReadoutName })}
                  >
                    {(Object.keys(READOUT_LABEL) as TReadoutName[]).map((r) => (
                      <option key={r} value={r}>
                        {READOUT_LABEL[r]}
                        {r === ch.readout ? " — detected" : ""}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="subtle small">
        {plural(channels.length, "channel")}. Several films on one puck: send each channel to its own sample. The file is stored once; a channel already imported into the same sample is not stored again.
      </p>
    </div>
  );
}

/** The commit's channels mapping and per-channel readout from the choices. */
export function channelAssignment(
  preview: TUploadPreviewDto,
  choices: Record<string, ChannelChoice>,
): { channels: Record<string, { sampleId: string; setupId?: string | null } | null>; readout: Record<string, TReadoutName> } {
  const channels: Record<string, { sampleId: string; setupId?: string | null } | null> = {};
  const readout: Record<string, TReadoutName> = {};
  for (const ch of channelsOf(preview)) {
    const choice = choices[ch.name];
    readout[ch.name] = choice?.readout ?? ch.readout;
    if (!choice || choice.sample === "") continue;
    if (choice.sample === SKIP) channels[ch.name] = null;
    // No setup chosen here: the setup chosen below (also one created with this import).
    else channels[ch.name] = { sampleId: choice.sample, ...(choice.setup === "" ? {} : { setupId: choice.setup === "none" ? null : choice.setup }) };
  }
  return { channels, readout };
}
