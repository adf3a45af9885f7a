export interface DataSource {
    readonly package: string;
    readonly version: string;
    readonly license: string;
    /** Date the snapshot was generated (YYYY-MM-DD). */
    readonly generated: string;
}
/** The catalogue as stored: per service prefix, action name → `L|R|W|P|T[:type,type…]`, and resource type → ARN pattern. */
export interface CatalogueFile {
    readonly source: DataSource;
    readonly services: Readonly<Record<string, {
        readonly a: Readonly<Record<string, string>>;
        readonly r: Readonly<Record<string, string>>;
    }>>;
}
/** AWS managed policies as stored: name → path (`service-role/AWSLambdaRole`), default version id, document. */
export interface ManagedPoliciesFile {
    readonly source: DataSource;
    readonly policies: Readonly<Record<string, {
        readonly p: string;
        readonly v: string;
        readonly d: unknown;
    }>>;
}
/** The package's `data/` directory: next to the nearest package.json named credlint above this module. */
export declare function dataDirectory(): string;
export declare function loadCatalogueFile(): CatalogueFile;
export declare function loadManagedPoliciesFile(): ManagedPoliciesFile;
/**
 * The source versions of both snapshots, for reports (SARIF `tool.driver.properties`). Reads
 * only the first line of each file: a report must not pay for parsing the data.
 */
export declare function iamDataVersions(): {
    catalogue?: DataSource;
    managedPolicies?: DataSource;
};
