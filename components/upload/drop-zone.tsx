"use client";

import { useRef, useState, type DragEvent } from "react";
import styles from "./upload.module.css";

/** Drag and drop one or many files, or pick them with the file dialog. */
export function DropZone({ onFiles, maxBytes, disabled }: { onFiles: (files: File[]) => void; maxBytes: number; disabled?: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  const [isOver, setIsOver] = useState(false);

  function take(list: FileList | null) {
    const files = list ? Array.from(list) : [];
    if (files.length > 0) onFiles(files);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setIsOver(false);
    if (!disabled) take(event.dataTransfer.files);
  }

  return (
    <div
      className={`${styles.drop} ${isOver ? styles.dropOver : ""}`}
      data-testid="drop-zone"
      onDragOver={(event) => {
        event.preventDefault();
        if (!disabled) setIsOver(true);
      }}
      onDragLeave={() => setIsOver(false)}
      onDrop={onDrop}
      onClick={() => !disabled && input.current?.click()}
      role="button"
      tabIndex={0}
      onKeyDown={(event) => {
        if ((event.key === "Enter" || event.key === " ") && !disabled) input.current?.click();
      }}
      aria-disabled={disabled}
    >
      <strong>Drop instrument files here</strong>
      <span className="subtle small">
        or click to choose · Quantum Design .dat, CSV/TSV and other delimited text, Lake Shore exports, sit-curves/v1 JSON · up to {formatBytes(maxBytes)} each
      </span>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        aria-label="Choose files"
        data-testid="file-input"
        onChange={(event) => {
          take(event.currentTarget.files);
          event.currentTarget.value = "";
        }}
      />
    </div>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}
