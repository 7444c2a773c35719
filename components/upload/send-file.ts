import type { TUploadOptions, TUploadPreviewDto } from "~/server/domains/uploads/schemas";

export interface UploadFailure {
  code: string;
  message: string;
  details?: unknown;
}

export class UploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure.message);
    this.name = "UploadError";
  }
}

/**
 * Sends one file to /api/uploads/preview as the raw request body. XMLHttpRequest (not fetch)
 * because it reports upload progress; `onProgress` gets the fraction of bytes sent. Resolves
 * with what the parser found in the file, staged on the server under its SHA-256.
 */
export function sendFileForPreview(
  file: File,
  options: TUploadOptions,
  onProgress: (fraction: number) => void,
): { promise: Promise<TUploadPreviewDto>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const params = new URLSearchParams({ fileName: file.name });
  if (Object.keys(options).length > 0) params.set("options", JSON.stringify(options));
  const promise = new Promise<TUploadPreviewDto>((resolve, reject) => {
    xhr.open("POST", `/api/uploads/preview?${params.toString()}`);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("x-sit-upload", "1");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body = xhr.response as { error?: UploadFailure } | TUploadPreviewDto | null;
      if (xhr.status >= 200 && xhr.status < 300 && body && !("error" in body)) {
        onProgress(1);
        resolve(body as TUploadPreviewDto);
      } else {
        const failure = body && "error" in body && body.error ? body.error : { code: String(xhr.status), message: `The server answered ${xhr.status} ${xhr.statusText}` };
        reject(new UploadError(failure));
      }
    };
    xhr.onerror = () => reject(new UploadError({ code: "NETWORK", message: "The upload failed: the connection to the server was lost." }));
    xhr.onabort = () => reject(new UploadError({ code: "ABORTED", message: "The upload was cancelled." }));
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
