import type { User } from "../../../domain/users/user.js";
import type { UserDtoType } from "./users.schemas.js";

/** The API shape of a person. */
export function presentUser(user: User): UserDtoType {
  return { ...user, createdAt: new Date(user.createdAt).toISOString() };
}
