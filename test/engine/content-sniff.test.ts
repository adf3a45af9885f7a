import { describe, expect, it } from 'vitest';
import { classifyFile } from '../../src/kinds.js';
import { sniffScript } from '../../src/content-sniff.js';

describe('content sniff', () => {
  const scripts: Array<[string, string, 'shell' | 'powershell']> = [
    ['setup', 'yum install -y httpd awscli\nsystemctl enable --now httpd\nexport REGION=us-east-1\nif [ -f /etc/app ]; then\n  echo yes\nfi\n', 'shell'],
    ['provision', '# provisions the box\nset -eu\napt-get update\napt-get install -y awscli\ncat > /etc/app.conf <<CONF\n[app]\nkey: value\nCONF\n', 'shell'],
    ['node-init', 'curl -s http://169.254.169.254/latest/meta-data/instance-id\nmkdir -p /opt/app\ncd /opt/app\n', 'shell'],
    ['run.txt', 'apt-get update\napt-get install -y awscli\naws s3 cp s3://b/k /tmp/k\n', 'shell'],
    ['bootstrap', "$ErrorActionPreference = 'Stop'\nSet-AWSCredential -ProfileName x\nInvoke-WebRequest -Uri http://x -OutFile C:\\x\n", 'powershell'],
    ['install', '<#\n.SYNOPSIS\n Installs it\n#>\nparam([string]$Name)\nif ($Name) {\n  Write-Host $Name\n}\n', 'powershell'],
  ];
  for (const [path, text, kind] of scripts) {
    it(`classifies ${path} as ${kind} by its content`, () => expect(classifyFile(path, text)).toBe(kind));
  }

  it('lets strong shell content override a lying .py extension, but not Python', () => {
    const shell = 'yum install -y git\ngit clone https://example.com/x.git /opt/x\ncd /opt/x\nchmod +x run.sh\n./run.sh --daemon\n';
    expect(classifyFile('tools/setup.py', shell)).toBe('shell');
    expect(classifyFile('tools/setup.py', 'import os\nos.system("yum install -y git")\n')).toBe('text');
  });

  const prose: Array<[string, string]> = [
    ['README', 'Install the package\n\n    aws configure\n\nthen run it.\n'],
    ['notes', 'To configure run aws configure and then\nenter your keys when prompted.\n'],
    ['CHANGELOG', '- install: fix the path\n- cd: handle spaces\n'],
    ['docs/setup.md', 'yum install -y httpd\nsystemctl enable httpd\nmkdir -p /opt\n'],
    ['config/app.yaml', 'install: true\nexport: false\ncd: /opt\n'],
    ['Makefile', 'install:\n\tmkdir -p /opt/x\n\tcp x /opt/x\n'],
    ['Procfile', 'web: node server.js\nworker: node worker.js\n'],
    ['settings', '[default]\nregion = us-east-1\noutput = json\n'],
    ['LICENSE', 'Permission is hereby granted, free of charge, to any person obtaining a copy\n'],
    ['app.txt', 'echo the value back to the user.\nThe export is done nightly.\nSee the manual for details.\n'],
  ];
  for (const [path, text] of prose) {
    it(`does not make ${path} a script`, () => {
      const kind = classifyFile(path, text);
      expect(kind === 'shell' || kind === 'powershell').toBe(false);
    });
  }

  it('needs more than one line of evidence', () => {
    expect(sniffScript('echo hi\n')).toBeUndefined();
    expect(sniffScript('')).toBeUndefined();
  });

  it('classifies templates as the file they render to, and sniffs bare templates', () => {
    expect(classifyFile('templates/setup.sh.j2', '')).toBe('shell');
    expect(classifyFile('templates/init.ps1.tftpl', '')).toBe('powershell');
    expect(classifyFile('templates/boot.tpl', 'yum install -y awscli\nmkdir -p /opt/x\naws s3 cp s3://a/b /opt/x\n')).toBe('shell');
    expect(classifyFile('templates/cloud.yaml.j2', '#cloud-config\nruncmd: []\n')).toBe('cloud-init');
    expect(classifyFile('templates/page.html.erb', '<html></html>')).toBe('text');
  });

  it('classifies PowerShell by extension and shebang, and shell start-up files by name', () => {
    expect(classifyFile('x.ps1', '')).toBe('powershell');
    expect(classifyFile('Mod.psm1', '')).toBe('powershell');
    expect(classifyFile('bin/tool', '#!/usr/bin/env pwsh\nWrite-Host 1\n')).toBe('powershell');
    expect(classifyFile('home/.bashrc', 'alias ll="ls -l"\n')).toBe('shell');
    expect(classifyFile('user_data.ps1', '')).toBe('user-data');
  });
});

describe('content sniff on lists of paths', () => {
  it('does not take /etc/shells (bare paths) for a script', () => {
    expect(classifyFile('etc/shells', '# valid login shells\n/bin/sh\n/usr/bin/sh\n/bin/bash\n/usr/bin/bash\n')).toBe('text');
  });
});
