// The regions a contact or playbook may name: the US and Canada, each US state,
// DC and territory, each Canadian province and territory (ISO 3166-2 codes).
export const REGIONS = [
  ['US', 'United States (federal rule)'], ['CA', 'Canada (federal rule)'],
  ['US-AL', 'Alabama'], ['US-AK', 'Alaska'], ['US-AZ', 'Arizona'], ['US-AR', 'Arkansas'], ['US-CA', 'California'],
  ['US-CO', 'Colorado'], ['US-CT', 'Connecticut'], ['US-DE', 'Delaware'], ['US-DC', 'District of Columbia'],
  ['US-FL', 'Florida'], ['US-GA', 'Georgia'], ['US-HI', 'Hawaii'], ['US-ID', 'Idaho'], ['US-IL', 'Illinois'],
  ['US-IN', 'Indiana'], ['US-IA', 'Iowa'], ['US-KS', 'Kansas'], ['US-KY', 'Kentucky'], ['US-LA', 'Louisiana'],
  ['US-ME', 'Maine'], ['US-MD', 'Maryland'], ['US-MA', 'Massachusetts'], ['US-MI', 'Michigan'], ['US-MN', 'Minnesota'],
  ['US-MS', 'Mississippi'], ['US-MO', 'Missouri'], ['US-MT', 'Montana'], ['US-NE', 'Nebraska'], ['US-NV', 'Nevada'],
  ['US-NH', 'New Hampshire'], ['US-NJ', 'New Jersey'], ['US-NM', 'New Mexico'], ['US-NY', 'New York'],
  ['US-NC', 'North Carolina'], ['US-ND', 'North Dakota'], ['US-OH', 'Ohio'], ['US-OK', 'Oklahoma'], ['US-OR', 'Oregon'],
  ['US-PA', 'Pennsylvania'], ['US-RI', 'Rhode Island'], ['US-SC', 'South Carolina'], ['US-SD', 'South Dakota'],
  ['US-TN', 'Tennessee'], ['US-TX', 'Texas'], ['US-UT', 'Utah'], ['US-VT', 'Vermont'], ['US-VA', 'Virginia'],
  ['US-WA', 'Washington'], ['US-WV', 'West Virginia'], ['US-WI', 'Wisconsin'], ['US-WY', 'Wyoming'],
  ['US-AS', 'American Samoa'], ['US-GU', 'Guam'], ['US-MP', 'Northern Mariana Islands'], ['US-PR', 'Puerto Rico'],
  ['US-VI', 'U.S. Virgin Islands'],
  ['CA-AB', 'Alberta'], ['CA-BC', 'British Columbia'], ['CA-MB', 'Manitoba'], ['CA-NB', 'New Brunswick'],
  ['CA-NL', 'Newfoundland and Labrador'], ['CA-NS', 'Nova Scotia'], ['CA-NT', 'Northwest Territories'],
  ['CA-NU', 'Nunavut'], ['CA-ON', 'Ontario'], ['CA-PE', 'Prince Edward Island'], ['CA-QC', 'Quebec'],
  ['CA-SK', 'Saskatchewan'], ['CA-YT', 'Yukon'],
];

export const REGION_NAMES = Object.fromEntries(REGIONS);

/** Zones a rep can pick for a contact ("" = not known: the engine goes by the region). */
export const ZONES = [
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
  'Pacific/Honolulu', 'America/Puerto_Rico', 'America/Halifax', 'America/St_Johns', 'America/Toronto', 'America/Winnipeg',
  'America/Regina', 'America/Edmonton', 'America/Vancouver',
];
