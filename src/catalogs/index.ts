/**
 * **dcat-harvest/catalogs**: `run` over many catalogs in one process — the catalogs file, one
 * report folder per catalog, the overview, cross-catalog duplicates and changes since a run.
 *
 * @module dcat-harvest/catalogs
 */
export { CATALOG_OPTION_NAMES, mergeOptions } from './catalog-options.js';
export type { CatalogEntry, CatalogOptions } from './catalog-options.js';
export { CATALOGS_SCHEMA_FILE, readCatalogsFile } from './catalogs-file.js';
export { idForSource, idsForSources } from './ids.js';
export { runCatalog, CHANGES_FILE, CATALOG_ROW_FILE } from './run-catalog.js';
export type { CatalogRunContext } from './run-catalog.js';
export { runCatalogs, writeOverview, overviewFiles, OVERVIEW_FILES } from './run-catalogs.js';
export type { CatalogsRunOptions } from './run-catalogs.js';
export type { SharedRunOptions, Thresholds } from './run-options.js';
export { OVERVIEW_SCHEMA } from './overview-model.js';
export type { CatalogRow, CatalogStatus, Overview } from './overview-model.js';
export { DATASET_INDEX_FILE, readDatasetIndex, writeDatasetIndex } from './dataset-index.js';
export type { IndexedDataset, IndexedPage } from './dataset-index.js';
export { compareIndexes } from './changes.js';
export type { CatalogChanges, DatasetChange, Drift } from './changes.js';
export { DuplicateFinder, DUPLICATES_FILE } from './duplicates.js';
export type { DuplicateGroup, DuplicateMember, DuplicatesSection } from './duplicates.js';
