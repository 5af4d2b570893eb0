import { profileExtras, type ProfileExtras } from "./profiles.ts";
import { LANDLOCKED, MUSLIM_COMMUNITIES, REGIONS, URBAN, type OrganisationType, type Region, type Sector } from "./regions.ts";

export interface DemoOrganisation extends ProfileExtras {
  /** Stable within its coalition, so tests and accounts can point at an organisation. */
  key: string;
  name: string;
  acronym: string;
  type: OrganisationType;
  region: string;
  sectors: Sector[];
  website: string;
  foundedYear: number;
  description: string;
}

type Need = "coast" | "countryside" | "muslim";

interface Template {
  name: string;
  sectors: Sector[];
  needs?: Need;
}

function fits(place: string, need: Need | undefined): boolean {
  if (need === "coast") return !LANDLOCKED.has(place);
  if (need === "countryside") return !URBAN.has(place);
  if (need === "muslim") return MUSLIM_COMMUNITIES.has(place);
  return true;
}

/**
 * Ten name patterns per organisation type, each used once across the 80 members, so names
 * are unique by construction and no run differs from another. `{place}`, `{area}` (the
 * region as people say it) and `{people}` are filled from REGIONS.
 */
const TEMPLATES: Record<OrganisationType, Template[]> = {
  NGO: [
    { name: "{place} Environmental Justice Centre", sectors: ["environment", "legal aid", "mining"] },
    { name: "Foundation for Responsible Resource Governance in {place}", sectors: ["mining", "fiscal transparency"] },
    { name: "{place} Institute for Ecology and Development", sectors: ["environment", "fisheries"] },
    { name: "Lingkod Kalikasan Foundation of {place}", sectors: ["environment", "health"] },
    { name: "Centre for Extractive Industry Monitoring, {place}", sectors: ["mining", "oil and gas", "fiscal transparency"] },
    { name: "{place} Alliance for Sustainable Livelihoods", sectors: ["land rights", "environment"] },
    { name: "Green Watershed Initiative of {place}", sectors: ["environment", "mining"] },
    { name: "{place} Budget Watch", sectors: ["fiscal transparency"] },
    { name: "Tanggol Likas-Yaman Legal Centre of {place}", sectors: ["legal aid", "land rights", "indigenous peoples' rights"] },
    { name: "{place} Coastal Resource Advocates", sectors: ["fisheries", "oil and gas", "environment"], needs: "coast" },
  ],
  "community-based organisation": [
    { name: "Samahan ng Nagkakaisang Mamamayan ng {place}", sectors: ["mining", "land rights"] },
    { name: "{place} Upland Farmers' Association", sectors: ["land rights", "environment"], needs: "countryside" },
    { name: "Barangay Watch Group of {place}", sectors: ["mining", "fiscal transparency"] },
    { name: "{place} Small-Scale Miners' Association", sectors: ["mining", "labour", "health"], needs: "countryside" },
    { name: "Kababaihan para sa Kalikasan ng {place}", sectors: ["women's rights", "environment"] },
    { name: "{place} River Guardians", sectors: ["environment", "health"] },
    { name: "{place} Community Health Volunteers", sectors: ["health", "mining"] },
    { name: "Nagkakaisang Mangingisda ng {place}", sectors: ["fisheries", "oil and gas"], needs: "coast" },
    { name: "{place} Youth for the Environment", sectors: ["environment"] },
    { name: "{place} Water Users' Cooperative", sectors: ["environment", "health"] },
  ],
  "people's organisation": [
    { name: "{place} Peasant Movement", sectors: ["land rights", "mining"], needs: "countryside" },
    { name: "Alyansa ng Magsasaka sa {place}", sectors: ["land rights"], needs: "countryside" },
    { name: "{place} Federation of Fisherfolk", sectors: ["fisheries", "oil and gas"], needs: "coast" },
    { name: "{place} Urban Poor Alliance", sectors: ["land rights", "fiscal transparency"] },
    { name: "Kilusan ng mga Manggagawa sa Mina ng {place}", sectors: ["labour", "mining", "health"] },
    { name: "{place} Women Workers' Union", sectors: ["labour", "women's rights"] },
    { name: "{place} Rural Women's Congress", sectors: ["women's rights", "land rights"], needs: "countryside" },
    { name: "{place} Organisation of Displaced Communities", sectors: ["land rights", "mining", "legal aid"] },
    { name: "Pagkakaisa ng Katutubo at Magsasaka ng {place}", sectors: ["indigenous peoples' rights", "land rights"] },
    { name: "{place} Tenants and Farmworkers League", sectors: ["land rights", "labour"], needs: "countryside" },
  ],
  network: [
    { name: "{area} Mining Watch Network", sectors: ["mining", "environment"] },
    { name: "{area} Network for Extractives Transparency", sectors: ["fiscal transparency", "mining", "oil and gas"] },
    { name: "{area} Coalition for Fiscal Accountability", sectors: ["fiscal transparency"] },
    { name: "{area} Legal Aid Network", sectors: ["legal aid", "land rights"] },
    { name: "{area} Women and Environment Network", sectors: ["women's rights", "environment"] },
    { name: "{area} Watershed Defenders Network", sectors: ["environment", "mining"] },
    { name: "{area} Network of Community Paralegals", sectors: ["legal aid", "indigenous peoples' rights"] },
    { name: "{area} Health and Environment Alliance", sectors: ["health", "environment"] },
    { name: "{area} Coastal Communities Network", sectors: ["fisheries", "oil and gas"] },
    { name: "{area} Civil Society Budget Network", sectors: ["fiscal transparency", "women's rights"] },
  ],
  academic: [
    { name: "Institute for Mining Policy Studies, {place}", sectors: ["mining", "fiscal transparency"] },
    { name: "{place} Centre for Local Governance Research", sectors: ["fiscal transparency"] },
    { name: "Environmental Science Research Unit, {place} Polytechnic College", sectors: ["environment", "health"] },
    { name: "{place} Policy Lab on Natural Resources", sectors: ["mining", "oil and gas"] },
    { name: "Programme on Land and Indigenous Studies, {place} College", sectors: ["land rights", "indigenous peoples' rights"] },
    { name: "{place} Public Finance Research Group", sectors: ["fiscal transparency", "oil and gas"] },
    { name: "Coastal Ecology Laboratory of {place}", sectors: ["fisheries", "environment"], needs: "coast" },
    { name: "{place} Centre for Occupational Health Studies", sectors: ["health", "labour"] },
    { name: "Law Clinic for Environmental Rights, {place}", sectors: ["legal aid", "environment"] },
    { name: "{place} Gender and Development Research Institute", sectors: ["women's rights", "mining"] },
  ],
  "faith-based": [
    { name: "{place} Interfaith Forum for Creation Care", sectors: ["environment"] },
    { name: "Diocesan Ecology Ministry of {place}", sectors: ["environment", "mining"] },
    { name: "{place} Ecumenical Centre for Justice and Peace", sectors: ["legal aid", "land rights"] },
    { name: "Kapatiran sa Pananampalataya ng {place}", sectors: ["health", "environment"] },
    { name: "{place} Muslim-Christian Dialogue for the Environment", sectors: ["environment", "indigenous peoples' rights"], needs: "muslim" },
    { name: "Laudato Si' Circle of {place}", sectors: ["environment", "women's rights"] },
    { name: "{place} Churches' Social Action Council", sectors: ["mining", "labour"] },
    { name: "Mission Sisters' Ecology Desk, {place}", sectors: ["women's rights", "health"] },
    { name: "{place} Evangelical Network for Stewardship", sectors: ["environment", "fiscal transparency"] },
    { name: "Council of Ulama for Environmental Stewardship, {place}", sectors: ["environment", "fisheries"], needs: "muslim" },
  ],
  "indigenous peoples' organisation": [
    { name: "{people} Council of Elders of {place}", sectors: ["indigenous peoples' rights", "land rights"] },
    { name: "{people} Ancestral Domain Defenders", sectors: ["indigenous peoples' rights", "mining"] },
    { name: "{people} Women's Association of {place}", sectors: ["women's rights", "indigenous peoples' rights"] },
    { name: "Federation of {people} Communities in {place}", sectors: ["indigenous peoples' rights", "land rights"] },
    { name: "{people} Tribal Council for Land and Life", sectors: ["land rights", "mining"] },
    { name: "{people} Youth Heritage Organisation", sectors: ["indigenous peoples' rights", "environment"] },
    { name: "{people} Indigenous Knowledge Keepers of {place}", sectors: ["indigenous peoples' rights", "environment"] },
    { name: "{people} Ancestral Land Claimants' Association", sectors: ["land rights", "legal aid"] },
    { name: "{people} Customary Governance Council of {place}", sectors: ["indigenous peoples' rights", "fiscal transparency"] },
    { name: "{people} Peoples' Assembly of {place}", sectors: ["indigenous peoples' rights", "mining", "health"] },
  ],
  media: [
    { name: "{place} Community Radio Collective", sectors: ["mining", "environment"] },
    { name: "Bantay Minahan News of {place}", sectors: ["mining", "fiscal transparency"] },
    { name: "{place} Investigative Reporting Centre", sectors: ["fiscal transparency", "oil and gas"] },
    { name: "{place} Citizen Journalists' Network", sectors: ["mining", "land rights"] },
    { name: "Tinig ng Bundok Community Radio, {place}", sectors: ["indigenous peoples' rights", "environment"] },
    { name: "{place} Data Journalism Hub", sectors: ["fiscal transparency"] },
    { name: "{place} Environmental Reporters' Forum", sectors: ["environment", "fisheries"] },
    { name: "Kwentong Baryo Media Collective of {place}", sectors: ["women's rights", "labour"] },
    { name: "{place} Indigenous Voices Podcast", sectors: ["indigenous peoples' rights"] },
    { name: "{place} Public Interest Media Lab", sectors: ["fiscal transparency", "health"] },
  ],
};

const TYPE_ORDER = Object.keys(TEMPLATES) as OrganisationType[];
const MINOR_WORDS = new Set(["of", "for", "and", "the", "in", "ng", "sa", "para", "at", "mga", "on"]);

export function acronymOf(name: string): string {
  return name
    .split(/[\s,–-]+/)
    .filter((word) => word && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word.replace(/[^\p{L}]/gu, "").charAt(0).toUpperCase())
    .join("");
}

function slug(text: string): string {
  return text.normalize("NFKD").replace(/[^\w\s-]/g, "").trim().toLowerCase().replace(/[\s_]+/g, "-");
}

function sectorsText(sectors: readonly string[]): string {
  if (sectors.length < 2) return sectors[0] ?? "";
  return `${sectors.slice(0, -1).join(", ")} and ${sectors.at(-1)}`;
}

function describe(type: OrganisationType, place: string, region: Region, people: string, sectors: Sector[], index: number): string {
  const s = sectorsText(sectors);
  switch (type) {
    case "NGO":
      return `A non-governmental organisation in ${place} working on ${s}; runs community trainings and files information requests with local governments.`;
    case "community-based organisation":
      return `Residents of ${place} organised around ${s}, monitoring what happens in their barangays and reporting back to assemblies.`;
    case "people's organisation":
      return `A people's organisation of about ${120 + ((index * 53) % 900)} members in ${place}, campaigning on ${s}.`;
    case "network":
      return `Brings together ${8 + ((index * 7) % 30)} local groups across ${region.name} to work jointly on ${s}.`;
    case "academic":
      return `Research and teaching on ${s}, with field studies in ${place} shared openly with communities.`;
    case "faith-based":
      return `Faith communities in ${place} acting together on ${s}, with pastoral support for affected families.`;
    case "indigenous peoples' organisation":
      return `The ${people} of ${place}, defending their ancestral domain and speaking for their communities on ${s}.`;
    case "media":
      return `Independent reporting from ${place} on ${s}, in English and local languages.`;
  }
}

function fill(template: string, place: string, region: Region, people: string): string {
  return template.replaceAll("{place}", place).replaceAll("{area}", region.short).replaceAll("{people}", people);
}

const WITH_PEOPLES = REGIONS.filter((r) => r.peoples.length > 0);

/** Regions rotate with the index; a name that needs a coast or countryside walks on to the next place that has one. */
function placeFor(index: number, need: Need | undefined): [Region, string] {
  for (let step = 0; step < REGIONS.length; step++) {
    const region = REGIONS[(index + step) % REGIONS.length]!;
    const start = Math.floor(index / REGIONS.length);
    for (let k = 0; k < region.places.length; k++) {
      const place = region.places[(start + k) % region.places.length]!;
      if (fits(place, need)) return [region, place];
    }
  }
  throw new Error(`No place fits ${need}`);
}

/**
 * The 80 members of the Open Extractives Alliance: types take turns, regions rotate, and
 * indigenous peoples' organisations come from regions with indigenous peoples. Pure
 * arithmetic on the index, so every run produces the same list.
 */
export function openExtractivesOrganisations(): DemoOrganisation[] {
  const organisations: DemoOrganisation[] = [];
  const websites = new Set<string>();
  for (let i = 0; i < 80; i++) {
    const type = TYPE_ORDER[i % TYPE_ORDER.length]!;
    const round = Math.floor(i / TYPE_ORDER.length);
    const template = TEMPLATES[type][round]!;
    let region: Region;
    let place: string;
    let people = "";
    if (type === "indigenous peoples' organisation") {
      region = WITH_PEOPLES[round % WITH_PEOPLES.length]!;
      const [who, where] = region.peoples[Math.floor(round / WITH_PEOPLES.length) % region.peoples.length]!;
      people = who;
      place = where;
    } else {
      [region, place] = placeFor(i, template.needs);
    }
    const name = fill(template.name, place, region, people);
    const acronym = acronymOf(name);
    let host = slug(acronym);
    if (websites.has(host)) host = `${host}-${slug(place)}`;
    websites.add(host);
    const website = `https://${host}.example.org`;
    organisations.push({
      key: `oea-${String(i + 1).padStart(2, "0")}`,
      name,
      acronym,
      type,
      region: region.name,
      sectors: template.sectors,
      website,
      foundedYear: 1978 + ((i * 37) % 45),
      description: describe(type, place, region, people, template.sectors, i),
      ...profileExtras({ index: i, type, region: region.name, place, sectors: template.sectors, website, people }),
    });
  }
  return organisations;
}

const MINDANAO: Array<Omit<DemoOrganisation, "key" | "acronym" | "website" | "foundedYear" | "description" | keyof ProfileExtras> & { description?: string; place: string }> = [
  { name: "Sarangani Highlands B'laan Council", type: "indigenous peoples' organisation", region: "SOCCSKSARGEN", place: "Sarangani", sectors: ["indigenous peoples' rights", "mining"] },
  { name: "Surigao Fisherfolk for Clean Seas", type: "people's organisation", region: "Caraga", place: "Surigao del Norte", sectors: ["fisheries", "mining"] },
  { name: "Davao de Oro Small-Scale Miners' Safety Circle", type: "community-based organisation", region: "Davao Region", place: "Davao de Oro", sectors: ["labour", "health", "mining"] },
  { name: "Agusan Marsh Communities Alliance", type: "network", region: "Caraga", place: "Agusan del Sur", sectors: ["environment", "land rights"] },
  { name: "Subanen Ancestral Domain Watch", type: "indigenous peoples' organisation", region: "Zamboanga Peninsula", place: "Zamboanga del Norte", sectors: ["indigenous peoples' rights", "land rights"] },
  { name: "Bukidnon Upland Farmers' Assembly", type: "people's organisation", region: "Northern Mindanao", place: "Bukidnon", sectors: ["land rights", "environment"] },
  { name: "Tandag Women for Environmental Justice", type: "community-based organisation", region: "Caraga", place: "Surigao del Sur", sectors: ["women's rights", "environment"] },
  { name: "Mindanao Community Legal Aid Collective", type: "NGO", region: "Davao Region", place: "Davao del Sur", sectors: ["legal aid", "mining"] },
  { name: "Iligan Bay Watershed Guardians", type: "community-based organisation", region: "Northern Mindanao", place: "Iligan", sectors: ["environment", "fisheries"] },
  { name: "Mati Community Radio Cooperative", type: "media", region: "Davao Region", place: "Mati", sectors: ["mining", "indigenous peoples' rights"] },
  { name: "Cotabato Interfaith Ecology Forum", type: "faith-based", region: "SOCCSKSARGEN", place: "Cotabato", sectors: ["environment", "health"] },
  { name: "Dinagat Island Nickel Communities Association", type: "people's organisation", region: "Caraga", place: "Dinagat Islands", sectors: ["mining", "health", "fisheries"] },
];

export function mindanaoOrganisations(): DemoOrganisation[] {
  return MINDANAO.map((o, i) => {
    const region = REGIONS.find((r) => r.name === o.region)!;
    const acronym = acronymOf(o.name);
    const website = `https://${slug(acronym)}-mindanao.example.org`;
    const people = region.peoples.find(([, where]) => where === o.place)?.[0] ?? region.peoples[0]?.[0] ?? "";
    return {
      key: `mmcp-${String(i + 1).padStart(2, "0")}`,
      name: o.name,
      acronym,
      type: o.type,
      region: o.region,
      sectors: o.sectors,
      website,
      foundedYear: 1992 + ((i * 11) % 30),
      description: describe(o.type, o.place, region, people, o.sectors, i + 80),
      ...profileExtras({ index: i + 80, type: o.type, region: o.region, place: o.place, sectors: o.sectors, website, people }),
    };
  });
}
