/**
 * multipart/form-data read as a stream (busboy). The text fields are collected (bounded in
 * number and size); the file part streams to a temporary file under DATA_DIR/tmp, so neither
 * is held in memory and the fields may come before or after the file. A file over the limit
 * stops the upload at the first chunk past it (413). The caller removes the temporary file.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebStream } from "node:stream/web";
import busboy from "busboy";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";

export interface MultipartFile {
  fields: FormData;
  fileName: string | null;
  contentType: string | null;
  /** the file's bytes, read back from the temporary file */
  open(): ReadableStream<Uint8Array>;
  /** removes the temporary file */
  dispose(): Promise<void>;
}

const FIELD_LIMITS = { fields: 50, fieldSize: 64 * 1024, parts: 60, files: 1, headerPairs: 100 } as const;

function tooLarge(fileName: string, maxBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `${fileName}: the file is larger than the limit of ${maxBytes} bytes`, [
    { code: "file_too_large", message: `${fileName}: the file is larger than the limit of ${maxBytes} bytes`, file: fileName, expected: `at most ${maxBytes} bytes (UPLOAD_MAX_BYTES)` },
  ]);
}

export async function readMultipartFile(req: Request, fieldName: string, maxFileBytes: number): Promise<MultipartFile> {
  const missing = new AppError("BAD_REQUEST", `The multipart body needs a part named \`${fieldName}\` holding the instrument file.`);
  if (!req.body) throw missing;
  let parser: busboy.Busboy;
  try {
    // fileSize one past the limit: busboy reports the excess and the upload stops there.
    parser = busboy({ headers: { "content-type": req.headers.get("content-type") ?? "" }, limits: { ...FIELD_LIMITS, fileSize: maxFileBytes + 1 } });
  } catch {
    throw new AppError("BAD_REQUEST", "The multipart body has no valid boundary in its Content-Type.");
  }
  const dir = path.join(env.DATA_DIR, "tmp");
  await mkdir(dir, { recursive: true });
  const tmpPath = path.join(dir, `multipart-${randomUUID()}`);
  const dispose = () => rm(tmpPath, { force: true });
  const fields = new FormData();
  let file: { name: string | null; type: string | null; written: Promise<void> } | null = null;
  const input = Readable.fromWeb(req.body as NodeWebStream<Uint8Array>);
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown) => {
        input.unpipe(parser);
        input.destroy();
        reject(error instanceof AppError ? error : new AppError("BAD_REQUEST", `The multipart body could not be read: ${error instanceof Error ? error.message : String(error)}`));
      };
      parser.on("field", (name, value) => fields.append(name, value));
      parser.on("file", (name, stream, info) => {
        if (file || name !== fieldName) return void stream.resume();
        const label = info.filename || "upload";
        stream.on("limit", () => fail(tooLarge(label, maxFileBytes)));
        file = { name: info.filename || null, type: info.mimeType || null, written: pipeline(stream, createWriteStream(tmpPath)) };
        file.written.catch(fail);
      });
      parser.on("error", fail);
      parser.on("partsLimit", () => fail(new AppError("BAD_REQUEST", `The multipart body has more than ${FIELD_LIMITS.parts} parts.`)));
      parser.on("fieldsLimit", () => fail(new AppError("BAD_REQUEST", `The multipart body has more than ${FIELD_LIMITS.fields} fields.`)));
      parser.on("close", () => resolve());
      input.on("error", fail);
      input.pipe(parser);
    });
    const found = file as { name: string | null; type: string | null; written: Promise<void> } | null;
    if (!found) throw missing;
    await found.written;
    return {
      fields,
      fileName: found.name,
      contentType: found.type,
      open: () => Readable.toWeb(createReadStream(tmpPath)) as ReadableStream<Uint8Array>,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
