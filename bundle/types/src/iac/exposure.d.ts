import type { GraphNode, ResourceGraph } from './graph.js';
import type { IacValue, Range } from './value.js';
export interface Step {
    readonly range: Range;
    readonly message: string;
}
/** A node's properties as one value for both formats: Terraform attributes, and nested blocks as lists of maps. */
export declare function propertiesOf(node: GraphNode): IacValue | undefined;
/** The steps that make a node reachable from the internet, or undefined. */
export declare function exposureOf(graph: ResourceGraph, node: GraphNode): Step[] | undefined;
