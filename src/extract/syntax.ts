// Syntax extractors: they extract nothing and report the parse errors of the templates a rule
// or another extractor parsed, once per document, as notifications (never a crash). They run
// after a document's other extractors and never parse on their own: a syntax error nobody had
// to read is not worth a 2 MB/s parse to find.
import { notifyCloudFormationErrors } from '../parsers/cloudformation.js';
import { isTerraformParsed, parseTerraform } from '../parsers/terraform.js';
import type { Extractor } from './types.js';

/** Reports unreadable templates once, whatever rules run (a notification, never a crash). */
export const cloudFormationSyntaxExtractor: Extractor = {
  name: 'cloudformation-syntax',
  kinds: ['cloudformation'],
  produces: [],
  phase: 'syntax',
  extract(doc, notes) {
    notifyCloudFormationErrors(doc, notes);
    return [];
  },
};

export const terraformSyntaxExtractor: Extractor = {
  name: 'terraform-syntax',
  kinds: ['terraform'],
  produces: [],
  phase: 'syntax',
  extract(doc, notes) {
    // .tfvars are attribute-only files: parse failures there are not interesting.
    if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return [];
    // Reports syntax errors of a file some rule or extractor parsed; never parses just for that.
    if (isTerraformParsed(doc)) parseTerraform(doc, notes);
    return [];
  },
};

