import { z } from "zod";
import { ZUploadOptions } from "./schemas";

export const ZMappingTemplateDto = z.object({
  id: z.string(),
  labId: z.string(),
  name: z.string(),
  /** column mapping (header text or 0-based index), units, delimiter, decimal comma, format, constants */
  options: ZUploadOptions,
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type TMappingTemplateDto = z.infer<typeof ZMappingTemplateDto>;

export const ZListTemplatesInput = z.object({ labId: z.string().min(1) });

export const ZSaveTemplateInput = z.object({
  labId: z.string().min(1),
  name: z.string().trim().min(1, "Name the template").max(100),
  options: ZUploadOptions.refine((o) => o.mapping !== undefined, "a template holds a column mapping"),
});
export type TSaveTemplateInput = z.infer<typeof ZSaveTemplateInput>;

export const ZDeleteTemplateInput = z.object({ templateId: z.string().min(1) });
export type TDeleteTemplateInput = z.infer<typeof ZDeleteTemplateInput>;
