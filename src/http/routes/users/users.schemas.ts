import { type Static, Type } from "typebox";
import { USER_EMAIL_MAX_LENGTH, USER_NAME_MAX_LENGTH } from "../../../domain/users/user-input.js";
import { MAX_PASSWORD_LENGTH } from "../../../services/users/password-rules.js";

export const RoleSchema = Type.Union([Type.Literal("admin"), Type.Literal("manager"), Type.Literal("rep")], {
  description: "admin: everything; manager: leads and forms; rep: own leads.",
});

const password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH, description: "At least 10 characters." });
const timezone = Type.String({ minLength: 1, maxLength: 64, description: "IANA time zone, e.g. Europe/Berlin (default UTC)." });

export const UserDto = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: RoleSchema,
  timezone: Type.String(),
  isActive: Type.Boolean(),
  createdAt: Type.String({ format: "date-time" }),
});

export const UserListResponse = Type.Object({ items: Type.Array(UserDto) });

export const CreateUserBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: USER_EMAIL_MAX_LENGTH }),
    name: Type.String({ minLength: 1, maxLength: USER_NAME_MAX_LENGTH }),
    role: RoleSchema,
    password: Type.Optional(password),
    timezone: Type.Optional(timezone),
  },
  { additionalProperties: false, description: "Without a password the person exists (and can own leads) but cannot log in until one is set." },
);

export const ChangeUserBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: USER_NAME_MAX_LENGTH })),
    role: Type.Optional(RoleSchema),
    isActive: Type.Optional(Type.Boolean({ description: "false deactivates: the person can no longer log in and their sessions end." })),
    password: Type.Optional(password),
    timezone: Type.Optional(timezone),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });

export type UserDtoType = Static<typeof UserDto>;
