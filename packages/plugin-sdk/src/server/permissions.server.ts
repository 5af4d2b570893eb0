import { permissionsFor } from "@commons/auth";
import type { Module } from "../manifest.ts";
import type { Role } from "../roles.ts";

/** The core's permissions for a role plus, for each module given, those it grants the role. */
export function rolePermissions(role: Role, modules: readonly Module[] = []): Set<string> {
  const granted = new Set<string>(permissionsFor(role));
  for (const module of modules) {
    for (const [permission, definition] of Object.entries(module.permissions ?? {})) {
      if (definition.roles.includes(role)) granted.add(permission);
    }
  }
  return granted;
}
