import type { User } from "../../../domain/users/user.js";
import { isoOf } from "../../instants.js";
import type { UserDtoType } from "./users.schemas.js";

/** The API shape of a person. */
export function presentUser(user: User): UserDtoType {
  return { ...user, createdAt: isoOf(user.createdAt) };
}
