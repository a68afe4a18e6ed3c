/** Roles and country scopes in the interface language. */
import { countryName, t, type TextKey } from '@/lib/i18n/i18n';
import type { CountryScope } from '@/lib/access/country-scope';
import type { Role } from '@/lib/access/roles';
import type { Language } from '@/lib/url/view-state';

const ROLE_NAME: Record<Role, TextKey> = {
  viewer: 'roleNameViewer',
  analyst: 'roleNameAnalyst',
  editor: 'roleNameEditor',
  admin: 'roleNameAdmin',
};
/** What each role may do, for the role picker. */
export const ROLE_TEXT: Record<Role, TextKey> = { viewer: 'roleViewer', analyst: 'roleAnalyst', editor: 'roleEditor', admin: 'roleAdmin' };

export const roleName = (lang: Language, role: Role): string => t(lang, ROLE_NAME[role]);

export function scopeText(lang: Language, scope: CountryScope): string {
  if (scope === 'all') return t(lang, 'allCountries');
  return scope.length ? scope.map((c) => countryName(lang, c)).join(', ') : t(lang, 'noCountry');
}
