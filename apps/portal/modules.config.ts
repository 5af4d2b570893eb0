/**
 * The modules installed in this portal: the one list the build composes routes, schema,
 * permissions and worker subscriptions from. Adding a plugin: add its package to
 * apps/portal/package.json, import its manifest here, add it to MODULES, run migrations.
 * Each coalition then switches it on at /c/<slug>/admin/modules.
 */
import type { Module } from "@commons/plugin-sdk";
import consultations from "@commons/consultations";
import forums from "@commons/forums";
import members from "@commons/members";
import taskforce from "@commons/taskforce";
import portal from "./package.json" with { type: "json" };

export const PORTAL_VERSION: string = portal.version;

// Core modules first: their navigation comes first in the coalition bar.
export const MODULES: readonly Module[] = [members, consultations, forums, taskforce];
