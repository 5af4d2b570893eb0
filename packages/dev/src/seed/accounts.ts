import { mindanaoOrganisations, openExtractivesOrganisations } from "./organisations.ts";

/**
 * The demo people: printed by `npm start` and imported by end-to-end tests, so both
 * always agree with what the seed wrote. Everyone shares one password; it is a demo.
 */
export const DEMO_PASSWORD = "commons-demo-2026";

export const DEMO_COALITIONS = {
  openExtractives: {
    slug: "open-extractives",
    name: "Open Extractives Alliance",
    description:
      "A national network of 80 civil-society organisations working for transparency and accountability in mining, oil and gas in the Philippines.",
  },
  mindanao: {
    slug: "mindanao-communities",
    name: "Mindanao Mining Communities Platform",
    description:
      "Twelve community organisations from Mindanao's mining areas sharing information, legal support and a common voice on mining in their ancestral lands and watersheds.",
  },
} as const;

export type DemoRole = "SECRETARIAT_ADMIN" | "SECRETARIAT_STAFF" | "FOCAL_POINT" | "MEMBER" | "STAKEHOLDER";

export interface DemoMembership {
  coalition: string;
  role: DemoRole;
  /** Key of a DemoOrganisation in that coalition. */
  organisation?: string;
}

export interface DemoAccount {
  email: string;
  name: string;
  /** What the person is, in a few words, for the launcher's sign-in box. */
  label: string;
  isPlatformOperator: boolean;
  memberships: DemoMembership[];
}

const OEA = DEMO_COALITIONS.openExtractives.slug;
const MMCP = DEMO_COALITIONS.mindanao.slug;
const oeaOrganisations = openExtractivesOrganisations();

function orgDomain(key: string): string {
  const organisation = oeaOrganisations.find((o) => o.key === key);
  if (!organisation) throw new Error(`No demo organisation ${key}`);
  return new URL(organisation.website).host;
}

function atOrganisation(first: string, last: string, key: string, role: DemoRole): DemoAccount {
  const organisation = oeaOrganisations.find((o) => o.key === key)!;
  return {
    email: `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, "") + `@${orgDomain(key)}`,
    name: `${first} ${last}`,
    label: `${role === "FOCAL_POINT" ? "Focal point" : "Member"}, ${organisation.acronym}`,
    isPlatformOperator: false,
    memberships: [{ coalition: OEA, role, organisation: key }],
  };
}

const focalPoints = [
  atOrganisation("Rosalinda", "Bautista", "oea-01", "FOCAL_POINT"),
  atOrganisation("Eduardo", "Magbanua", "oea-02", "FOCAL_POINT"),
  atOrganisation("Liza", "Dumalagan", "oea-03", "FOCAL_POINT"),
  atOrganisation("Benjamin", "Tayag", "oea-04", "FOCAL_POINT"),
  atOrganisation("Josefina", "Cabrera", "oea-05", "FOCAL_POINT"),
  atOrganisation("Rommel", "Sagun", "oea-06", "FOCAL_POINT"),
];
// The first focal point also sits in the Mindanao platform, to show switching coalitions.
focalPoints[0]!.memberships.push({ coalition: MMCP, role: "MEMBER" });

export const DEMO_ACCOUNTS = {
  operator: {
    email: "operator@example.org",
    name: "Paolo Navarro",
    label: "Platform operator",
    isPlatformOperator: true,
    memberships: [],
  },
  admin: {
    email: "admin@open-extractives.example.org",
    name: "Amina Reyes",
    label: "Secretariat admin, Open Extractives Alliance",
    isPlatformOperator: false,
    memberships: [{ coalition: OEA, role: "SECRETARIAT_ADMIN" }],
  },
  staff: {
    email: "staff@open-extractives.example.org",
    name: "Jerome Villanueva",
    label: "Secretariat staff, Open Extractives Alliance",
    isPlatformOperator: false,
    memberships: [{ coalition: OEA, role: "SECRETARIAT_STAFF" }],
  },
  focalPoint: focalPoints[0]!,
  member: atOrganisation("Carmela", "Ocampo", "oea-07", "MEMBER"),
  governmentStakeholder: {
    email: "ramon.castillo@regional-mines-office.example.org",
    name: "Ramon Castillo",
    label: "Stakeholder, regional mines office (government)",
    isPlatformOperator: false,
    memberships: [{ coalition: OEA, role: "STAKEHOLDER" }],
  },
  companyStakeholder: {
    email: "teresa.lim@northern-ridge-nickel.example.org",
    name: "Teresa Lim",
    label: "Stakeholder, community relations, Northern Ridge Nickel Corp.",
    isPlatformOperator: false,
    memberships: [{ coalition: OEA, role: "STAKEHOLDER" }],
  },
  mindanaoAdmin: {
    email: "admin@mindanao-communities.example.org",
    name: "Norhaya Macarambon",
    label: "Secretariat admin, Mindanao Mining Communities Platform",
    isPlatformOperator: false,
    memberships: [{ coalition: MMCP, role: "SECRETARIAT_ADMIN" }],
  },
} satisfies Record<string, DemoAccount>;

/** Every demo person, the named ones first. */
export const DEMO_PEOPLE: readonly DemoAccount[] = [
  ...Object.values(DEMO_ACCOUNTS),
  ...focalPoints.slice(1),
  atOrganisation("Noel", "Baluyot", "oea-10", "MEMBER"),
  atOrganisation("Grace", "Lumbay", "oea-15", "MEMBER"),
  atOrganisation("Arnel", "Padilla", "oea-21", "MEMBER"),
];

/** Who the launcher lists under "Sign in as", in that order. */
export const DEMO_SIGN_INS: readonly DemoAccount[] = [
  DEMO_ACCOUNTS.admin,
  DEMO_ACCOUNTS.focalPoint,
  DEMO_ACCOUNTS.governmentStakeholder,
  DEMO_ACCOUNTS.operator,
];

export { mindanaoOrganisations, openExtractivesOrganisations };
