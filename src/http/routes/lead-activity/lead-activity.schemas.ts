import { Type } from "typebox";
import { ACTIVITY_KINDS, ACTIVITY_TITLE_MAX_LENGTH, ACTIVITY_URL_MAX_LENGTH } from "../../../services/scoring/record-activity.js";
import { IsoInstant } from "../../instants.js";

export const ActivityBody = Type.Object(
  {
    kind: Type.Union(ACTIVITY_KINDS.map((kind) => Type.Literal(kind)), { description: "page_view, or content for a download, a video or a long read." }),
    url: Type.String({ minLength: 1, maxLength: ACTIVITY_URL_MAX_LENGTH, description: "The absolute http(s) URL of the page or content." }),
    title: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: ACTIVITY_TITLE_MAX_LENGTH })])),
    at: Type.Optional(IsoInstant("When it happened (default now): within the last 30 days, at most a few minutes ahead.")),
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 300, description: "The visitor token (`cl_visitor`) of this lead: the credential of the website snippet, which sends no other." })),
  },
  { additionalProperties: false },
);

export const ActivityAccepted = Type.Object({ accepted: Type.Literal(true) });
