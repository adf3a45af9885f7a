// Scripts embedded in CloudFormation templates, as virtual documents whose positions map back
// to the template: EC2 user data at any depth (`Instance.UserData`, `LaunchTemplateData.UserData`,
// Spot Fleet launch specifications, Batch/Image Builder overrides) and the `runCommand` steps of
// `AWS::SSM::Document` content. Every rule that reads shell, cloud-init or plain text (the
// credential detectors included) then reports at the real line and column of the template.
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance.html#cfn-ec2-instance-userdata
import type { SourceDocument } from '../engine/document.js';
import type { FileKind } from '../kinds.js';
import { parseCloudFormation, type CfnTemplate } from '../parsers/cloudformation.js';
import type { IacValue } from '../iac/value.js';
import { mapGet } from '../iac/value.js';
import { userDataDocument } from './documents.js';
import { hasDecodableBase64, hasYamlEscapes } from './copies.js';
import { ssmShellDocuments } from './ssm.js';
import type { Extractor } from './types.js';

/** What user data is classified as (userDataKind), and the steps of an SSM document. */
const USER_DATA_KINDS: readonly FileKind[] = ['user-data', 'cloud-init', 'shell', 'powershell'];

/**
 * Whether the user data of a template is only runs of its text: `Fn::Join` assembles separate
 * values, a pre-encoded literal is decoded, JSON and double-quoted YAML strings have escapes,
 * SSM `runCommand` lists are joined line by line. (Folded scalars join lines with a space: the
 * engine also tests keywords on the host with its line breaks folded, src/engine/gate.ts.)
 */
function cloudFormationCopiesHost(text: string): boolean {
  if (/Fn::Join|!Join|runShellScript|runPowerShellScript/.test(text)) return false;
  return !hasYamlEscapes(text) && !hasDecodableBase64(text);
}


const USER_DATA_KEYS = new Set(['UserData', 'UserDataOverride']);

function cfnExtract(doc: SourceDocument, template: CfnTemplate): SourceDocument[] {
  const out: SourceDocument[] = [];
  for (const resource of template.resources) {
    if (resource.type === 'AWS::SSM::Document') {
      out.push(...ssmShellDocuments(doc, mapGet(resource.properties, 'Content'), `Content of ${resource.logicalId}`));
      continue;
    }
    // UserData may sit at any depth: Instance.UserData, LaunchTemplateData.UserData,
    // SpotFleet LaunchSpecifications[].UserData, Batch/ImageBuilder overrides.
    const walk = (value: IacValue | undefined, path: string) => {
      if (!value) return;
      if (value.kind === 'map') {
        for (const e of value.entries) {
          if (USER_DATA_KEYS.has(e.key)) {
            const d = userDataDocument(doc, e.value, `${path ? `${path}.` : ''}${e.key} of ${resource.logicalId}`);
            if (d) out.push(d);
          } else walk(e.value, path ? `${path}.${e.key}` : e.key);
        }
      } else if (value.kind === 'list') value.items.forEach((item) => walk(item, path));
    };
    walk(resource.properties, '');
  }
  return out;
}

export const cloudFormationUserDataExtractor: Extractor = {
  name: 'cloudformation-user-data',
  kinds: ['cloudformation'],
  keywords: /UserData|runShellScript|runPowerShellScript/,
  produces: USER_DATA_KINDS,
  copiesHost: (host) => cloudFormationCopiesHost(host.text),
  extract(doc, notes) {
    const template = parseCloudFormation(doc, notes);
    return template ? cfnExtract(doc, template) : [];
  },
};
