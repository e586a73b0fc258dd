import type { Role } from "../access/permission.js";

/** A person who works leads in the workspace. */
export type User = {
  id: string;
  email: string;
  name: string;
  role: Role;
  timezone: string;
  isActive: boolean;
  createdAt: number;
};
