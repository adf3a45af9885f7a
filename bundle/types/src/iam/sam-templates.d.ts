import type { IacValue, Range } from '../iac/value.js';
/**
 * The statements of a SAM policy template in IAM JSON shape, every range at the template's
 * name; parameters become placeholders (partly known ARNs). undefined for a template not in the table.
 */
export declare function samPolicyTemplate(name: string, params: IacValue, at: Range): IacValue[] | undefined;
