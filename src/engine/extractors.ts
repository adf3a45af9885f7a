// Extractors find documents embedded in a document (user data in a template, a RUN heredoc
// in a Dockerfile, runcmd in cloud-init) and return them as virtual documents whose offsets
// map back to the host. The engine scans each one with every rule that handles its kind.
import type { FileKind } from '../kinds.js';
import type { SourceDocument } from './document.js';
import type { Notification } from './types.js';
import { cloudFormationSyntaxExtractor, cloudFormationUserDataExtractor, terraformSyntaxExtractor, terraformUserDataExtractor } from '../iac/user-data.js';
import { dockerfileRunExtractor } from '../parsers/dockerfile.js';
import { cloudInitExtractor } from '../parsers/cloud-init.js';
import { multipartUserDataExtractor } from '../parsers/user-data.js';
import { heredocFileExtractor } from '../parsers/shell.js';
import { kubernetesSecretExtractor } from '../parsers/kubernetes.js';
import { calledScriptExtractor } from '../parsers/called-scripts.js';
import { ansibleExtractor, ec2LaunchV2Extractor, packerExtractor, ssmDocumentExtractor, vagrantExtractor } from '../iac/provisioners.js';

export interface Extractor {
  readonly name: string;
  /** Host kinds this extractor looks into. */
  readonly kinds: readonly FileKind[];
  /** Cheap pre-filter on the host text (non-global regex). */
  readonly keywords?: RegExp;
  /** Returns the embedded documents; problems go to `notes`, never thrown for bad input. */
  extract(document: SourceDocument, notes: Notification[]): SourceDocument[];
}

/** The built-in extractors. Parsers for the structured kinds register theirs here. */
// The syntax extractors come last: they report parse errors of documents that a rule or
// another extractor parsed, and never parse on their own.
export const extractors: readonly Extractor[] = [
  cloudFormationUserDataExtractor,
  terraformUserDataExtractor,
  dockerfileRunExtractor,
  cloudInitExtractor,
  multipartUserDataExtractor,
  heredocFileExtractor,
  kubernetesSecretExtractor,
  ssmDocumentExtractor,
  ansibleExtractor,
  packerExtractor,
  vagrantExtractor,
  ec2LaunchV2Extractor,
  calledScriptExtractor,
  cloudFormationSyntaxExtractor,
  terraformSyntaxExtractor,
];
