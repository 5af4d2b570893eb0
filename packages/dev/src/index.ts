export {
  DEMO_ACCOUNTS, DEMO_COALITIONS, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SIGN_INS,
  type DemoAccount, type DemoMembership, type DemoRole,
} from "./seed/accounts.ts";
export { openExtractivesOrganisations, mindanaoOrganisations, type DemoOrganisation } from "./seed/organisations.ts";
export { seedDemo, tenantIdOf, organisationIdOf, userIdOf, type SeedResult } from "./seed/demo.ts";
export { BENCH_PAGES, type BenchPage } from "./bench-pages.ts";
