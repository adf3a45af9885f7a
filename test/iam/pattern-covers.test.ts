import { describe, expect, it } from 'vitest';
import { patternCovers, wildcardRegex } from '../../src/iam/catalog.js';

// patternCovers answers without a regex for the common shapes; it must agree with the
// anchored, case-insensitive wildcard regex on every pattern and id.
describe('patternCovers', () => {
  const patterns = ['*', 's3:*', 'S3:*', 's3:Get*', 's3:GetObject', 's3:getobject', 'iam:?etRole', 'iam:*Role*', '*:Get*', 's3*', '*Object', 'ec2:Describe*', 'iam:PassRole', 'iam:Pass*', 'sts:AssumeRole?', 'a.b:*', 'kms:Decrypt', 'Kms:*', '\u212Ams:*', 's3:Gét*', ''];
  const ids = ['s3:GetObject', 'S3:GETOBJECT', 's3:PutObject', 's3', 's3:', 'iam:GetRole', 'iam:SetRole', 'iam:PassRole', 'iam:PassRoles', 'iam:CreateRole', 'ec2:DescribeInstances', 'sts:AssumeRole', 'sts:AssumeRoleX', 'axb:Do', 'a.b:Do', 'kms:Decrypt', 'kms:decrypt', 'kms:DecryptX', 's3:Gétobject', 's3:GÉtobject', 'ſ3:GetObject', ''];
  it('agrees with the wildcard regex', () => {
    for (const p of patterns) for (const id of ids) expect({ p, id, covers: patternCovers(p, id) }).toEqual({ p, id, covers: p === '*' || wildcardRegex(p).test(id) });
  });
});
