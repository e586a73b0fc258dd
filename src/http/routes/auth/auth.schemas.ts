import { type Static, Type } from "typebox";
import { USER_EMAIL_MAX_LENGTH, USER_NAME_MAX_LENGTH } from "../../../domain/users/user-input.js";
import { MAX_PASSWORD_LENGTH } from "../../../services/users/password-rules.js";
import { RoleSchema } from "../users/users.schemas.js";

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: USER_EMAIL_MAX_LENGTH }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);

export const SetupBody = Type.Object(
  {
    token: Type.String({ minLength: 1, maxLength: 200, description: "The one-time token from the setup link `npm start` printed." }),
    name: Type.String({ minLength: 1, maxLength: USER_NAME_MAX_LENGTH }),
    email: Type.String({ minLength: 1, maxLength: USER_EMAIL_MAX_LENGTH }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: "At least 10 characters." }),
  },
  { additionalProperties: false },
);

export const SessionUserDto = Type.Object({ id: Type.String(), name: Type.String(), email: Type.String(), role: RoleSchema, timezone: Type.String() });

export const SessionResponse = Type.Object({
  user: SessionUserDto,
  csrfToken: Type.String({ description: "Send it as `X-CSRF-Token` on every POST, PUT, PATCH and DELETE made with the session cookie." }),
});

export type SessionResponseType = Static<typeof SessionResponse>;
