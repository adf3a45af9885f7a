import type { ResolvedConfig } from '../config.js';
import type { DiscoveredFile } from './discover.js';
import type { FileResult } from './types.js';
/** Whether the compiled worker exists (it does not when running TypeScript sources directly). */
export declare function workersAvailable(): boolean;
export declare function scanInWorkers(files: readonly DiscoveredFile[], config: ResolvedConfig, threads: number, reportUnusedSuppressions: boolean, onFileDone?: (done: number) => void): Promise<FileResult[]>;
