import { ORGANISATION_TYPES, REGIONS, SECTORS, type OrganisationType, type Sector } from "./regions.ts";

/**
 * What the members directory shows beyond a name: themes, languages, offers and needs with
 * their tags, a contact address. Picked by arithmetic on the organisation's index from its
 * sectors, type and region, so every run gives the same varied profiles, and the
 * directory's filters and facet counts have something worth showing.
 */

export const THEMES = [
  "Beneficial ownership",
  "Revenue and contract transparency",
  "Free, prior and informed consent",
  "Mine rehabilitation and closure",
  "Energy transition minerals",
  "Community monitoring",
  "Gender and extractives",
  "Human rights defenders",
  "Water and watersheds",
  "Small-scale mining",
  "Coastal and marine protection",
  "Local budgets and royalties",
] as const;

export const LANGUAGES = ["English", "Filipino", "Cebuano", "Ilocano", "Hiligaynon", "Bikol", "Waray", "Chavacano", "Kankanaey", "Manobo", "B'laan", "Subanen", "Maranao", "Tausug"] as const;

const THEMES_BY_SECTOR: Record<Sector, (typeof THEMES)[number][]> = {
  mining: ["Mine rehabilitation and closure", "Small-scale mining", "Energy transition minerals", "Community monitoring"],
  "oil and gas": ["Revenue and contract transparency", "Coastal and marine protection", "Energy transition minerals"],
  environment: ["Water and watersheds", "Mine rehabilitation and closure", "Coastal and marine protection"],
  "indigenous peoples' rights": ["Free, prior and informed consent", "Human rights defenders"],
  "land rights": ["Free, prior and informed consent", "Human rights defenders"],
  "fiscal transparency": ["Beneficial ownership", "Revenue and contract transparency", "Local budgets and royalties"],
  "women's rights": ["Gender and extractives"],
  labour: ["Small-scale mining", "Human rights defenders"],
  health: ["Water and watersheds", "Community monitoring"],
  fisheries: ["Coastal and marine protection", "Water and watersheds"],
  "legal aid": ["Human rights defenders", "Free, prior and informed consent"],
};

/** The languages people speak where the organisation works, beyond English and Filipino. */
const LANGUAGES_BY_REGION: Record<string, (typeof LANGUAGES)[number][]> = {
  "Cordillera Administrative Region": ["Ilocano", "Kankanaey"],
  Caraga: ["Cebuano", "Manobo"],
  MIMAROPA: ["Filipino"],
  "Central Visayas": ["Cebuano"],
  "Davao Region": ["Cebuano", "Manobo"],
  "Bicol Region": ["Bikol"],
  "Northern Mindanao": ["Cebuano", "Maranao"],
  SOCCSKSARGEN: ["Hiligaynon", "Cebuano", "B'laan"],
  "Zamboanga Peninsula": ["Chavacano", "Subanen", "Tausug"],
  "National Capital Region": ["Filipino"],
  "Eastern Visayas": ["Waray"],
  "Cagayan Valley": ["Ilocano"],
};

interface Offer {
  text: string;
  tags: string[];
}

const OFFERS: Record<OrganisationType, Offer[]> = {
  NGO: [
    { text: "Paralegal training for community monitors, and help filing freedom-of-information requests.", tags: ["paralegal training", "FOI requests"] },
    { text: "Water-quality testing kits and volunteers who can train others to use them.", tags: ["water testing", "training"] },
    { text: "Analysis of mining contracts and royalty payments, written up for community meetings.", tags: ["contract analysis", "royalties"] },
  ],
  "community-based organisation": [
    { text: "Local guides and safe places to stay for visiting researchers and journalists.", tags: ["field access", "hosting"] },
    { text: "Barangay-level monitoring reports with photos, every month.", tags: ["community monitoring", "photo documentation"] },
  ],
  "people's organisation": [
    { text: "Organisers who can mobilise members for public hearings and consultations.", tags: ["mobilisation", "public hearings"] },
    { text: "Testimonies from affected families, with their consent, for campaigns and cases.", tags: ["testimonies", "case documentation"] },
  ],
  network: [
    { text: "A mailing list and monthly calls that reach dozens of local groups in the region.", tags: ["outreach", "regional coordination"] },
    { text: "Shared positions on national policy, drafted with member groups.", tags: ["policy advocacy", "position papers"] },
  ],
  academic: [
    { text: "Field studies, GIS mapping of tenements and student volunteers for data work.", tags: ["research", "GIS mapping", "data analysis"] },
    { text: "Peer review of member reports and a venue for public forums.", tags: ["peer review", "venue"] },
  ],
  "faith-based": [
    { text: "Parish halls for meetings and pastoral support for families under pressure.", tags: ["venue", "psychosocial support"] },
    { text: "Relief networks that reach remote communities after disasters.", tags: ["relief", "logistics"] },
  ],
  "indigenous peoples' organisation": [
    { text: "Guidance on customary law and on how to hold a proper consent process with elders.", tags: ["customary law", "FPIC guidance"] },
    { text: "Interpreters for local languages during consultations.", tags: ["interpretation", "local languages"] },
  ],
  media: [
    { text: "Airtime on community radio and help turning reports into stories people listen to.", tags: ["community radio", "storytelling"] },
    { text: "Training in mobile journalism and fact-checking.", tags: ["media training", "fact-checking"] },
  ],
};

const NEEDS: Offer[] = [
  { text: "Legal support for members facing harassment cases.", tags: ["legal support", "security"] },
  { text: "Someone who can read company financial statements with us.", tags: ["financial analysis"] },
  { text: "Drone or satellite images of the mining area to document forest loss.", tags: ["remote sensing", "mapping"] },
  { text: "Funding for a water-testing laboratory we can trust.", tags: ["funding", "water testing"] },
  { text: "Training on beneficial ownership registers and how to search them.", tags: ["beneficial ownership", "training"] },
  { text: "Safe, cheap internet for our monitors in the uplands.", tags: ["connectivity", "digital security"] },
  { text: "Translation of technical reports into local languages.", tags: ["translation"] },
  { text: "Contacts in national agencies to follow up our complaints.", tags: ["government contacts", "advocacy"] },
  { text: "Psychosocial support for community leaders under threat.", tags: ["psychosocial support", "security"] },
  { text: "Help preparing a position paper for the next policy consultation.", tags: ["policy advocacy", "writing"] },
];

export interface ProfileExtras {
  province: string;
  themes: string[];
  languages: string[];
  offers: string;
  offerTags: string[];
  needs: string;
  needTags: string[];
  email: string;
}

export function profileExtras(input: { index: number; type: OrganisationType; region: string; place: string; sectors: readonly Sector[]; website: string; people?: string }): ProfileExtras {
  const { index: i, type, region, place, sectors } = input;
  const themes = [...new Set(sectors.flatMap((s, k) => THEMES_BY_SECTOR[s].slice((i + k) % 2, ((i + k) % 2) + 1 + ((i + k) % 3 === 0 ? 1 : 0))))];
  if (i % 4 === 0) themes.push(THEMES[(i * 5) % THEMES.length]!);
  const local = LANGUAGES_BY_REGION[region] ?? [];
  const languages = new Set<string>();
  if (i % 5 !== 3) languages.add("English");
  if (i % 3 !== 1 || local.length === 0) languages.add("Filipino");
  for (const [k, language] of local.entries()) if (k === 0 || (i + k) % 2 === 0) languages.add(language);
  if (input.people && (LANGUAGES as readonly string[]).includes(input.people)) languages.add(input.people);
  const offers = OFFERS[type];
  const offer = offers[i % offers.length]!;
  const need = NEEDS[(i * 7 + sectors.length) % NEEDS.length]!;
  // About one in eight profiles is still half-filled, as in a real network.
  const sparse = i % 8 === 6;
  return {
    province: place,
    themes: [...new Set(themes)],
    languages: [...languages],
    offers: sparse ? "" : offer.text,
    offerTags: sparse ? [] : offer.tags,
    needs: need.text,
    needTags: need.tags,
    email: `info@${new URL(input.website).host}`,
  };
}

/** The members module's settings for a demo coalition: its lists match what the seed writes. */
export function membersSettings(): Record<string, unknown> {
  return {
    publicDirectory: false,
    acceptApplications: true,
    organisationTypes: ORGANISATION_TYPES.join("\n"),
    regions: REGIONS.map((r) => r.name).join("\n"),
    sectors: SECTORS.join("\n"),
    themes: THEMES.join("\n"),
    languages: LANGUAGES.join("\n"),
  };
}
