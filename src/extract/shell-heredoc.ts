// Files a shell script writes from a heredoc (`cat <<EOF > /opt/run.sh`, `cat > Dockerfile
// <<'EOF'`, `… | tee x.sh`), as documents of their own mapped onto the heredoc body.
import { createVirtualDocument, VirtualTextBuilder, type SourceDocument } from '../engine/document.js';
import { classifyFile, languageOf, type FileKind } from '../kinds.js';
import { AnyOf, LineKeywords } from '../detect/line-keywords.js';
import { heredocFileWrites, shellScript } from '../parsers/shell.js';
import type { Extractor } from './types.js';

/** Kinds of written files worth scanning as documents of their own. */
const WRITTEN_KINDS: ReadonlySet<FileKind> = new Set<FileKind>(['shell', 'dockerfile']);
/**
 * A heredoc written to a script or a Dockerfile (`cat <<EOF > /opt/run.sh`, `cat > Dockerfile
 * <<'EOF'`, `cat <<EOF | sudo tee /usr/local/bin/x.sh`). The extractor's pre-filter: the
 * common case of a script without such a write never has to be parsed for it.
 */
// One look per line (LineKeywords): `(?:>|tee)[^\n]*\.sh` backtracked over the rest of the line
// at every `>`, quadratic on a line of `<b>x</b>`.
const HEREDOC_FILE_WRITE = new LineKeywords(/<</, [/>|\btee\b/i, /(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b/i]);
/** What a written file must mention for any bootstrap rule to have something to say about it. */
const WRITTEN_FILE_INTEREST = new AnyOf([
  /169\.254\.169\.254|fd00:ec2::254|instance-data|AWS_|\.aws[\\/]|\bA[KS]IA[A-Z0-9]{12}|s3cfg|\.boto\b|create-access-key/i,
  new LineKeywords(/\baws\b/i, [/\bconfigure\b/i]),
]);


/**
 * Scripts and Dockerfiles that a shell script writes from a heredoc, as documents of their own
 * mapped onto the heredoc body: user data that writes `/opt/bootstrap.sh` and runs it, or a
 * Dockerfile and builds it. Their commands are otherwise only text inside a heredoc.
 */
export const heredocFileExtractor: Extractor = {
  name: 'shell heredoc files',
  kinds: ['shell', 'user-data', 'cloud-init'],
  keywords: HEREDOC_FILE_WRITE,
  produces: ['shell', 'dockerfile'],
  // Heredoc bodies, as they are in the script.
  copiesHost: () => true,
  extract(document: SourceDocument): SourceDocument[] {
    if (!WRITTEN_FILE_INTEREST.test(document.text)) return [];
    const script = shellScript(document);
    if (!script) return [];
    const out: SourceDocument[] = [];
    const seen = new Set<number>();
    for (const { path, heredoc } of heredocFileWrites(script)) {
      const target = path.value ?? path.loose;
      if (seen.has(heredoc.bodyStart) || heredoc.bodyEnd <= heredoc.bodyStart) continue;
      // The original text (template interpolations included), not the parser's neutralised copy.
      const body = document.text.slice(heredoc.bodyStart, heredoc.bodyEnd);
      const kind = classifyFile(target, body.slice(0, 16384));
      if (!WRITTEN_KINDS.has(kind)) continue;
      seen.add(heredoc.bodyStart);
      const { text, map } = new VirtualTextBuilder().verbatim(body, heredoc.bodyStart).build();
      out.push(createVirtualDocument(document, { kind, language: languageOf(target, kind), text, map, label: `heredoc > ${target}` }));
    }
    return out;
  },
};
