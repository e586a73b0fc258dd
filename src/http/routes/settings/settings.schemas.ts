import { Type } from "typebox";

export const SettingsDto = Type.Object({
  repsSeeAllLeads: Type.Boolean({ description: "Reps see every lead, not just the ones they own." }),
});

export const ChangeSettingsBody = Type.Object(
  { repsSeeAllLeads: Type.Optional(Type.Boolean({ description: "Reps see every lead, not just the ones they own." })) },
  { additionalProperties: false, minProperties: 1 },
);
