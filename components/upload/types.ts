import type { TUploadOptions, TUploadPreviewDto, TUploadResultDto } from "~/server/domains/uploads/schemas";
import type { ChannelChoice } from "./channel-targets";
import type { UploadFailure } from "./send-file";

/** One file on the upload page, from sending to stored. */
export interface FileEntry {
  key: string;
  file: File;
  status: "sending" | "ready" | "failed" | "committing" | "done";
  /** fraction of the bytes sent */
  progress: number;
  preview: TUploadPreviewDto | null;
  /** options the preview was read with (and the commit will use) */
  options: TUploadOptions;
  /** indices of detected curves the user left out */
  excluded: number[];
  /** import the other rows when some rows have problems */
  skipBadRows: boolean;
  isRereading: boolean;
  /** per channel: the sample and setup it goes to, and its readout (absent: as detected, to the sample below) */
  channels: Record<string, ChannelChoice>;
  error: UploadFailure | null;
  result: TUploadResultDto | null;
}
