import type { Static } from "typebox";
import type { CreateFormBody, FormDto } from "../../../src/http/routes/forms/forms.schemas.js";
import { apiRequest } from "./client.js";

/** A capture form with its endpoint and embeddable snippet, typed from the forms route's schema. */
export type CaptureForm = Static<typeof FormDto>;
export type NewCaptureForm = Static<typeof CreateFormBody>;

/** Every capture form of the workspace. */
export async function listForms(signal?: AbortSignal): Promise<CaptureForm[]> {
  const page = await apiRequest<{ items: CaptureForm[] }>("/api/v1/forms", { signal });
  return page.items;
}

/** Creates a capture form. */
export async function createForm(input: NewCaptureForm): Promise<CaptureForm> {
  return apiRequest<CaptureForm>("/api/v1/forms", { method: "POST", body: input });
}
