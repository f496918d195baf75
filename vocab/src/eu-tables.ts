// **eu-tables** the EU authority tables' codes that no npm package carries, written for dcat-harvest
// as facts (each table's codes at the version named), with the classes DCAT-AP expects of them:
// only those (no skos:Concept where no property asks for it), since a concept the data describes
// becomes a target of the shapes of every class it is given, and the tables here carry no labels.

/** A table of codes under one namespace, each concept typed with `classes`. */
export interface TableSpec {
  id: string;
  /** How messages name it: "the EU frequency table". */
  label: string;
  namespaces: string[];
  /** Full class IRIs every concept gets. */
  classes: string[];
  /** The table's release these codes were taken from, or the packages' versions. */
  version: string;
  source: string;
  /** Codes compare without regard to case (media types). */
  caseInsensitive?: boolean;
  codes: string[];
}

export const AUTHORITY = 'http://publications.europa.eu/resource/authority/';
const DCT = 'http://purl.org/dc/terms/';
const SKOS_CONCEPT = 'http://www.w3.org/2004/02/skos/core#Concept';

/** "OP_DATPRO" (provisional data) is in every EU table. */
const OP = 'OP_DATPRO';

const words = (s: string): string[] => s.trim().split(/\s+/);

/** The EU tables whose codes are listed here (language and country come from ISO packages). */
export const EU_TABLES: TableSpec[] = [
  {
    id: 'frequency',
    label: 'EU frequency table',
    namespaces: [AUTHORITY + 'frequency/'],
    classes: [DCT + 'Frequency'],
    version: '20220601-0',
    source: 'EU Vocabularies, Frequency NAL',
    codes: words(`1MIN 5MIN 10MIN 15MIN 30MIN HOURLY BIHOURLY TRIHOURLY 12HRS DAILY DAILY_2
      WEEKLY WEEKLY_2 WEEKLY_3 BIWEEKLY MONTHLY MONTHLY_2 MONTHLY_3 BIMONTHLY QUARTERLY ANNUAL
      ANNUAL_2 ANNUAL_3 BIENNIAL TRIENNIAL QUADRENNIAL QUINQUENNIAL DECENNIAL BIDECENNIAL
      TRIDECENNIAL CONT UPDATE_CONT IRREG NEVER UNKNOWN OTHER ${OP}`),
  },
  {
    id: 'file-type',
    label: 'EU file type table',
    namespaces: [AUTHORITY + 'file-type/'],
    classes: [DCT + 'MediaTypeOrExtent'],
    version: '20171213-0 with later additions',
    source: 'EU Vocabularies, File type NAL',
    codes: words(`7Z ARC ARC_GZ ATOM AZW BIN BMP BWF CSS CSV DBF DCR DMP DOC DOCX DTD_SGML
      DTD_XML DXF E00 ECW EPS EPUB FMX2 FMX3 FMX4 GDB GEOJSON GEOTIFF GIF GML GMZ GPKG GRID
      GRID_ASCII GZIP HDF HTML HTML_SIMPL INDD INTERLIS JPEG JPEG2000 JSON JSON_LD KML KMZ LAS
      LAZ MAP_PRVW MAP_SRVC MBOX MDB METS METS_ZIP MHTML MOBI MOP MP3 MPEG2 MPEG4 MPEG4_AVC
      MSG_HTTP MXD N3 NETCDF OCTET ODB ODC ODF ODG ODS ODT OVF OWL PARQUET PDF PDF1X PDFA1A
      PDFA1B PDFA2A PDFA2B PDFA3 PDFX PDFX1A PDFX2A PDFX4 PNG PPS PPSX PPT PPTX PS PSD RDF RDFA
      RDF_N_QUADS RDF_N_TRIPLES RDF_TRIG RDF_TURTLE RDF_XML REST RSS RTF SCHEMA_XML SDMX SGML
      SHP SKOS_XML SPARQLQ SPARQLQRES SQL SVG TAB TAB_RSTR TAR TAR_GZ TAR_XZ TIFF TIFF_FX TMX
      TSV TXT WARC WARC_GZ WFS_SRVC WMS_SRVC WMTS_SRVC WORLD XHTML XHTML_SIMPL XLIFF XLS XLSX
      XML XSLFO XSLT XYZ YAML ZIP ${OP}`),
  },
  {
    id: 'licence',
    label: 'EU licence table',
    namespaces: [AUTHORITY + 'licence/'],
    classes: [DCT + 'LicenseDocument'],
    version: '20210922-0',
    source: 'EU Vocabularies, Licence NAL',
    codes: words(`CC_BY_4_0 CC_BYSA_4_0 CC_BYNC_4_0 CC_BYNCSA_4_0 CC_BYND_4_0 CC_BYNCND_4_0
      CC_BY_3_0 CC_BYSA_3_0 CC_BYNC_3_0 CC_BYNCSA_3_0 CC_BYND_3_0 CC_BYNCND_3_0 CC0 CC_PDM_1_0
      ODC_BY ODC_BL ODC_PDDL OGL_3_0 GNU_FDL_1_3 EUPL_1_0 EUPL_1_1 EUPL_1_2 APACHE_2_0 MIT
      GPL_2_0 GPL_3_0 LGPL_3_0 AGPL_3_0 BSD_2_CLAUSE BSD_3_CLAUSE MPL_2_0 ISC COM_REUSE
      ${OP}`),
  },
  {
    id: 'access-right',
    label: 'EU access right table',
    namespaces: [AUTHORITY + 'access-right/'],
    classes: [DCT + 'RightsStatement'],
    version: '20220316-0',
    source: 'EU Vocabularies, Access right NAL',
    codes: words(`PUBLIC RESTRICTED NON_PUBLIC CONFIDENTIAL SENSITIVE NORMAL ${OP}`),
  },
  {
    id: 'data-theme',
    label: 'EU data theme table',
    namespaces: [AUTHORITY + 'data-theme/'],
    classes: [SKOS_CONCEPT],
    version: '20220715-0',
    source: 'EU Vocabularies, Data theme NAL',
    codes: words(`AGRI ECON EDUC ENER ENVI GOVE HEAL INTR JUST REGI SOCI TECH TRAN ${OP}`),
  },
  {
    id: 'dataset-type',
    label: 'EU dataset type table',
    namespaces: [AUTHORITY + 'dataset-type/'],
    classes: [SKOS_CONCEPT],
    version: '20231214-0',
    source: 'EU Vocabularies, Dataset type NAL',
    codes: words(`APROF ATTO_LEX ATTO_PUB CODE_LIST CORE_COMP DIRECTORY DOMAIN_MODEL DSCRP_SERV
      GEOSPATIAL GLOSSARY HVD IEPD MAPPING NAL ONTOLOGY RELEASE SCHEMA STATISTICAL STYLES
      SYNTAX_ECD_SCHEME SYNTHETIC_DATA TAXONOMY TEST_DATA THESAURUS ${OP}`),
  },
  {
    id: 'planned-availability',
    label: 'EU planned availability table',
    namespaces: [AUTHORITY + 'planned-availability/'],
    classes: [SKOS_CONCEPT],
    version: '20220316-0',
    source: 'EU Vocabularies, Planned availability NAL',
    codes: words(`AVAILABLE EXPERIMENTAL STABLE TEMPORARY ${OP}`),
  },
  {
    id: 'distribution-status',
    label: 'EU distribution status table',
    namespaces: [AUTHORITY + 'distribution-status/'],
    classes: [SKOS_CONCEPT],
    version: '20220316-0',
    source: 'EU Vocabularies, Distribution status NAL',
    codes: words(`COMPLETED DEPRECATED DEVELOP WITHDRAWN ${OP}`),
  },
  {
    id: 'dataset-status',
    label: 'EU dataset status table',
    namespaces: [AUTHORITY + 'dataset-status/'],
    classes: [SKOS_CONCEPT],
    version: '20220316-0',
    source: 'EU Vocabularies, Dataset status NAL',
    codes: words(`COMPLETED DEPRECATED DEVELOP WITHDRAWN ${OP}`),
  },
  {
    id: 'continent',
    label: 'EU continent table',
    namespaces: [AUTHORITY + 'continent/'],
    classes: [DCT + 'Location'],
    version: '20220316-0',
    source: 'EU Vocabularies, Continent NAL',
    codes: words(`AFRICA AMERICA ANTARCTICA ASIA EUROPE OCEANIA NORTH_AMERICA SOUTH_AMERICA
      CENTRAL_AMERICA ${OP}`),
  },
];

/** The HVD category scheme (http://data.europa.eu/bna/asd487ae75): its top concepts and their narrower ones. */
export const HVD_CATEGORIES: TableSpec = {
  id: 'hvd-category',
  label: 'EU high-value dataset category table',
  namespaces: ['http://data.europa.eu/bna/'],
  classes: [SKOS_CONCEPT],
  version: '2023-09-27',
  source: 'EU Vocabularies, High-value dataset categories (asd487ae75)',
  codes: words(`
    c_03ba8d92 c_04bf94a3 c_06b1eec4 c_1226dc1a c_13e3cf16 c_164e0bf5 c_1e787364 c_2037ada4
    c_20cd11bb c_23385471 c_25f43866 c_298ffb73 c_2aed31f9 c_315692ad c_317b9493 c_34abf8c1
    c_36807466 c_38933a65 c_3af3368c c_3e8e3bf7 c_407951ff c_424bb0b4 c_43f88346 c_4ac557e7
    c_4acb6bf3 c_4b74ea13 c_4ba9548e c_4d63300b c_4dd389c5 c_56a1bf47 c_593bc53d c_59627af3
    c_59c93ba5 c_59e64dd4 c_60182062 c_63b37dd4 c_63be22bd c_642643e6 c_664c9e5a c_66b946cb
    c_6a3f6896 c_6a7250c1 c_6c2bb82d c_793164b6 c_7b8fbb64 c_7e19ef26 c_83aa10a6 c_87a129d9
    c_883d0205 c_8f0fac04 c_91185a85 c_92874eb2 c_9427236f c_95da87c7 c_99bc517f c_9cbe4435
    c_a2c6dcd8 c_a3767648 c_a49ec591 c_a8b937c4 c_a9135398 c_ac64a52d c_ad9ae929 c_af646f5b
    c_b121e2f6 c_b151a0ba c_b21e1296 c_b24028d7 c_b40e6d46 c_b72b721f c_b79e35eb c_b7de66cd
    c_b7f6a4f3 c_bc8941d9 c_be47b010 c_c0022235 c_c19af83a c_c3919aec c_c3de25e4 c_c873f344
    c_d13a4420 c_dd313021 c_dd8f4797 c_e1da4e07 c_e3f55603 c_e4358335 c_e50004c6 c_e5f69a04
    c_f2b50efd c_f399050e c_f6886b00 c_f76b01e6 c_fa2a1c3a c_fbd2fc3f c_fd4e881c c_fef208ab`),
};
