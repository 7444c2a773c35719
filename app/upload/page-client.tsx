"use client";

import { useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRef, useState } from "react";
import { useTRPC } from "~/components/trpc/client";
import { AssignmentForm, EMPTY_ASSIGNMENT, type AssignmentState } from "~/components/upload/assignment-form";
import { DropZone, formatBytes } from "~/components/upload/drop-zone";
import { FilePreview } from "~/components/upload/file-preview";
import { channelAssignment, type ChannelChoice } from "~/components/upload/channel-targets";
import { sendFileForPreview, UploadError } from "~/components/upload/send-file";
import type { FileEntry } from "~/components/upload/types";
import type { TUploadAssignment } from "~/server/domains/uploads/schemas";
import type { TColumnMapping } from "~/server/ingest";

type AssignmentInput = Omit<TUploadAssignment, "excludeCurves" | "skipBadRows" | "pressureDirection" | "fieldOrientation" | "channels" | "unlistedChannels" | "readout"> &
  Pick<AssignmentState, "pressureDirection" | "fieldOrientation">;

/** The assignment as the commit takes it, or the problems that stop it. */
function toAssignment(a: AssignmentState, labId: string): { value: AssignmentInput | null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let sample: AssignmentInput["sample"] | null = null;
  if (a.sampleMode === "existing") {
    if (!a.sampleId) errors.sample = "Choose the sample these curves were measured on, or create one.";
    else sample = { sampleId: a.sampleId };
  } else {
    if (!a.newSample.name.trim()) errors.name = "Name the sample";
    if (!a.newSample.material.trim()) errors.material = "Give the material, e.g. a-InO";
    if (!a.newSample.annealStage.trim()) errors.annealStage = "Give the anneal stage, e.g. S0";
    const squares = a.newSample.squares.trim() === "" ? null : Number(a.newSample.squares);
    if (squares !== null && !(squares > 0)) errors.squares = "The number of squares must be positive";
    sample = {
      create: {
        labId,
        name: a.newSample.name.trim(),
        material: a.newSample.material.trim(),
        morphology: "OTHER",
        geometry: "OTHER",
        annealStage: a.newSample.annealStage.trim(),
        visibility: a.newSample.visibility,
        squares,
        sharedWithLabIds: [],
        ...(a.newSample.previousStageId ? { previousStageId: a.newSample.previousStageId } : {}),
      },
    };
  }
  let setup: AssignmentInput["setup"] = null;
  if (a.setupMode === "existing" && a.setupId) setup = { setupId: a.setupId };
  if (a.setupMode === "new") {
    if (!a.newSetup.name.trim()) errors.setupName = "Name the setup";
    setup = { create: { name: a.newSetup.name.trim(), cryostat: a.newSetup.cryostat as never, fourProbe: true, linearResponseChecked: false, filterStages: [] } };
  }
  const pressure = a.pressureGPa.trim() === "" ? null : Number(a.pressureGPa);
  if (pressure !== null && !(pressure >= 0)) errors.pressureGPa = "Pressure is in GPa and cannot be negative";
  if (Object.keys(errors).length > 0 || !sample) return { value: null, errors };
  return { value: { sample, setup, pressureGPa: pressure, pressureDirection: a.pressureDirection, fieldOrientation: a.fieldOrientation }, errors };
}

function isCommittable(e: FileEntry): boolean {
  return e.status === "ready" && !!e.preview && e.preview.errors.length === 0 && (e.preview.rowProblems.length === 0 || e.skipBadRows) && e.preview.curves.length > e.excluded.length;
}

let nextKey = 0;

export function UploadClient({ initialSampleId, initialLabId, limits }: { initialSampleId: string | null; initialLabId: string | null; limits: { maxBytes: number; maxPoints: number } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: myLabs } = useSuspenseQuery(trpc.lab.listMine.queryOptions());
  const writable = myLabs.filter((l) => l.role !== "VIEWER");
  const [labId, setLabId] = useState(initialLabId ?? writable[0]?.id ?? "");
  const [assignment, setAssignment] = useState<AssignmentState>(initialSampleId ? { ...EMPTY_ASSIGNMENT, sampleId: initialSampleId } : EMPTY_ASSIGNMENT);
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [commitMessage, setCommitMessage] = useState<string | null>(null);
  const [isCommitting, setIsCommitting] = useState(false);
  const sendQueue = useRef<Promise<void>>(Promise.resolve());

  const samples = useQuery({ ...trpc.sample.list.queryOptions({ labId, sort: "name", order: "asc", page: 1, pageSize: 200 }), enabled: !!labId });
  const setups = useQuery({ ...trpc.setup.list.queryOptions({ labId }), enabled: !!labId });
  const chosenSample = useQuery({ ...trpc.sample.get.queryOptions({ sampleId: assignment.sampleId }), enabled: assignment.sampleMode === "existing" && !!assignment.sampleId });
  const labSamples = (samples.data?.items ?? []).filter((s) => s.lab.id === labId);

  const update = (key: string, patch: Partial<FileEntry> | ((e: FileEntry) => Partial<FileEntry>)) =>
    setFiles((list) => list.map((e) => (e.key === key ? { ...e, ...(typeof patch === "function" ? patch(e) : patch) } : e)));

  const templates = useQuery({ ...trpc.upload.listTemplates.queryOptions({ labId }), enabled: !!labId });
  const saveTemplate = useMutation(trpc.upload.saveTemplate.mutationOptions({ onSuccess: () => queryClient.invalidateQueries(trpc.upload.listTemplates.pathFilter()) }));
  const reread = useMutation(trpc.upload.preview.mutationOptions());
  const commit = useMutation(trpc.upload.commit.mutationOptions());

  function addFiles(picked: File[]) {
    setCommitMessage(null);
    const entries: FileEntry[] = picked.map((file) => ({
      key: `f${nextKey++}`,
      file,
      status: "sending",
      progress: 0,
      preview: null,
      options: {},
      excluded: [],
      skipBadRows: false,
      isRereading: false,
      channels: {},
      error: null,
      result: null,
    }));
    setFiles((list) => [...list, ...entries]);
    for (const entry of entries) {
      // One file at a time: each gets the whole connection, and its bar moves steadily.
      sendQueue.current = sendQueue.current.then(async () => {
        if (entry.file.size > limits.maxBytes) {
          update(entry.key, { status: "failed", error: { code: "PAYLOAD_TOO_LARGE", message: `${entry.file.name}: the file is larger than the limit of ${limits.maxBytes} bytes (${formatBytes(limits.maxBytes)})` } });
          return;
        }
        const { promise } = sendFileForPreview(entry.file, {}, (progress) => update(entry.key, { progress }));
        try {
          const preview = await promise;
          update(entry.key, { status: "ready", preview, progress: 1 });
        } catch (error) {
          update(entry.key, { status: "failed", error: error instanceof UploadError ? error.failure : { code: "ERROR", message: String(error) } });
        }
      });
    }
  }

  async function applyMapping(entry: FileEntry, mapping: TColumnMapping | undefined) {
    const options = { ...entry.options };
    if (mapping) options.mapping = mapping;
    else delete options.mapping;
    await reRead(entry, options);
  }

  async function applyTemperature(entry: FileEntry, kelvin: number) {
    await reRead(entry, { ...entry.options, constants: { ...entry.options.constants, T_K: kelvin } });
  }

  async function reRead(entry: FileEntry, options: FileEntry["options"]) {
    if (!entry.preview) return;
    update(entry.key, { isRereading: true, error: null });
    try {
      const preview = await reread.mutateAsync({ sha256: entry.preview.sha256, fileName: entry.file.name, options });
      update(entry.key, { preview, options, excluded: [], isRereading: false });
    } catch (error) {
      update(entry.key, { isRereading: false, error: { code: "ERROR", message: (error as Error).message } });
    }
  }

  async function confirm() {
    const { value, errors } = toAssignment(assignment, labId);
    setFormErrors(errors);
    if (!value) {
      setCommitMessage("Say where the curves go (see the highlighted fields).");
      return;
    }
    const ready = files.filter(isCommittable);
    setIsCommitting(true);
    setCommitMessage(null);
    let target = value;
    let failures = 0;
    for (const entry of ready) {
      update(entry.key, { status: "committing", error: null });
      try {
        const { channels, readout } = channelAssignment(entry.preview!, entry.channels);
        const result = await commit.mutateAsync({
          ...target,
          channels,
          readout,
          excludeCurves: entry.excluded,
          skipBadRows: entry.skipBadRows,
          sha256: entry.preview!.sha256,
          fileName: entry.file.name,
          contentType: entry.file.type || null,
          options: entry.options,
        });
        update(entry.key, { status: "done", result });
        // A sample or setup created with the first file receives the next files too.
        target = { ...target, sample: { sampleId: result.sampleId }, setup: result.setupId ? { setupId: result.setupId } : target.setup };
      } catch (error) {
        failures++;
        update(entry.key, { status: "ready", error: { code: "ERROR", message: (error as Error).message } });
      }
    }
    setIsCommitting(false);
    if ("sampleId" in target.sample && target.sample.sampleId !== assignment.sampleId) {
      setAssignment((a) => ({ ...a, sampleMode: "existing", sampleId: (target.sample as { sampleId: string }).sampleId, setupMode: target.setup && "setupId" in target.setup ? "existing" : a.setupMode, setupId: target.setup && "setupId" in target.setup ? target.setup.setupId : a.setupId }));
    }
    await queryClient.invalidateQueries(trpc.sample.pathFilter());
    await queryClient.invalidateQueries(trpc.setup.pathFilter());
    setCommitMessage(failures > 0 ? `${failures} file${failures === 1 ? "" : "s"} could not be imported; see the message on each.` : null);
  }

  if (writable.length === 0) {
    return (
      <div className="page-narrow">
        <div className="alert alert-warn">
          You need the member role in a lab to upload data. <Link href="/labs">Create a lab</Link> or ask to be invited to one.
        </div>
      </div>
    );
  }

  // Files read without errors; those with unresolved row problems hold the import back.
  const pending = files.filter((e) => e.status === "ready" && !!e.preview && e.preview.errors.length === 0);
  const blocked = pending.filter((e) => !isCommittable(e));
  const curveCount = pending.reduce((n, e) => n + e.preview!.curves.filter((c) => !e.excluded.includes(c.index) && e.channels[c.channel]?.sample !== "skip").length, 0);
  const done = files.filter((e) => e.status === "done");
  const doneSample = done[done.length - 1]?.result?.sampleId;
  const isBusy = files.some((e) => e.status === "sending" || e.isRereading) || isCommitting;
  const status =
    blocked.length > 0
      ? `${blocked.length} file${blocked.length === 1 ? " has" : "s have"} rows with problems or no curve left: tick “Skip these rows”, include a curve, or remove the file.`
      : pending.length > 0
        ? `${curveCount} curve${curveCount === 1 ? "" : "s"} from ${pending.length} file${pending.length === 1 ? "" : "s"} ready to import`
        : done.length > 0
          ? "Imported. Drop more files to continue."
          : "Nothing ready to import yet.";

  return (
    <div className="page" style={{ maxWidth: 1200 }}>
      <div className="page-head">
        <div>
          <h1>Upload measurements</h1>
          <p className="subtle">
            Each file is kept byte for byte. Check what was read, fix the column mapping if needed, say which sample the curves belong to, and import: every curve is then fitted and labelled.
          </p>
        </div>
      </div>
      <div className="stack">
        <DropZone onFiles={addFiles} maxBytes={limits.maxBytes} disabled={isCommitting} />
        {files.map((entry) => (
          <FilePreview
            key={entry.key}
            entry={entry}
            onToggleCurve={(index) => update(entry.key, (e) => ({ excluded: e.excluded.includes(index) ? e.excluded.filter((i) => i !== index) : [...e.excluded, index].sort((a, b) => a - b) }))}
            onApplyMapping={(mapping) => void applyMapping(entry, mapping)}
            onSkipBadRows={(skipBadRows) => update(entry.key, { skipBadRows })}
            onRemove={() => setFiles((list) => list.filter((e) => e.key !== entry.key))}
            onChannel={(channel: string, choice: ChannelChoice) => update(entry.key, (e) => ({ channels: { ...e.channels, [channel]: choice } }))}
            onTemperature={(kelvin) => void applyTemperature(entry, kelvin)}
            samples={labSamples.map((s) => ({ id: s.id, name: s.name }))}
            setups={(setups.data ?? []).map((s) => ({ id: s.id, name: s.name }))}
            sampleName={(id) => labSamples.find((s) => s.id === id)?.name ?? "the sample"}
            templates={templates.data ?? []}
            onApplyTemplate={(t) => void reRead(entry, { ...entry.options, ...t.options })}
            onSaveTemplate={async (name) => {
              try {
                await saveTemplate.mutateAsync({ labId, name, options: entry.options });
                return null;
              } catch (error) {
                return (error as Error).message;
              }
            }}
          />
        ))}
        {files.length > 0 ? (
          <section className="card stack">
            <AssignmentForm
              labs={writable.map((l) => ({ id: l.id, name: l.name }))}
              labId={labId}
              onLabId={(id) => {
                setLabId(id);
                setAssignment((a) => ({ ...a, sampleMode: a.sampleMode, sampleId: "", setupMode: "none", setupId: "" }));
              }}
              samples={labSamples.map((s) => ({ id: s.id, name: s.name, annealStage: s.annealStage, material: s.material }))}
              setups={(setups.data ?? []).map((s) => ({ id: s.id, name: s.name, filteringGrade: s.filteringGrade }))}
              squares={chosenSample.data?.squares ?? null}
              value={assignment}
              onChange={setAssignment}
              fieldErrors={formErrors}
              disabled={isCommitting}
            />
            {commitMessage ? <div className="alert alert-error small">{commitMessage}</div> : null}
            <div className="spread">
              <span className="subtle small" data-testid="import-status">
                {status}
              </span>
              <div className="row">
                {doneSample ? (
                  <Link className="btn" href={`/samples/${doneSample}`} data-testid="open-sample">
                    Open the sample
                  </Link>
                ) : null}
                {pending.length > 0 || done.length === 0 ? (
                  <button type="button" className="btn btn-primary" disabled={pending.length === 0 || blocked.length > 0 || isBusy} onClick={() => void confirm()}>
                    {isCommitting ? "Importing…" : `Import ${curveCount} curve${curveCount === 1 ? "" : "s"}`}
                  </button>
                ) : null}
              </div>
            </div>
          </section>
        ) : (
          <p className="subtle small">
            Scripts can upload too: create an API token on your lab page and see <a href="/api/v1/openapi.json">the API description</a>.
          </p>
        )}
      </div>
    </div>
  );
}
