import type { SourceDocument } from '../src/engine/document.js';
import { type CredentialSlotKind } from '../src/js/sdk-credentials.js';
interface Slot {
    readonly kind: CredentialSlotKind;
    readonly api: string;
    readonly value: string;
    readonly start: number;
    readonly end: number;
    readonly valueStart: number;
    readonly valueEnd: number;
}
/** Slots of a document: the JS/TS tree for `javascript`, the token matchers for the other SDK languages. */
export declare function sdkCredentialSlots(doc: SourceDocument): readonly Slot[];
declare const _default: import("../src/rule.js").Rule<{}>;
export default _default;
