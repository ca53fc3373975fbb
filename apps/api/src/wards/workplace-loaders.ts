import type DataLoader from 'dataloader';
import type { RequestLoaders } from '../common/loaders.js';
import type { Site } from '../sites/site.entity.js';
import type { SiteService } from '../sites/site.service.js';
import type { Ward } from './ward.entity.js';
import type { WardService } from './ward.service.js';

/**
 * The request's wards and sites by id (reference data of the caller's organisation), one loader of
 * each for every field that reads them: a page of contacts primes them (ContactPrefetches), so all
 * readers must share these names.
 */
export function wardById(loaders: RequestLoaders, wards: WardService): DataLoader<string, Ward | null> {
  return loaders.get<string, Ward | null>('ward.byId', (ids, user) => wards.byIds(ids, user));
}

export function siteById(loaders: RequestLoaders, sites: SiteService): DataLoader<string, Site | null> {
  return loaders.get<string, Site | null>('site.byId', (ids, user) => sites.byIds(ids, user));
}
