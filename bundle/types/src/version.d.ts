export declare const TOOL_NAME: string;
export declare const VERSION: string;
export declare const INFORMATION_URI = "https://github.com/credlint/credlint";
