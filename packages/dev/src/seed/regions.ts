/**
 * Real Philippine regions and places, so demo data reads like the networks the portal is
 * for. Organisation names built from them are invented.
 */
export interface Region {
  name: string;
  /** How people name the area in an organisation's name. */
  short: string;
  places: readonly string[];
  /** Indigenous peoples of the region and a place where they live. */
  peoples: ReadonlyArray<readonly [people: string, place: string]>;
}

export const REGIONS: readonly Region[] = [
  { name: "Cordillera Administrative Region", short: "Cordillera", places: ["Benguet", "Ifugao", "Abra", "Kalinga", "Mountain Province", "Apayao", "Baguio"], peoples: [["Kankanaey", "Mountain Province"], ["Ibaloi", "Benguet"], ["Tingguian", "Abra"], ["Isneg", "Apayao"]] },
  { name: "Caraga", short: "Caraga", places: ["Surigao del Norte", "Agusan del Sur", "Surigao del Sur", "Dinagat Islands", "Butuan", "Agusan del Norte"], peoples: [["Manobo", "Agusan del Sur"], ["Mamanwa", "Surigao del Norte"], ["Higaonon", "Agusan del Norte"]] },
  { name: "MIMAROPA", short: "MIMAROPA", places: ["Palawan", "Oriental Mindoro", "Marinduque", "Romblon", "Occidental Mindoro"], peoples: [["Palaw'an", "Palawan"], ["Iraya Mangyan", "Oriental Mindoro"], ["Tagbanua", "Palawan"], ["Batak", "Palawan"]] },
  { name: "Central Visayas", short: "Central Visayas", places: ["Cebu", "Bohol", "Negros Oriental", "Siquijor", "Toledo"], peoples: [] },
  { name: "Davao Region", short: "Davao", places: ["Davao de Oro", "Davao Oriental", "Davao del Norte", "Mati", "Davao del Sur"], peoples: [["Mandaya", "Davao Oriental"], ["Mansaka", "Davao de Oro"], ["Ata-Manobo", "Davao del Norte"], ["Dibabawon", "Davao de Oro"]] },
  { name: "Bicol Region", short: "Bicol", places: ["Albay", "Camarines Norte", "Masbate", "Sorsogon", "Catanduanes"], peoples: [["Agta Tabangnon", "Camarines Norte"]] },
  { name: "Northern Mindanao", short: "Northern Mindanao", places: ["Bukidnon", "Misamis Oriental", "Iligan", "Camiguin", "Lanao del Norte"], peoples: [["Talaandig", "Bukidnon"], ["Higaonon", "Misamis Oriental"], ["Umayamnon", "Bukidnon"]] },
  { name: "SOCCSKSARGEN", short: "SOCCSKSARGEN", places: ["South Cotabato", "Sarangani", "Sultan Kudarat", "General Santos", "Cotabato"], peoples: [["B'laan", "Sarangani"], ["T'boli", "South Cotabato"], ["Tëduray", "Cotabato"]] },
  { name: "Zamboanga Peninsula", short: "Zamboanga", places: ["Zamboanga del Norte", "Zamboanga Sibugay", "Dipolog", "Zamboanga del Sur", "Pagadian"], peoples: [["Subanen", "Zamboanga del Norte"]] },
  { name: "National Capital Region", short: "Metro Manila", places: ["Quezon City", "Manila", "Pasig", "Marikina", "Caloocan"], peoples: [] },
  { name: "Eastern Visayas", short: "Eastern Visayas", places: ["Eastern Samar", "Leyte", "Southern Leyte", "Samar", "Guiuan"], peoples: [] },
  { name: "Cagayan Valley", short: "Cagayan Valley", places: ["Nueva Vizcaya", "Quirino", "Cagayan", "Isabela"], peoples: [["Bugkalot", "Nueva Vizcaya"], ["Agta", "Cagayan"], ["Isinai", "Nueva Vizcaya"]] },
];

/** Where a name such as "Coastal Resource Advocates" or "Upland Farmers" would be odd. */
export const LANDLOCKED = new Set(["Benguet", "Ifugao", "Abra", "Kalinga", "Mountain Province", "Apayao", "Baguio", "Bukidnon", "Nueva Vizcaya", "Quirino", "Marikina", "Quezon City", "Pasig", "Caloocan", "Agusan del Sur", "Cotabato"]);
export const URBAN = new Set(["Quezon City", "Manila", "Pasig", "Marikina", "Caloocan", "Baguio", "General Santos", "Iligan", "Butuan"]);
/** Places with Muslim communities, for interfaith and ulama organisations. */
export const MUSLIM_COMMUNITIES = new Set(["Lanao del Norte", "Iligan", "Cotabato", "Sultan Kudarat", "Zamboanga del Sur", "Zamboanga Sibugay", "Pagadian", "General Santos", "Sarangani", "Palawan", "Manila"]);

export const ORGANISATION_TYPES = [
  "NGO",
  "community-based organisation",
  "people's organisation",
  "network",
  "academic",
  "faith-based",
  "indigenous peoples' organisation",
  "media",
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

export const SECTORS = [
  "mining",
  "oil and gas",
  "environment",
  "indigenous peoples' rights",
  "land rights",
  "fiscal transparency",
  "women's rights",
  "labour",
  "health",
  "fisheries",
  "legal aid",
] as const;
export type Sector = (typeof SECTORS)[number];
