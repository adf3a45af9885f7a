import { describe, expect, it } from 'vitest';
import {
  callArguments,
  hashtableEntries,
  parsePowerShell,
  psCommandName,
  psParameter,
  psPositionals,
  resolvedValue,
  splattedEntries,
  staticValue,
  tokenizePowerShell,
} from '../../src/parsers/powershell.js';

function names(text: string): string[] {
  return parsePowerShell(text).commands.map((c) => psCommandName(c) ?? '?');
}

describe('tokenizePowerShell', () => {
  it('drops line and block comments', () => {
    const tokens = tokenizePowerShell("# aws configure set x\n<# Set-AWSCredential\n -AccessKey #>\nWrite-Host 'hi' # trailing\n");
    expect(tokens.filter((t) => t.type !== 'newline').map((t) => t.text)).toEqual(['Write-Host', "'hi'"]);
  });

  it('reads single-quoted strings with doubled quotes and double-quoted strings with backtick escapes', () => {
    const [a, b, c] = tokenizePowerShell("'it''s' \"a`tb\"\"c\" \"x $y\"");
    expect(a).toMatchObject({ type: 'string', value: "it's", contentStart: 1, contentEnd: 6 });
    expect(b).toMatchObject({ type: 'string', value: 'a\tb"c' });
    expect(c).toMatchObject({ type: 'string', value: undefined, loose: 'x $y', variables: ['y'] });
  });

  it('reads here-strings as one token whose content starts on the next line', () => {
    const text = "$t = @'\naws configure set aws_access_key_id X\n'@\nWrite-Host $t\n";
    const here = tokenizePowerShell(text).find((t) => t.here);
    expect(here).toMatchObject({ type: 'string', quote: "'", value: 'aws configure set aws_access_key_id X' });
    expect(text.slice(here!.contentStart, here!.contentEnd)).toBe('aws configure set aws_access_key_id X');
    expect(names(text)).toEqual(['?', 'write-host']);
  });

  it('treats a backtick before the line break as a continuation', () => {
    const script = parsePowerShell('Set-AWSCredential -AccessKey a `\n  -SecretKey b -StoreAs p\nWrite-Host x\n');
    expect(script.commands).toHaveLength(2);
    expect(psParameter(script.commands[0]!, /^-SecretKey$/i)?.value).toMatchObject({ value: 'b', start: 46 });
  });

  it('reads variables with scopes, braces and splats', () => {
    const tokens = tokenizePowerShell('$env:AWS_REGION ${my var} @params $_');
    expect(tokens.map((t) => [t.type, t.variables[0]])).toEqual([
      ['variable', 'env:AWS_REGION'],
      ['variable', 'my var'],
      ['splat', 'params'],
      ['variable', '_'],
    ]);
  });
});

describe('parsePowerShell', () => {
  it('finds commands at every depth: script blocks, sub-expressions, pipelines', () => {
    const text = "if ($x) { Set-AWSCredential -ProfileName p }\n$r = (Invoke-RestMethod -Uri u).Content\n'a' | Set-Content f; & \"C:\\aws.exe\" s3 ls\n. .\\lib.ps1\n";
    expect(names(text)).toEqual(['if', '?', 'set-awscredential', '?', 'invoke-restmethod', '?', 'set-content', 'aws', 'lib.ps1']);
    const setContent = parsePowerShell(text).commands.find((c) => psCommandName(c) === 'set-content');
    expect(setContent?.upstream).toBeDefined();
  });

  it('records assignments with the name range, through type constraints', () => {
    const text = "[string]$Key = 'k'\n$env:AWS_SECRET_ACCESS_KEY = $Key\n";
    const script = parsePowerShell(text);
    expect(script.assignments.map((a) => [a.name, text.slice(a.nameStart, a.nameEnd)])).toEqual([
      ['Key', 'Key'],
      ['env:AWS_SECRET_ACCESS_KEY', 'env:AWS_SECRET_ACCESS_KEY'],
    ]);
    expect(resolvedValue(script, script.assignments[1]!.value[0])).toBe('k');
  });

  it('reads hashtables, splatting and method-call arguments', () => {
    const text = "$p = @{ Uri = 'http://x/'; Headers = @{ 'X-aws-ec2-metadata-token' = $t } }\nInvoke-RestMethod @p\n[Environment]::SetEnvironmentVariable('A', 'b', 'Machine')\n";
    const script = parsePowerShell(text);
    const irm = script.commands.find((c) => psCommandName(c) === 'invoke-restmethod')!;
    const entries = splattedEntries(script, irm);
    expect(entries.map((e) => e.key)).toEqual(['Uri', 'Headers']);
    expect(hashtableEntries(entries[1]!.value[0]).map((e) => e.key)).toEqual(['X-aws-ec2-metadata-token']);
    const call = script.commands.find((c) => c.elements.some((e) => e.type === 'word' && e.value === 'SetEnvironmentVariable'))!;
    const group = call.elements[call.elements.length - 1];
    expect(callArguments(group).map((a) => staticValue(a[0]))).toEqual(['A', 'b', 'Machine']);
  });

  it('tells positional arguments from named ones, and -Name:value', () => {
    const script = parsePowerShell('Invoke-WebRequest -UseBasicParsing:$true http://x -OutFile o\n');
    const c = script.commands[0]!;
    expect(psPositionals(c).map((e) => staticValue(e))).toEqual(['http://x']);
    expect(staticValue(psParameter(c, /^-OutFile$/i)?.value)).toBe('o');
  });

  it('never throws on unbalanced input', () => {
    expect(() => parsePowerShell("if ($x { @{ a = 'b'\n)) }}} \"unterminated\n@'\nno end")).not.toThrow();
  });
});
