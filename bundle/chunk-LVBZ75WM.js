import { createRequire as __credlintCreateRequire } from 'node:module';
const require = __credlintCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err2) => function __init() {
  if (err2) throw err2[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err2 = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name2 in all)
    __defProp(target, name2, { get: all[name2], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));
var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

// node_modules/dockerfile-ast/lib/argument.js
var require_argument = __commonJS({
  "node_modules/dockerfile-ast/lib/argument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Argument = void 0;
    var Argument = class {
      constructor(value, range) {
        this.value = value;
        this.range = range;
      }
      toString() {
        return this.value;
      }
      getRange() {
        return this.range;
      }
      getValue() {
        return this.value;
      }
      isAfter(position) {
        if (this.range.end.line < position.line) {
          return false;
        }
        return this.range.start.line > position.line ? true : this.range.start.character > position.character;
      }
      isBefore(position) {
        if (this.range.start.line < position.line) {
          return true;
        }
        return this.range.end.line > position.line ? false : this.range.end.character < position.character;
      }
    };
    exports.Argument = Argument;
  }
});

// node_modules/dockerfile-ast/lib/jsonArgument.js
var require_jsonArgument = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonArgument.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONArgument = void 0;
    var argument_1 = require_argument();
    var JSONArgument = class extends argument_1.Argument {
      constructor(value, range, jsonRange) {
        super(value, range);
        this.jsonRange = jsonRange;
      }
      getJSONRange() {
        return this.jsonRange;
      }
      getJSONValue() {
        let value = super.getValue();
        value = value.substring(1, value.length - 1);
        return value;
      }
    };
    exports.JSONArgument = JSONArgument;
  }
});

// node_modules/vscode-languageserver-types/lib/esm/main.js
var main_exports = {};
__export(main_exports, {
  AnnotatedTextEdit: () => AnnotatedTextEdit,
  ApplyKind: () => ApplyKind,
  ChangeAnnotation: () => ChangeAnnotation,
  ChangeAnnotationIdentifier: () => ChangeAnnotationIdentifier,
  CodeAction: () => CodeAction,
  CodeActionContext: () => CodeActionContext,
  CodeActionKind: () => CodeActionKind,
  CodeActionTag: () => CodeActionTag,
  CodeActionTriggerKind: () => CodeActionTriggerKind,
  CodeDescription: () => CodeDescription,
  CodeLens: () => CodeLens,
  Color: () => Color,
  ColorInformation: () => ColorInformation,
  ColorPresentation: () => ColorPresentation,
  Command: () => Command,
  CompletionItem: () => CompletionItem,
  CompletionItemKind: () => CompletionItemKind,
  CompletionItemLabelDetails: () => CompletionItemLabelDetails,
  CompletionItemTag: () => CompletionItemTag,
  CompletionList: () => CompletionList,
  CreateFile: () => CreateFile,
  DeleteFile: () => DeleteFile,
  Diagnostic: () => Diagnostic,
  DiagnosticRelatedInformation: () => DiagnosticRelatedInformation,
  DiagnosticSeverity: () => DiagnosticSeverity,
  DiagnosticTag: () => DiagnosticTag,
  DocumentHighlight: () => DocumentHighlight,
  DocumentHighlightKind: () => DocumentHighlightKind,
  DocumentLink: () => DocumentLink,
  DocumentSymbol: () => DocumentSymbol,
  DocumentUri: () => DocumentUri,
  EOL: () => EOL,
  FoldingRange: () => FoldingRange,
  FoldingRangeKind: () => FoldingRangeKind,
  FormattingOptions: () => FormattingOptions,
  Hover: () => Hover,
  InlayHint: () => InlayHint,
  InlayHintKind: () => InlayHintKind,
  InlayHintLabelPart: () => InlayHintLabelPart,
  InlineCompletionContext: () => InlineCompletionContext,
  InlineCompletionItem: () => InlineCompletionItem,
  InlineCompletionList: () => InlineCompletionList,
  InlineCompletionTriggerKind: () => InlineCompletionTriggerKind,
  InlineValueContext: () => InlineValueContext,
  InlineValueEvaluatableExpression: () => InlineValueEvaluatableExpression,
  InlineValueText: () => InlineValueText,
  InlineValueVariableLookup: () => InlineValueVariableLookup,
  InsertReplaceEdit: () => InsertReplaceEdit,
  InsertTextFormat: () => InsertTextFormat,
  InsertTextMode: () => InsertTextMode,
  LanguageKind: () => LanguageKind,
  Location: () => Location,
  LocationLink: () => LocationLink,
  MarkedString: () => MarkedString,
  MarkupContent: () => MarkupContent,
  MarkupKind: () => MarkupKind,
  OptionalVersionedTextDocumentIdentifier: () => OptionalVersionedTextDocumentIdentifier,
  ParameterInformation: () => ParameterInformation,
  Position: () => Position,
  Range: () => Range,
  RenameFile: () => RenameFile,
  SelectedCompletionInfo: () => SelectedCompletionInfo,
  SelectionRange: () => SelectionRange,
  SemanticTokenModifiers: () => SemanticTokenModifiers,
  SemanticTokenTypes: () => SemanticTokenTypes,
  SemanticTokens: () => SemanticTokens,
  SignatureInformation: () => SignatureInformation,
  SnippetTextEdit: () => SnippetTextEdit,
  StringValue: () => StringValue,
  SymbolInformation: () => SymbolInformation,
  SymbolKind: () => SymbolKind,
  SymbolTag: () => SymbolTag,
  TextDocument: () => TextDocument,
  TextDocumentEdit: () => TextDocumentEdit,
  TextDocumentIdentifier: () => TextDocumentIdentifier,
  TextDocumentItem: () => TextDocumentItem,
  TextEdit: () => TextEdit,
  URI: () => URI,
  VersionedTextDocumentIdentifier: () => VersionedTextDocumentIdentifier,
  WorkspaceChange: () => WorkspaceChange,
  WorkspaceEdit: () => WorkspaceEdit,
  WorkspaceFolder: () => WorkspaceFolder,
  WorkspaceSymbol: () => WorkspaceSymbol,
  integer: () => integer,
  uinteger: () => uinteger
});
var DocumentUri, URI, integer, uinteger, Position, Range, Location, LocationLink, Color, ColorInformation, ColorPresentation, FoldingRangeKind, FoldingRange, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag, CodeDescription, Diagnostic, Command, TextEdit, ChangeAnnotation, ChangeAnnotationIdentifier, AnnotatedTextEdit, TextDocumentEdit, CreateFile, RenameFile, DeleteFile, WorkspaceEdit, TextEditChangeImpl, SnippetTextEdit, ChangeAnnotations, WorkspaceChange, TextDocumentIdentifier, VersionedTextDocumentIdentifier, OptionalVersionedTextDocumentIdentifier, LanguageKind, TextDocumentItem, MarkupKind, MarkupContent, CompletionItemKind, InsertTextFormat, CompletionItemTag, InsertReplaceEdit, InsertTextMode, ApplyKind, CompletionItemLabelDetails, CompletionItem, CompletionList, MarkedString, Hover, ParameterInformation, SignatureInformation, DocumentHighlightKind, DocumentHighlight, SymbolKind, SymbolTag, SymbolInformation, WorkspaceSymbol, DocumentSymbol, CodeActionKind, CodeActionTriggerKind, CodeActionContext, CodeActionTag, CodeAction, CodeLens, FormattingOptions, DocumentLink, SelectionRange, SemanticTokenTypes, SemanticTokenModifiers, SemanticTokens, InlineValueText, InlineValueVariableLookup, InlineValueEvaluatableExpression, InlineValueContext, InlayHintKind, InlayHintLabelPart, InlayHint, StringValue, InlineCompletionItem, InlineCompletionList, InlineCompletionTriggerKind, SelectedCompletionInfo, InlineCompletionContext, WorkspaceFolder, EOL, TextDocument, FullTextDocument, Is;
var init_main = __esm({
  "node_modules/vscode-languageserver-types/lib/esm/main.js"() {
    "use strict";
    (function(DocumentUri2) {
      function is(value) {
        return typeof value === "string";
      }
      DocumentUri2.is = is;
    })(DocumentUri || (DocumentUri = {}));
    (function(URI2) {
      function is(value) {
        return typeof value === "string";
      }
      URI2.is = is;
    })(URI || (URI = {}));
    (function(integer2) {
      integer2.MIN_VALUE = -2147483648;
      integer2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && integer2.MIN_VALUE <= value && value <= integer2.MAX_VALUE;
      }
      integer2.is = is;
    })(integer || (integer = {}));
    (function(uinteger2) {
      uinteger2.MIN_VALUE = 0;
      uinteger2.MAX_VALUE = 2147483647;
      function is(value) {
        return typeof value === "number" && uinteger2.MIN_VALUE <= value && value <= uinteger2.MAX_VALUE;
      }
      uinteger2.is = is;
    })(uinteger || (uinteger = {}));
    (function(Position2) {
      function create(line, character) {
        if (line === Number.MAX_VALUE) {
          line = uinteger.MAX_VALUE;
        }
        if (character === Number.MAX_VALUE) {
          character = uinteger.MAX_VALUE;
        }
        return { line, character };
      }
      Position2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.line) && Is.uinteger(candidate.character);
      }
      Position2.is = is;
    })(Position || (Position = {}));
    (function(Range2) {
      function create(one, two, three, four) {
        if (Is.uinteger(one) && Is.uinteger(two) && Is.uinteger(three) && Is.uinteger(four)) {
          return { start: Position.create(one, two), end: Position.create(three, four) };
        } else if (Position.is(one) && Position.is(two)) {
          return { start: one, end: two };
        } else {
          throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
        }
      }
      Range2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.start) && Position.is(candidate.end);
      }
      Range2.is = is;
    })(Range || (Range = {}));
    (function(Location2) {
      function create(uri, range) {
        return { uri, range };
      }
      Location2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (Is.string(candidate.uri) || Is.undefined(candidate.uri));
      }
      Location2.is = is;
    })(Location || (Location = {}));
    (function(LocationLink2) {
      function create(targetUri, targetRange, targetSelectionRange, originSelectionRange) {
        return { targetUri, targetRange, targetSelectionRange, originSelectionRange };
      }
      LocationLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.targetRange) && Is.string(candidate.targetUri) && Range.is(candidate.targetSelectionRange) && (Range.is(candidate.originSelectionRange) || Is.undefined(candidate.originSelectionRange));
      }
      LocationLink2.is = is;
    })(LocationLink || (LocationLink = {}));
    (function(Color2) {
      function create(red, green, blue, alpha) {
        return {
          red,
          green,
          blue,
          alpha
        };
      }
      Color2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.numberRange(candidate.red, 0, 1) && Is.numberRange(candidate.green, 0, 1) && Is.numberRange(candidate.blue, 0, 1) && Is.numberRange(candidate.alpha, 0, 1);
      }
      Color2.is = is;
    })(Color || (Color = {}));
    (function(ColorInformation2) {
      function create(range, color) {
        return {
          range,
          color
        };
      }
      ColorInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && Color.is(candidate.color);
      }
      ColorInformation2.is = is;
    })(ColorInformation || (ColorInformation = {}));
    (function(ColorPresentation2) {
      function create(label, textEdit, additionalTextEdits) {
        return {
          label,
          textEdit,
          additionalTextEdits
        };
      }
      ColorPresentation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.undefined(candidate.textEdit) || TextEdit.is(candidate.textEdit)) && (Is.undefined(candidate.additionalTextEdits) || Is.typedArray(candidate.additionalTextEdits, TextEdit.is));
      }
      ColorPresentation2.is = is;
    })(ColorPresentation || (ColorPresentation = {}));
    (function(FoldingRangeKind2) {
      FoldingRangeKind2.Comment = "comment";
      FoldingRangeKind2.Imports = "imports";
      FoldingRangeKind2.Region = "region";
    })(FoldingRangeKind || (FoldingRangeKind = {}));
    (function(FoldingRange2) {
      function create(startLine, endLine, startCharacter, endCharacter, kind, collapsedText) {
        const result = {
          startLine,
          endLine
        };
        if (Is.defined(startCharacter)) {
          result.startCharacter = startCharacter;
        }
        if (Is.defined(endCharacter)) {
          result.endCharacter = endCharacter;
        }
        if (Is.defined(kind)) {
          result.kind = kind;
        }
        if (Is.defined(collapsedText)) {
          result.collapsedText = collapsedText;
        }
        return result;
      }
      FoldingRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.uinteger(candidate.startLine) && Is.uinteger(candidate.endLine) && (Is.undefined(candidate.startCharacter) || Is.uinteger(candidate.startCharacter)) && (Is.undefined(candidate.endCharacter) || Is.uinteger(candidate.endCharacter)) && (Is.undefined(candidate.kind) || Is.string(candidate.kind));
      }
      FoldingRange2.is = is;
    })(FoldingRange || (FoldingRange = {}));
    (function(DiagnosticRelatedInformation2) {
      function create(location, message) {
        return {
          location,
          message
        };
      }
      DiagnosticRelatedInformation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Location.is(candidate.location) && Is.string(candidate.message);
      }
      DiagnosticRelatedInformation2.is = is;
    })(DiagnosticRelatedInformation || (DiagnosticRelatedInformation = {}));
    (function(DiagnosticSeverity2) {
      DiagnosticSeverity2.Error = 1;
      DiagnosticSeverity2.Warning = 2;
      DiagnosticSeverity2.Information = 3;
      DiagnosticSeverity2.Hint = 4;
    })(DiagnosticSeverity || (DiagnosticSeverity = {}));
    (function(DiagnosticTag2) {
      DiagnosticTag2.Unnecessary = 1;
      DiagnosticTag2.Deprecated = 2;
    })(DiagnosticTag || (DiagnosticTag = {}));
    (function(CodeDescription2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.href);
      }
      CodeDescription2.is = is;
    })(CodeDescription || (CodeDescription = {}));
    (function(Diagnostic2) {
      function create(range, message, severity, code, source, relatedInformation) {
        const result = { range, message };
        if (Is.defined(severity)) {
          result.severity = severity;
        }
        if (Is.defined(code)) {
          result.code = code;
        }
        if (Is.defined(source)) {
          result.source = source;
        }
        if (Is.defined(relatedInformation)) {
          result.relatedInformation = relatedInformation;
        }
        return result;
      }
      Diagnostic2.create = create;
      function is(value) {
        var _a;
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.string(candidate.message) || MarkupContent.is(candidate.message)) && (Is.number(candidate.severity) || Is.undefined(candidate.severity)) && (Is.integer(candidate.code) || Is.string(candidate.code) || Is.undefined(candidate.code)) && (Is.undefined(candidate.codeDescription) || Is.string((_a = candidate.codeDescription) === null || _a === void 0 ? void 0 : _a.href)) && (Is.string(candidate.source) || Is.undefined(candidate.source)) && (Is.undefined(candidate.relatedInformation) || Is.typedArray(candidate.relatedInformation, DiagnosticRelatedInformation.is));
      }
      Diagnostic2.is = is;
      function is3_17(value) {
        return Is.string(value.message);
      }
      Diagnostic2.is3_17 = is3_17;
      function getMessageString(diagnostic) {
        if (Is.string(diagnostic.message)) {
          return diagnostic.message;
        } else if (MarkupContent.is(diagnostic.message)) {
          return diagnostic.message.value;
        } else {
          throw new Error(`Unknown message type ${typeof diagnostic.message}`);
        }
      }
      Diagnostic2.getMessageString = getMessageString;
    })(Diagnostic || (Diagnostic = {}));
    (function(Command2) {
      function create(title, command, ...args2) {
        const result = { title, command };
        if (Is.defined(args2) && args2.length > 0) {
          result.arguments = args2;
        }
        return result;
      }
      Command2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.title) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip)) && Is.string(candidate.command);
      }
      Command2.is = is;
    })(Command || (Command = {}));
    (function(TextEdit2) {
      function replace(range, newText) {
        return { range, newText };
      }
      TextEdit2.replace = replace;
      function insert(position, newText) {
        return { range: { start: position, end: position }, newText };
      }
      TextEdit2.insert = insert;
      function del(range) {
        return { range, newText: "" };
      }
      TextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.newText) && Range.is(candidate.range);
      }
      TextEdit2.is = is;
    })(TextEdit || (TextEdit = {}));
    (function(ChangeAnnotation2) {
      function create(label, needsConfirmation, description) {
        const result = { label };
        if (needsConfirmation !== void 0) {
          result.needsConfirmation = needsConfirmation;
        }
        if (description !== void 0) {
          result.description = description;
        }
        return result;
      }
      ChangeAnnotation2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Is.string(candidate.label) && (Is.boolean(candidate.needsConfirmation) || candidate.needsConfirmation === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      ChangeAnnotation2.is = is;
    })(ChangeAnnotation || (ChangeAnnotation = {}));
    (function(ChangeAnnotationIdentifier2) {
      function is(value) {
        const candidate = value;
        return Is.string(candidate);
      }
      ChangeAnnotationIdentifier2.is = is;
    })(ChangeAnnotationIdentifier || (ChangeAnnotationIdentifier = {}));
    (function(AnnotatedTextEdit2) {
      function replace(range, newText, annotation) {
        return { range, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.replace = replace;
      function insert(position, newText, annotation) {
        return { range: { start: position, end: position }, newText, annotationId: annotation };
      }
      AnnotatedTextEdit2.insert = insert;
      function del(range, annotation) {
        return { range, newText: "", annotationId: annotation };
      }
      AnnotatedTextEdit2.del = del;
      function is(value) {
        const candidate = value;
        return TextEdit.is(candidate) && (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      AnnotatedTextEdit2.is = is;
    })(AnnotatedTextEdit || (AnnotatedTextEdit = {}));
    (function(TextDocumentEdit2) {
      function create(textDocument, edits) {
        return { textDocument, edits };
      }
      TextDocumentEdit2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && OptionalVersionedTextDocumentIdentifier.is(candidate.textDocument) && Array.isArray(candidate.edits);
      }
      TextDocumentEdit2.is = is;
    })(TextDocumentEdit || (TextDocumentEdit = {}));
    (function(CreateFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "create",
          uri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      CreateFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "create" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      CreateFile2.is = is;
    })(CreateFile || (CreateFile = {}));
    (function(RenameFile2) {
      function create(oldUri, newUri, options, annotation) {
        const result = {
          kind: "rename",
          oldUri,
          newUri
        };
        if (options !== void 0 && (options.overwrite !== void 0 || options.ignoreIfExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      RenameFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "rename" && Is.string(candidate.oldUri) && Is.string(candidate.newUri) && (candidate.options === void 0 || (candidate.options.overwrite === void 0 || Is.boolean(candidate.options.overwrite)) && (candidate.options.ignoreIfExists === void 0 || Is.boolean(candidate.options.ignoreIfExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      RenameFile2.is = is;
    })(RenameFile || (RenameFile = {}));
    (function(DeleteFile2) {
      function create(uri, options, annotation) {
        const result = {
          kind: "delete",
          uri
        };
        if (options !== void 0 && (options.recursive !== void 0 || options.ignoreIfNotExists !== void 0)) {
          result.options = options;
        }
        if (annotation !== void 0) {
          result.annotationId = annotation;
        }
        return result;
      }
      DeleteFile2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && candidate.kind === "delete" && Is.string(candidate.uri) && (candidate.options === void 0 || (candidate.options.recursive === void 0 || Is.boolean(candidate.options.recursive)) && (candidate.options.ignoreIfNotExists === void 0 || Is.boolean(candidate.options.ignoreIfNotExists))) && (candidate.annotationId === void 0 || ChangeAnnotationIdentifier.is(candidate.annotationId));
      }
      DeleteFile2.is = is;
    })(DeleteFile || (DeleteFile = {}));
    (function(WorkspaceEdit2) {
      function is(value) {
        const candidate = value;
        return candidate && (candidate.changes !== void 0 || candidate.documentChanges !== void 0) && (candidate.documentChanges === void 0 || candidate.documentChanges.every((change) => {
          if (Is.string(change.kind)) {
            return CreateFile.is(change) || RenameFile.is(change) || DeleteFile.is(change);
          } else {
            return TextDocumentEdit.is(change);
          }
        }));
      }
      WorkspaceEdit2.is = is;
    })(WorkspaceEdit || (WorkspaceEdit = {}));
    TextEditChangeImpl = class {
      constructor(edits, changeAnnotations) {
        this.edits = edits;
        this.changeAnnotations = changeAnnotations;
      }
      insert(position, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.insert(position, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.insert(position, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.insert(position, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      replace(range, newText, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.replace(range, newText);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.replace(range, newText, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.replace(range, newText, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      delete(range, annotation) {
        let edit;
        let id;
        if (annotation === void 0) {
          edit = TextEdit.del(range);
        } else if (ChangeAnnotationIdentifier.is(annotation)) {
          id = annotation;
          edit = AnnotatedTextEdit.del(range, annotation);
        } else {
          this.assertChangeAnnotations(this.changeAnnotations);
          id = this.changeAnnotations.manage(annotation);
          edit = AnnotatedTextEdit.del(range, id);
        }
        this.edits.push(edit);
        if (id !== void 0) {
          return id;
        }
      }
      add(edit) {
        this.edits.push(edit);
      }
      all() {
        return this.edits;
      }
      clear() {
        this.edits.splice(0, this.edits.length);
      }
      assertChangeAnnotations(value) {
        if (value === void 0) {
          throw new Error(`Text edit change is not configured to manage change annotations.`);
        }
      }
    };
    (function(SnippetTextEdit2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && StringValue.isSnippet(candidate.snippet) && (candidate.annotationId === void 0 || (ChangeAnnotation.is(candidate.annotationId) || ChangeAnnotationIdentifier.is(candidate.annotationId)));
      }
      SnippetTextEdit2.is = is;
    })(SnippetTextEdit || (SnippetTextEdit = {}));
    ChangeAnnotations = class {
      constructor(annotations) {
        this._annotations = annotations === void 0 ? /* @__PURE__ */ Object.create(null) : annotations;
        this._counter = 0;
        this._size = 0;
      }
      all() {
        return this._annotations;
      }
      get size() {
        return this._size;
      }
      manage(idOrAnnotation, annotation) {
        let id;
        if (ChangeAnnotationIdentifier.is(idOrAnnotation)) {
          id = idOrAnnotation;
        } else {
          id = this.nextId();
          annotation = idOrAnnotation;
        }
        if (this._annotations[id] !== void 0) {
          throw new Error(`Id ${id} is already in use.`);
        }
        if (annotation === void 0) {
          throw new Error(`No annotation provided for id ${id}`);
        }
        this._annotations[id] = annotation;
        this._size++;
        return id;
      }
      nextId() {
        this._counter++;
        return this._counter.toString();
      }
    };
    WorkspaceChange = class {
      constructor(workspaceEdit) {
        this._textEditChanges = /* @__PURE__ */ Object.create(null);
        if (workspaceEdit !== void 0) {
          this._workspaceEdit = workspaceEdit;
          if (workspaceEdit.documentChanges) {
            this._changeAnnotations = new ChangeAnnotations(workspaceEdit.changeAnnotations);
            workspaceEdit.changeAnnotations = this._changeAnnotations.all();
            workspaceEdit.documentChanges.forEach((change) => {
              if (TextDocumentEdit.is(change)) {
                const textEditChange = new TextEditChangeImpl(change.edits, this._changeAnnotations);
                this._textEditChanges[change.textDocument.uri] = textEditChange;
              }
            });
          } else if (workspaceEdit.changes) {
            Object.keys(workspaceEdit.changes).forEach((key) => {
              const textEditChange = new TextEditChangeImpl(workspaceEdit.changes[key]);
              this._textEditChanges[key] = textEditChange;
            });
          }
        } else {
          this._workspaceEdit = {};
        }
      }
      /**
       * Returns the underlying {@link WorkspaceEdit} literal
       * use to be returned from a workspace edit operation like rename.
       */
      get edit() {
        this.initDocumentChanges();
        if (this._changeAnnotations !== void 0) {
          if (this._changeAnnotations.size === 0) {
            this._workspaceEdit.changeAnnotations = void 0;
          } else {
            this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
          }
        }
        return this._workspaceEdit;
      }
      getTextEditChange(key) {
        if (OptionalVersionedTextDocumentIdentifier.is(key)) {
          this.initDocumentChanges();
          if (this._workspaceEdit.documentChanges === void 0) {
            throw new Error("Workspace edit is not configured for document changes.");
          }
          const textDocument = { uri: key.uri, version: key.version };
          let result = this._textEditChanges[textDocument.uri];
          if (!result) {
            const edits = [];
            const textDocumentEdit = {
              textDocument,
              edits
            };
            this._workspaceEdit.documentChanges.push(textDocumentEdit);
            result = new TextEditChangeImpl(edits, this._changeAnnotations);
            this._textEditChanges[textDocument.uri] = result;
          }
          return result;
        } else {
          this.initChanges();
          if (this._workspaceEdit.changes === void 0) {
            throw new Error("Workspace edit is not configured for normal text edit changes.");
          }
          let result = this._textEditChanges[key];
          if (!result) {
            const edits = [];
            this._workspaceEdit.changes[key] = edits;
            result = new TextEditChangeImpl(edits);
            this._textEditChanges[key] = result;
          }
          return result;
        }
      }
      initDocumentChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._changeAnnotations = new ChangeAnnotations();
          this._workspaceEdit.documentChanges = [];
          this._workspaceEdit.changeAnnotations = this._changeAnnotations.all();
        }
      }
      initChanges() {
        if (this._workspaceEdit.documentChanges === void 0 && this._workspaceEdit.changes === void 0) {
          this._workspaceEdit.changes = /* @__PURE__ */ Object.create(null);
        }
      }
      createFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = CreateFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = CreateFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      renameFile(oldUri, newUri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = RenameFile.create(oldUri, newUri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = RenameFile.create(oldUri, newUri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
      deleteFile(uri, optionsOrAnnotation, options) {
        this.initDocumentChanges();
        if (this._workspaceEdit.documentChanges === void 0) {
          throw new Error("Workspace edit is not configured for document changes.");
        }
        let annotation;
        if (ChangeAnnotation.is(optionsOrAnnotation) || ChangeAnnotationIdentifier.is(optionsOrAnnotation)) {
          annotation = optionsOrAnnotation;
        } else {
          options = optionsOrAnnotation;
        }
        let operation;
        let id;
        if (annotation === void 0) {
          operation = DeleteFile.create(uri, options);
        } else {
          id = ChangeAnnotationIdentifier.is(annotation) ? annotation : this._changeAnnotations.manage(annotation);
          operation = DeleteFile.create(uri, options, id);
        }
        this._workspaceEdit.documentChanges.push(operation);
        if (id !== void 0) {
          return id;
        }
      }
    };
    (function(TextDocumentIdentifier2) {
      function create(uri) {
        return { uri };
      }
      TextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri);
      }
      TextDocumentIdentifier2.is = is;
    })(TextDocumentIdentifier || (TextDocumentIdentifier = {}));
    (function(VersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      VersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.integer(candidate.version);
      }
      VersionedTextDocumentIdentifier2.is = is;
    })(VersionedTextDocumentIdentifier || (VersionedTextDocumentIdentifier = {}));
    (function(OptionalVersionedTextDocumentIdentifier2) {
      function create(uri, version) {
        return { uri, version };
      }
      OptionalVersionedTextDocumentIdentifier2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (candidate.version === null || Is.integer(candidate.version));
      }
      OptionalVersionedTextDocumentIdentifier2.is = is;
    })(OptionalVersionedTextDocumentIdentifier || (OptionalVersionedTextDocumentIdentifier = {}));
    (function(LanguageKind2) {
      LanguageKind2.ABAP = "abap";
      LanguageKind2.WindowsBat = "bat";
      LanguageKind2.BibTeX = "bibtex";
      LanguageKind2.Clojure = "clojure";
      LanguageKind2.Coffeescript = "coffeescript";
      LanguageKind2.C = "c";
      LanguageKind2.CPP = "cpp";
      LanguageKind2.CSharp = "csharp";
      LanguageKind2.CSS = "css";
      LanguageKind2.D = "d";
      LanguageKind2.Delphi = "pascal";
      LanguageKind2.Diff = "diff";
      LanguageKind2.Dart = "dart";
      LanguageKind2.Dockerfile = "dockerfile";
      LanguageKind2.Elixir = "elixir";
      LanguageKind2.Erlang = "erlang";
      LanguageKind2.FSharp = "fsharp";
      LanguageKind2.GitCommit = "git-commit";
      LanguageKind2.GitRebase = "git-rebase";
      LanguageKind2.Go = "go";
      LanguageKind2.Groovy = "groovy";
      LanguageKind2.Handlebars = "handlebars";
      LanguageKind2.Haskell = "haskell";
      LanguageKind2.HTML = "html";
      LanguageKind2.Ini = "ini";
      LanguageKind2.Java = "java";
      LanguageKind2.JavaScript = "javascript";
      LanguageKind2.JavaScriptReact = "javascriptreact";
      LanguageKind2.JSON = "json";
      LanguageKind2.LaTeX = "latex";
      LanguageKind2.Less = "less";
      LanguageKind2.Lua = "lua";
      LanguageKind2.Makefile = "makefile";
      LanguageKind2.Markdown = "markdown";
      LanguageKind2.ObjectiveC = "objective-c";
      LanguageKind2.ObjectiveCPP = "objective-cpp";
      LanguageKind2.Pascal = "pascal";
      LanguageKind2.Perl = "perl";
      LanguageKind2.Perl6 = "perl6";
      LanguageKind2.PHP = "php";
      LanguageKind2.Plaintext = "plaintext";
      LanguageKind2.Powershell = "powershell";
      LanguageKind2.Pug = "jade";
      LanguageKind2.Python = "python";
      LanguageKind2.R = "r";
      LanguageKind2.Razor = "razor";
      LanguageKind2.Ruby = "ruby";
      LanguageKind2.Rust = "rust";
      LanguageKind2.SCSS = "scss";
      LanguageKind2.SASS = "sass";
      LanguageKind2.Scala = "scala";
      LanguageKind2.ShaderLab = "shaderlab";
      LanguageKind2.ShellScript = "shellscript";
      LanguageKind2.SQL = "sql";
      LanguageKind2.Swift = "swift";
      LanguageKind2.TypeScript = "typescript";
      LanguageKind2.TypeScriptReact = "typescriptreact";
      LanguageKind2.TeX = "tex";
      LanguageKind2.VisualBasic = "vb";
      LanguageKind2.XML = "xml";
      LanguageKind2.XSL = "xsl";
      LanguageKind2.YAML = "yaml";
    })(LanguageKind || (LanguageKind = {}));
    (function(TextDocumentItem2) {
      function create(uri, languageId, version, text) {
        return { uri, languageId, version, text };
      }
      TextDocumentItem2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && Is.string(candidate.languageId) && Is.integer(candidate.version) && Is.string(candidate.text);
      }
      TextDocumentItem2.is = is;
    })(TextDocumentItem || (TextDocumentItem = {}));
    (function(MarkupKind2) {
      MarkupKind2.PlainText = "plaintext";
      MarkupKind2.Markdown = "markdown";
      function is(value) {
        const candidate = value;
        return candidate === MarkupKind2.PlainText || candidate === MarkupKind2.Markdown;
      }
      MarkupKind2.is = is;
    })(MarkupKind || (MarkupKind = {}));
    (function(MarkupContent2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(value) && MarkupKind.is(candidate.kind) && Is.string(candidate.value);
      }
      MarkupContent2.is = is;
    })(MarkupContent || (MarkupContent = {}));
    (function(CompletionItemKind2) {
      CompletionItemKind2.Text = 1;
      CompletionItemKind2.Method = 2;
      CompletionItemKind2.Function = 3;
      CompletionItemKind2.Constructor = 4;
      CompletionItemKind2.Field = 5;
      CompletionItemKind2.Variable = 6;
      CompletionItemKind2.Class = 7;
      CompletionItemKind2.Interface = 8;
      CompletionItemKind2.Module = 9;
      CompletionItemKind2.Property = 10;
      CompletionItemKind2.Unit = 11;
      CompletionItemKind2.Value = 12;
      CompletionItemKind2.Enum = 13;
      CompletionItemKind2.Keyword = 14;
      CompletionItemKind2.Snippet = 15;
      CompletionItemKind2.Color = 16;
      CompletionItemKind2.File = 17;
      CompletionItemKind2.Reference = 18;
      CompletionItemKind2.Folder = 19;
      CompletionItemKind2.EnumMember = 20;
      CompletionItemKind2.Constant = 21;
      CompletionItemKind2.Struct = 22;
      CompletionItemKind2.Event = 23;
      CompletionItemKind2.Operator = 24;
      CompletionItemKind2.TypeParameter = 25;
    })(CompletionItemKind || (CompletionItemKind = {}));
    (function(InsertTextFormat2) {
      InsertTextFormat2.PlainText = 1;
      InsertTextFormat2.Snippet = 2;
    })(InsertTextFormat || (InsertTextFormat = {}));
    (function(CompletionItemTag2) {
      CompletionItemTag2.Deprecated = 1;
    })(CompletionItemTag || (CompletionItemTag = {}));
    (function(InsertReplaceEdit2) {
      function create(newText, insert, replace) {
        return { newText, insert, replace };
      }
      InsertReplaceEdit2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.newText) && Range.is(candidate.insert) && Range.is(candidate.replace);
      }
      InsertReplaceEdit2.is = is;
    })(InsertReplaceEdit || (InsertReplaceEdit = {}));
    (function(InsertTextMode2) {
      InsertTextMode2.asIs = 1;
      InsertTextMode2.adjustIndentation = 2;
    })(InsertTextMode || (InsertTextMode = {}));
    (function(ApplyKind2) {
      ApplyKind2.Replace = 1;
      ApplyKind2.Merge = 2;
    })(ApplyKind || (ApplyKind = {}));
    (function(CompletionItemLabelDetails2) {
      function is(value) {
        const candidate = value;
        return candidate && (Is.string(candidate.detail) || candidate.detail === void 0) && (Is.string(candidate.description) || candidate.description === void 0);
      }
      CompletionItemLabelDetails2.is = is;
    })(CompletionItemLabelDetails || (CompletionItemLabelDetails = {}));
    (function(CompletionItem2) {
      function create(label) {
        return { label };
      }
      CompletionItem2.create = create;
    })(CompletionItem || (CompletionItem = {}));
    (function(CompletionList2) {
      function create(items, isIncomplete) {
        return { items: items ? items : [], isIncomplete: !!isIncomplete };
      }
      CompletionList2.create = create;
    })(CompletionList || (CompletionList = {}));
    (function(MarkedString2) {
      function fromPlainText(plainText) {
        return plainText.replace(/[\\`*_{}[\]()#+\-.!]/g, "\\$&");
      }
      MarkedString2.fromPlainText = fromPlainText;
      function is(value) {
        const candidate = value;
        return Is.string(candidate) || Is.objectLiteral(candidate) && Is.string(candidate.language) && Is.string(candidate.value);
      }
      MarkedString2.is = is;
    })(MarkedString || (MarkedString = {}));
    (function(Hover2) {
      function is(value) {
        const candidate = value;
        return !!candidate && Is.objectLiteral(candidate) && (MarkupContent.is(candidate.contents) || MarkedString.is(candidate.contents) || Is.typedArray(candidate.contents, MarkedString.is)) && (value.range === void 0 || Range.is(value.range));
      }
      Hover2.is = is;
    })(Hover || (Hover = {}));
    (function(ParameterInformation2) {
      function create(label, documentation) {
        return documentation ? { label, documentation } : { label };
      }
      ParameterInformation2.create = create;
    })(ParameterInformation || (ParameterInformation = {}));
    (function(SignatureInformation2) {
      function create(label, documentation, ...parameters) {
        const result = { label };
        if (Is.defined(documentation)) {
          result.documentation = documentation;
        }
        if (Is.defined(parameters)) {
          result.parameters = parameters;
        } else {
          result.parameters = [];
        }
        return result;
      }
      SignatureInformation2.create = create;
    })(SignatureInformation || (SignatureInformation = {}));
    (function(DocumentHighlightKind2) {
      DocumentHighlightKind2.Text = 1;
      DocumentHighlightKind2.Read = 2;
      DocumentHighlightKind2.Write = 3;
    })(DocumentHighlightKind || (DocumentHighlightKind = {}));
    (function(DocumentHighlight2) {
      function create(range, kind) {
        const result = { range };
        if (Is.number(kind)) {
          result.kind = kind;
        }
        return result;
      }
      DocumentHighlight2.create = create;
    })(DocumentHighlight || (DocumentHighlight = {}));
    (function(SymbolKind2) {
      SymbolKind2.File = 1;
      SymbolKind2.Module = 2;
      SymbolKind2.Namespace = 3;
      SymbolKind2.Package = 4;
      SymbolKind2.Class = 5;
      SymbolKind2.Method = 6;
      SymbolKind2.Property = 7;
      SymbolKind2.Field = 8;
      SymbolKind2.Constructor = 9;
      SymbolKind2.Enum = 10;
      SymbolKind2.Interface = 11;
      SymbolKind2.Function = 12;
      SymbolKind2.Variable = 13;
      SymbolKind2.Constant = 14;
      SymbolKind2.String = 15;
      SymbolKind2.Number = 16;
      SymbolKind2.Boolean = 17;
      SymbolKind2.Array = 18;
      SymbolKind2.Object = 19;
      SymbolKind2.Key = 20;
      SymbolKind2.Null = 21;
      SymbolKind2.EnumMember = 22;
      SymbolKind2.Struct = 23;
      SymbolKind2.Event = 24;
      SymbolKind2.Operator = 25;
      SymbolKind2.TypeParameter = 26;
    })(SymbolKind || (SymbolKind = {}));
    (function(SymbolTag2) {
      SymbolTag2.Deprecated = 1;
    })(SymbolTag || (SymbolTag = {}));
    (function(SymbolInformation2) {
      function create(name2, kind, range, uri, containerName) {
        const result = {
          name: name2,
          kind,
          location: { uri, range }
        };
        if (containerName) {
          result.containerName = containerName;
        }
        return result;
      }
      SymbolInformation2.create = create;
    })(SymbolInformation || (SymbolInformation = {}));
    (function(WorkspaceSymbol2) {
      function create(name2, kind, uri, range) {
        return range !== void 0 ? { name: name2, kind, location: { uri, range } } : { name: name2, kind, location: { uri } };
      }
      WorkspaceSymbol2.create = create;
    })(WorkspaceSymbol || (WorkspaceSymbol = {}));
    (function(DocumentSymbol2) {
      function create(name2, detail, kind, range, selectionRange, children) {
        const result = {
          name: name2,
          detail,
          kind,
          range,
          selectionRange
        };
        if (children !== void 0) {
          result.children = children;
        }
        return result;
      }
      DocumentSymbol2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.name) && Is.number(candidate.kind) && Range.is(candidate.range) && Range.is(candidate.selectionRange) && (candidate.detail === void 0 || Is.string(candidate.detail)) && (candidate.deprecated === void 0 || Is.boolean(candidate.deprecated)) && (candidate.children === void 0 || Array.isArray(candidate.children)) && (candidate.tags === void 0 || Array.isArray(candidate.tags));
      }
      DocumentSymbol2.is = is;
    })(DocumentSymbol || (DocumentSymbol = {}));
    (function(CodeActionKind2) {
      CodeActionKind2.Empty = "";
      CodeActionKind2.QuickFix = "quickfix";
      CodeActionKind2.Refactor = "refactor";
      CodeActionKind2.RefactorExtract = "refactor.extract";
      CodeActionKind2.RefactorInline = "refactor.inline";
      CodeActionKind2.RefactorMove = "refactor.move";
      CodeActionKind2.RefactorRewrite = "refactor.rewrite";
      CodeActionKind2.Source = "source";
      CodeActionKind2.SourceOrganizeImports = "source.organizeImports";
      CodeActionKind2.SourceFixAll = "source.fixAll";
      CodeActionKind2.Notebook = "notebook";
    })(CodeActionKind || (CodeActionKind = {}));
    (function(CodeActionTriggerKind2) {
      CodeActionTriggerKind2.Invoked = 1;
      CodeActionTriggerKind2.Automatic = 2;
    })(CodeActionTriggerKind || (CodeActionTriggerKind = {}));
    (function(CodeActionContext2) {
      function create(diagnostics, only, triggerKind) {
        const result = { diagnostics };
        if (only !== void 0 && only !== null) {
          result.only = only;
        }
        if (triggerKind !== void 0 && triggerKind !== null) {
          result.triggerKind = triggerKind;
        }
        return result;
      }
      CodeActionContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.typedArray(candidate.diagnostics, Diagnostic.is) && (candidate.only === void 0 || Is.typedArray(candidate.only, Is.string)) && (candidate.triggerKind === void 0 || candidate.triggerKind === CodeActionTriggerKind.Invoked || candidate.triggerKind === CodeActionTriggerKind.Automatic);
      }
      CodeActionContext2.is = is;
    })(CodeActionContext || (CodeActionContext = {}));
    (function(CodeActionTag2) {
      CodeActionTag2.LLMGenerated = 1;
      function is(value) {
        return Is.defined(value) && value === CodeActionTag2.LLMGenerated;
      }
      CodeActionTag2.is = is;
    })(CodeActionTag || (CodeActionTag = {}));
    (function(CodeAction2) {
      function create(title, kindOrCommandOrEdit, kind) {
        const result = { title };
        let checkKind = true;
        if (typeof kindOrCommandOrEdit === "string") {
          checkKind = false;
          result.kind = kindOrCommandOrEdit;
        } else if (Command.is(kindOrCommandOrEdit)) {
          result.command = kindOrCommandOrEdit;
        } else {
          result.edit = kindOrCommandOrEdit;
        }
        if (checkKind && kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      CodeAction2.create = create;
      function is(value) {
        const candidate = value;
        return candidate && Is.string(candidate.title) && (candidate.diagnostics === void 0 || Is.typedArray(candidate.diagnostics, Diagnostic.is)) && (candidate.kind === void 0 || Is.string(candidate.kind)) && (candidate.edit !== void 0 || candidate.command !== void 0) && (candidate.command === void 0 || Command.is(candidate.command)) && (candidate.isPreferred === void 0 || Is.boolean(candidate.isPreferred)) && (candidate.edit === void 0 || WorkspaceEdit.is(candidate.edit)) && (candidate.tags === void 0 || Is.typedArray(candidate.tags, CodeActionTag.is));
      }
      CodeAction2.is = is;
    })(CodeAction || (CodeAction = {}));
    (function(CodeLens2) {
      function create(range, data) {
        const result = { range };
        if (Is.defined(data)) {
          result.data = data;
        }
        return result;
      }
      CodeLens2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.command) || Command.is(candidate.command));
      }
      CodeLens2.is = is;
    })(CodeLens || (CodeLens = {}));
    (function(FormattingOptions2) {
      function create(tabSize, insertSpaces) {
        return { tabSize, insertSpaces };
      }
      FormattingOptions2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.uinteger(candidate.tabSize) && Is.boolean(candidate.insertSpaces);
      }
      FormattingOptions2.is = is;
    })(FormattingOptions || (FormattingOptions = {}));
    (function(DocumentLink2) {
      function create(range, target, data) {
        return { range, target, data };
      }
      DocumentLink2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(candidate.range) && (Is.undefined(candidate.target) || Is.string(candidate.target));
      }
      DocumentLink2.is = is;
    })(DocumentLink || (DocumentLink = {}));
    (function(SelectionRange2) {
      function create(range, parent) {
        return { range, parent };
      }
      SelectionRange2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Range.is(candidate.range) && (candidate.parent === void 0 || SelectionRange2.is(candidate.parent));
      }
      SelectionRange2.is = is;
    })(SelectionRange || (SelectionRange = {}));
    (function(SemanticTokenTypes2) {
      SemanticTokenTypes2["namespace"] = "namespace";
      SemanticTokenTypes2["type"] = "type";
      SemanticTokenTypes2["class"] = "class";
      SemanticTokenTypes2["enum"] = "enum";
      SemanticTokenTypes2["interface"] = "interface";
      SemanticTokenTypes2["struct"] = "struct";
      SemanticTokenTypes2["typeParameter"] = "typeParameter";
      SemanticTokenTypes2["parameter"] = "parameter";
      SemanticTokenTypes2["variable"] = "variable";
      SemanticTokenTypes2["property"] = "property";
      SemanticTokenTypes2["enumMember"] = "enumMember";
      SemanticTokenTypes2["event"] = "event";
      SemanticTokenTypes2["function"] = "function";
      SemanticTokenTypes2["method"] = "method";
      SemanticTokenTypes2["macro"] = "macro";
      SemanticTokenTypes2["keyword"] = "keyword";
      SemanticTokenTypes2["modifier"] = "modifier";
      SemanticTokenTypes2["comment"] = "comment";
      SemanticTokenTypes2["string"] = "string";
      SemanticTokenTypes2["number"] = "number";
      SemanticTokenTypes2["regexp"] = "regexp";
      SemanticTokenTypes2["operator"] = "operator";
      SemanticTokenTypes2["decorator"] = "decorator";
      SemanticTokenTypes2["label"] = "label";
    })(SemanticTokenTypes || (SemanticTokenTypes = {}));
    (function(SemanticTokenModifiers2) {
      SemanticTokenModifiers2["declaration"] = "declaration";
      SemanticTokenModifiers2["definition"] = "definition";
      SemanticTokenModifiers2["readonly"] = "readonly";
      SemanticTokenModifiers2["static"] = "static";
      SemanticTokenModifiers2["deprecated"] = "deprecated";
      SemanticTokenModifiers2["abstract"] = "abstract";
      SemanticTokenModifiers2["async"] = "async";
      SemanticTokenModifiers2["modification"] = "modification";
      SemanticTokenModifiers2["documentation"] = "documentation";
      SemanticTokenModifiers2["defaultLibrary"] = "defaultLibrary";
    })(SemanticTokenModifiers || (SemanticTokenModifiers = {}));
    (function(SemanticTokens2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.resultId === void 0 || typeof candidate.resultId === "string") && Array.isArray(candidate.data) && (candidate.data.length === 0 || typeof candidate.data[0] === "number");
      }
      SemanticTokens2.is = is;
    })(SemanticTokens || (SemanticTokens = {}));
    (function(InlineValueText2) {
      function create(range, text) {
        return { range, text };
      }
      InlineValueText2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.string(candidate.text);
      }
      InlineValueText2.is = is;
    })(InlineValueText || (InlineValueText = {}));
    (function(InlineValueVariableLookup2) {
      function create(range, variableName, caseSensitiveLookup) {
        return { range, variableName, caseSensitiveLookup };
      }
      InlineValueVariableLookup2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && Is.boolean(candidate.caseSensitiveLookup) && (Is.string(candidate.variableName) || candidate.variableName === void 0);
      }
      InlineValueVariableLookup2.is = is;
    })(InlineValueVariableLookup || (InlineValueVariableLookup = {}));
    (function(InlineValueEvaluatableExpression2) {
      function create(range, expression) {
        return { range, expression };
      }
      InlineValueEvaluatableExpression2.create = create;
      function is(value) {
        const candidate = value;
        return candidate !== void 0 && candidate !== null && Range.is(candidate.range) && (Is.string(candidate.expression) || candidate.expression === void 0);
      }
      InlineValueEvaluatableExpression2.is = is;
    })(InlineValueEvaluatableExpression || (InlineValueEvaluatableExpression = {}));
    (function(InlineValueContext2) {
      function create(frameId, stoppedLocation) {
        return { frameId, stoppedLocation };
      }
      InlineValueContext2.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Range.is(value.stoppedLocation);
      }
      InlineValueContext2.is = is;
    })(InlineValueContext || (InlineValueContext = {}));
    (function(InlayHintKind2) {
      InlayHintKind2.Type = 1;
      InlayHintKind2.Parameter = 2;
      function is(value) {
        return value === 1 || value === 2;
      }
      InlayHintKind2.is = is;
    })(InlayHintKind || (InlayHintKind = {}));
    (function(InlayHintLabelPart2) {
      function create(value) {
        return { value };
      }
      InlayHintLabelPart2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.location === void 0 || Location.is(candidate.location)) && (candidate.command === void 0 || Command.is(candidate.command));
      }
      InlayHintLabelPart2.is = is;
    })(InlayHintLabelPart || (InlayHintLabelPart = {}));
    (function(InlayHint2) {
      function create(position, label, kind) {
        const result = { position, label };
        if (kind !== void 0) {
          result.kind = kind;
        }
        return result;
      }
      InlayHint2.create = create;
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && Position.is(candidate.position) && (Is.string(candidate.label) || Is.typedArray(candidate.label, InlayHintLabelPart.is)) && (candidate.kind === void 0 || InlayHintKind.is(candidate.kind)) && candidate.textEdits === void 0 || Is.typedArray(candidate.textEdits, TextEdit.is) && (candidate.tooltip === void 0 || Is.string(candidate.tooltip) || MarkupContent.is(candidate.tooltip)) && (candidate.paddingLeft === void 0 || Is.boolean(candidate.paddingLeft)) && (candidate.paddingRight === void 0 || Is.boolean(candidate.paddingRight));
      }
      InlayHint2.is = is;
    })(InlayHint || (InlayHint = {}));
    (function(StringValue2) {
      function createSnippet(value) {
        return { kind: "snippet", value };
      }
      StringValue2.createSnippet = createSnippet;
      function isSnippet(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && candidate.kind === "snippet" && Is.string(candidate.value);
      }
      StringValue2.isSnippet = isSnippet;
    })(StringValue || (StringValue = {}));
    (function(InlineCompletionItem2) {
      function create(insertText, filterText, range, command) {
        return { insertText, filterText, range, command };
      }
      InlineCompletionItem2.create = create;
    })(InlineCompletionItem || (InlineCompletionItem = {}));
    (function(InlineCompletionList2) {
      function create(items) {
        return { items };
      }
      InlineCompletionList2.create = create;
    })(InlineCompletionList || (InlineCompletionList = {}));
    (function(InlineCompletionTriggerKind2) {
      InlineCompletionTriggerKind2.Invoked = 1;
      InlineCompletionTriggerKind2.Automatic = 2;
    })(InlineCompletionTriggerKind || (InlineCompletionTriggerKind = {}));
    (function(SelectedCompletionInfo2) {
      function create(range, text) {
        return { range, text };
      }
      SelectedCompletionInfo2.create = create;
    })(SelectedCompletionInfo || (SelectedCompletionInfo = {}));
    (function(InlineCompletionContext2) {
      function create(triggerKind, selectedCompletionInfo) {
        return { triggerKind, selectedCompletionInfo };
      }
      InlineCompletionContext2.create = create;
    })(InlineCompletionContext || (InlineCompletionContext = {}));
    (function(WorkspaceFolder2) {
      function is(value) {
        const candidate = value;
        return Is.objectLiteral(candidate) && URI.is(candidate.uri) && Is.string(candidate.name);
      }
      WorkspaceFolder2.is = is;
    })(WorkspaceFolder || (WorkspaceFolder = {}));
    EOL = ["\n", "\r\n", "\r"];
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function is(value) {
        const candidate = value;
        return Is.defined(candidate) && Is.string(candidate.uri) && (Is.undefined(candidate.languageId) || Is.string(candidate.languageId)) && Is.uinteger(candidate.lineCount) && Is.func(candidate.getText) && Is.func(candidate.positionAt) && Is.func(candidate.offsetAt) ? true : false;
      }
      TextDocument3.is = is;
      function applyEdits(document2, edits) {
        let text = document2.getText();
        const sortedEdits = mergeSort2(edits, (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = text.length;
        for (let i2 = sortedEdits.length - 1; i2 >= 0; i2--) {
          const e = sortedEdits[i2];
          const startOffset = document2.offsetAt(e.range.start);
          const endOffset = document2.offsetAt(e.range.end);
          if (endOffset <= lastModifiedOffset) {
            text = text.substring(0, startOffset) + e.newText + text.substring(endOffset, text.length);
          } else {
            throw new Error("Overlapping edit");
          }
          lastModifiedOffset = startOffset;
        }
        return text;
      }
      TextDocument3.applyEdits = applyEdits;
      function mergeSort2(data, compare) {
        if (data.length <= 1) {
          return data;
        }
        const p = data.length / 2 | 0;
        const left = data.slice(0, p);
        const right = data.slice(p);
        mergeSort2(left, compare);
        mergeSort2(right, compare);
        let leftIdx = 0;
        let rightIdx = 0;
        let i2 = 0;
        while (leftIdx < left.length && rightIdx < right.length) {
          const ret = compare(left[leftIdx], right[rightIdx]);
          if (ret <= 0) {
            data[i2++] = left[leftIdx++];
          } else {
            data[i2++] = right[rightIdx++];
          }
        }
        while (leftIdx < left.length) {
          data[i2++] = left[leftIdx++];
        }
        while (rightIdx < right.length) {
          data[i2++] = right[rightIdx++];
        }
        return data;
      }
    })(TextDocument || (TextDocument = {}));
    FullTextDocument = class {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start2 = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start2, end);
        }
        return this._content;
      }
      update(event, version) {
        this._content = event.text;
        this._version = version;
        this._lineOffsets = void 0;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          const lineOffsets = [];
          const text = this._content;
          let isLineStart = true;
          for (let i2 = 0; i2 < text.length; i2++) {
            if (isLineStart) {
              lineOffsets.push(i2);
              isLineStart = false;
            }
            const ch = text.charAt(i2);
            isLineStart = ch === "\r" || ch === "\n";
            if (ch === "\r" && i2 + 1 < text.length && text.charAt(i2 + 1) === "\n") {
              i2++;
            }
          }
          if (isLineStart && text.length > 0) {
            lineOffsets.push(text.length);
          }
          this._lineOffsets = lineOffsets;
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return Position.create(0, offset);
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        return Position.create(line, offset - lineOffsets[line]);
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        return Math.max(Math.min(lineOffset + position.character, nextLineOffset), lineOffset);
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
    };
    (function(Is2) {
      const toString = Object.prototype.toString;
      function defined(value) {
        return typeof value !== "undefined";
      }
      Is2.defined = defined;
      function undefined2(value) {
        return typeof value === "undefined";
      }
      Is2.undefined = undefined2;
      function boolean(value) {
        return value === true || value === false;
      }
      Is2.boolean = boolean;
      function string(value) {
        return toString.call(value) === "[object String]";
      }
      Is2.string = string;
      function number(value) {
        return toString.call(value) === "[object Number]";
      }
      Is2.number = number;
      function numberRange(value, min, max) {
        return toString.call(value) === "[object Number]" && min <= value && value <= max;
      }
      Is2.numberRange = numberRange;
      function integer2(value) {
        return toString.call(value) === "[object Number]" && -2147483648 <= value && value <= 2147483647;
      }
      Is2.integer = integer2;
      function uinteger2(value) {
        return toString.call(value) === "[object Number]" && 0 <= value && value <= 2147483647;
      }
      Is2.uinteger = uinteger2;
      function func2(value) {
        return toString.call(value) === "[object Function]";
      }
      Is2.func = func2;
      function objectLiteral(value) {
        return value !== null && typeof value === "object";
      }
      Is2.objectLiteral = objectLiteral;
      function typedArray(value, check) {
        return Array.isArray(value) && value.every(check);
      }
      Is2.typedArray = typedArray;
    })(Is || (Is = {}));
  }
});

// node_modules/dockerfile-ast/lib/line.js
var require_line = __commonJS({
  "node_modules/dockerfile-ast/lib/line.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Line = void 0;
    var Line = class {
      constructor(document2, range) {
        this.document = document2;
        this.range = range;
      }
      getRange() {
        return this.range;
      }
      getTextContent() {
        return this.document.getText().substring(this.document.offsetAt(this.range.start), this.document.offsetAt(this.range.end));
      }
      isAfter(line) {
        return this.range.start.line > line.range.start.line;
      }
      isBefore(line) {
        return this.range.start.line < line;
      }
    };
    exports.Line = Line;
  }
});

// node_modules/dockerfile-ast/lib/util.js
var require_util = __commonJS({
  "node_modules/dockerfile-ast/lib/util.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Util = void 0;
    var Util = class _Util {
      static isUTF8BOM(char) {
        const uintArray = Uint8Array.from(Buffer.from(char, "UTF-8"));
        return uintArray[0] === 239 && uintArray[1] == 187 && uintArray[2] == 191;
      }
      static isWhitespace(char) {
        return char === " " || char === "	" || _Util.isNewline(char);
      }
      static isNewline(char) {
        return char === "\r" || char === "\n";
      }
      static findLeadingNonWhitespace(content, escapeChar) {
        whitespaceCheck: for (let i2 = 0; i2 < content.length; i2++) {
          switch (content.charAt(i2)) {
            case " ":
            case "	":
              continue;
            case escapeChar:
              escapeCheck: for (let j = i2 + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    i2 = j + 1;
                    continue whitespaceCheck;
                  case "\n":
                    i2 = j;
                    continue whitespaceCheck;
                  default:
                    break escapeCheck;
                }
              }
              return -1;
            default:
              return i2;
          }
        }
        return -1;
      }
      /**
       * Determines if the given position is contained within the given range.
       *
       * @param position the position to check
       * @param range the range to see if the position is inside of
       */
      static isInsideRange(position, range) {
        if (range.start.line === range.end.line) {
          return range.start.line === position.line && range.start.character <= position.character && position.character <= range.end.character;
        } else if (range.start.line === position.line) {
          return range.start.character <= position.character;
        } else if (range.end.line === position.line) {
          return position.character <= range.end.character;
        }
        return range.start.line < position.line && position.line < range.end.line;
      }
      static parseHeredocName(value) {
        value = value.substring(2);
        if (value.charAt(0) === "-") {
          value = value.substring(1);
        }
        if (value.charAt(0) === '"') {
          if (value.charAt(value.length - 1) !== '"') {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "'") {
          if (value.charAt(value.length - 1) !== "'") {
            return null;
          }
          value = value.substring(1, value.length - 1);
        }
        if (value.charAt(0) === "<") {
          return null;
        }
        return value;
      }
    };
    exports.Util = Util;
  }
});

// node_modules/dockerfile-ast/lib/comment.js
var require_comment = __commonJS({
  "node_modules/dockerfile-ast/lib/comment.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Comment = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var line_1 = require_line();
    var util_1 = require_util();
    var Comment = class extends line_1.Line {
      constructor(document2, range) {
        super(document2, range);
      }
      toString() {
        const content = this.getContent();
        if (content) {
          return "# " + content;
        }
        return "#";
      }
      /**
       * Returns the content of this comment. This excludes leading and
       * trailing whitespace as well as the # symbol. If the comment only
       * consists of whitespace, the empty string will be returned.
       */
      getContent() {
        let range = this.getContentRange();
        if (range === null) {
          return "";
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      /**
       * Returns a range that includes the content of the comment
       * excluding any leading and trailing whitespace as well as the #
       * symbol. May return null if the comment only consists of whitespace
       * characters.
       */
      getContentRange() {
        let range = this.getRange();
        const startOffset = this.document.offsetAt(range.start);
        let raw = this.document.getText().substring(startOffset, this.document.offsetAt(range.end));
        let start2 = -1;
        let end = -1;
        for (let i2 = 1; i2 < raw.length; i2++) {
          if (!util_1.Util.isWhitespace(raw.charAt(i2))) {
            start2 = i2;
            break;
          }
        }
        if (start2 === -1) {
          return null;
        }
        for (let i2 = raw.length - 1; i2 >= 1; i2--) {
          if (!util_1.Util.isWhitespace(raw.charAt(i2))) {
            end = i2 + 1;
            break;
          }
        }
        return vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + start2), this.document.positionAt(startOffset + end));
      }
    };
    exports.Comment = Comment;
  }
});

// node_modules/vscode-languageserver-textdocument/lib/esm/main.js
var main_exports2 = {};
__export(main_exports2, {
  TextDocument: () => TextDocument2
});
function mergeSort(data, compare) {
  if (data.length <= 1) {
    return data;
  }
  const p = data.length / 2 | 0;
  const left = data.slice(0, p);
  const right = data.slice(p);
  mergeSort(left, compare);
  mergeSort(right, compare);
  let leftIdx = 0;
  let rightIdx = 0;
  let i2 = 0;
  while (leftIdx < left.length && rightIdx < right.length) {
    const ret = compare(left[leftIdx], right[rightIdx]);
    if (ret <= 0) {
      data[i2++] = left[leftIdx++];
    } else {
      data[i2++] = right[rightIdx++];
    }
  }
  while (leftIdx < left.length) {
    data[i2++] = left[leftIdx++];
  }
  while (rightIdx < right.length) {
    data[i2++] = right[rightIdx++];
  }
  return data;
}
function computeLineOffsets(text, isAtLineStart, textOffset = 0) {
  const result = isAtLineStart ? [textOffset] : [];
  for (let i2 = 0; i2 < text.length; i2++) {
    const ch = text.charCodeAt(i2);
    if (isEOL(ch)) {
      if (ch === 13 && i2 + 1 < text.length && text.charCodeAt(i2 + 1) === 10) {
        i2++;
      }
      result.push(textOffset + i2 + 1);
    }
  }
  return result;
}
function isEOL(char) {
  return char === 13 || char === 10;
}
function getWellformedRange(range) {
  const start2 = range.start;
  const end = range.end;
  if (start2.line > end.line || start2.line === end.line && start2.character > end.character) {
    return { start: end, end: start2 };
  }
  return range;
}
function getWellformedEdit(textEdit) {
  const range = getWellformedRange(textEdit.range);
  if (range !== textEdit.range) {
    return { newText: textEdit.newText, range };
  }
  return textEdit;
}
var FullTextDocument2, TextDocument2;
var init_main2 = __esm({
  "node_modules/vscode-languageserver-textdocument/lib/esm/main.js"() {
    "use strict";
    FullTextDocument2 = class _FullTextDocument {
      constructor(uri, languageId, version, content) {
        this._uri = uri;
        this._languageId = languageId;
        this._version = version;
        this._content = content;
        this._lineOffsets = void 0;
      }
      get uri() {
        return this._uri;
      }
      get languageId() {
        return this._languageId;
      }
      get version() {
        return this._version;
      }
      getText(range) {
        if (range) {
          const start2 = this.offsetAt(range.start);
          const end = this.offsetAt(range.end);
          return this._content.substring(start2, end);
        }
        return this._content;
      }
      update(changes, version) {
        for (const change of changes) {
          if (_FullTextDocument.isIncremental(change)) {
            const range = getWellformedRange(change.range);
            const startOffset = this.offsetAt(range.start);
            const endOffset = this.offsetAt(range.end);
            this._content = this._content.substring(0, startOffset) + change.text + this._content.substring(endOffset, this._content.length);
            const insertedEndOffset = startOffset + change.text.length;
            const crlfAtStart = this._content.charCodeAt(startOffset - 1) === 13 && this._content.charCodeAt(startOffset) === 10;
            const crlfAtEnd = this._content.charCodeAt(insertedEndOffset - 1) === 13 && this._content.charCodeAt(insertedEndOffset) === 10;
            if (crlfAtStart || crlfAtEnd) {
              this._lineOffsets = void 0;
              continue;
            }
            const startLine = Math.max(range.start.line, 0);
            const endLine = Math.max(range.end.line, 0);
            let lineOffsets = this._lineOffsets;
            const addedLineOffsets = computeLineOffsets(change.text, false, startOffset);
            if (endLine - startLine === addedLineOffsets.length) {
              for (let i2 = 0, len = addedLineOffsets.length; i2 < len; i2++) {
                lineOffsets[i2 + startLine + 1] = addedLineOffsets[i2];
              }
            } else {
              if (addedLineOffsets.length < 1e4) {
                lineOffsets.splice(startLine + 1, endLine - startLine, ...addedLineOffsets);
              } else {
                this._lineOffsets = lineOffsets = lineOffsets.slice(0, startLine + 1).concat(addedLineOffsets, lineOffsets.slice(endLine + 1));
              }
            }
            const diff = change.text.length - (endOffset - startOffset);
            if (diff !== 0) {
              for (let i2 = startLine + 1 + addedLineOffsets.length, len = lineOffsets.length; i2 < len; i2++) {
                lineOffsets[i2] = lineOffsets[i2] + diff;
              }
            }
          } else if (_FullTextDocument.isFull(change)) {
            this._content = change.text;
            this._lineOffsets = void 0;
          } else {
            throw new Error("Unknown change event received");
          }
        }
        this._version = version;
      }
      getLineOffsets() {
        if (this._lineOffsets === void 0) {
          this._lineOffsets = computeLineOffsets(this._content, true);
        }
        return this._lineOffsets;
      }
      positionAt(offset) {
        offset = Math.max(Math.min(offset, this._content.length), 0);
        const lineOffsets = this.getLineOffsets();
        let low = 0, high = lineOffsets.length;
        if (high === 0) {
          return { line: 0, character: offset };
        }
        while (low < high) {
          const mid = Math.floor((low + high) / 2);
          if (lineOffsets[mid] > offset) {
            high = mid;
          } else {
            low = mid + 1;
          }
        }
        const line = low - 1;
        offset = this.ensureBeforeEOL(offset, lineOffsets[line]);
        return { line, character: offset - lineOffsets[line] };
      }
      offsetAt(position) {
        const lineOffsets = this.getLineOffsets();
        if (position.line >= lineOffsets.length) {
          return this._content.length;
        } else if (position.line < 0) {
          return 0;
        }
        const lineOffset = lineOffsets[position.line];
        if (position.character <= 0) {
          return lineOffset;
        }
        const nextLineOffset = position.line + 1 < lineOffsets.length ? lineOffsets[position.line + 1] : this._content.length;
        const offset = Math.min(lineOffset + position.character, nextLineOffset);
        return this.ensureBeforeEOL(offset, lineOffset);
      }
      getLineRange(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          const lastLine = lineOffsets.length - 1;
          return { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: this._content.length - lineOffsets[lastLine] } };
        } else if (line < 0) {
          return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const startOffset = lineOffsets[line];
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const endOffset = this.ensureBeforeEOL(nextLineOffset, startOffset);
        return { start: { line, character: 0 }, end: { line, character: endOffset - startOffset } };
      }
      getEOLCharacters(line) {
        const lineOffsets = this.getLineOffsets();
        if (line >= lineOffsets.length) {
          return "";
        } else if (line < 0) {
          return "";
        }
        const nextLineOffset = line + 1 < lineOffsets.length ? lineOffsets[line + 1] : this._content.length;
        const eolOffset = this.ensureBeforeEOL(nextLineOffset, lineOffsets[line]);
        return this._content.substring(eolOffset, nextLineOffset);
      }
      ensureBeforeEOL(offset, lineOffset) {
        while (offset > lineOffset && isEOL(this._content.charCodeAt(offset - 1))) {
          offset--;
        }
        return offset;
      }
      get lineCount() {
        return this.getLineOffsets().length;
      }
      static isIncremental(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range !== void 0 && (candidate.rangeLength === void 0 || typeof candidate.rangeLength === "number");
      }
      static isFull(event) {
        const candidate = event;
        return candidate !== void 0 && candidate !== null && typeof candidate.text === "string" && candidate.range === void 0 && candidate.rangeLength === void 0;
      }
    };
    (function(TextDocument3) {
      function create(uri, languageId, version, content) {
        return new FullTextDocument2(uri, languageId, version, content);
      }
      TextDocument3.create = create;
      function update(document2, changes, version) {
        if (document2 instanceof FullTextDocument2) {
          document2.update(changes, version);
          return document2;
        } else {
          throw new Error("TextDocument.update: document must be created by TextDocument.create");
        }
      }
      TextDocument3.update = update;
      function applyEdits(document2, edits) {
        const text = document2.getText();
        const sortedEdits = mergeSort(edits.map(getWellformedEdit), (a, b) => {
          const diff = a.range.start.line - b.range.start.line;
          if (diff === 0) {
            return a.range.start.character - b.range.start.character;
          }
          return diff;
        });
        let lastModifiedOffset = 0;
        const spans = [];
        for (const e of sortedEdits) {
          const startOffset = document2.offsetAt(e.range.start);
          if (startOffset < lastModifiedOffset) {
            throw new Error("Overlapping edit");
          } else if (startOffset > lastModifiedOffset) {
            spans.push(text.substring(lastModifiedOffset, startOffset));
          }
          if (e.newText.length) {
            spans.push(e.newText);
          }
          lastModifiedOffset = document2.offsetAt(e.range.end);
        }
        spans.push(text.substr(lastModifiedOffset));
        return spans.join("");
      }
      TextDocument3.applyEdits = applyEdits;
    })(TextDocument2 || (TextDocument2 = {}));
  }
});

// node_modules/dockerfile-ast/lib/parserDirective.js
var require_parserDirective = __commonJS({
  "node_modules/dockerfile-ast/lib/parserDirective.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ParserDirective = void 0;
    var main_1 = require_main();
    var line_1 = require_line();
    var ParserDirective = class extends line_1.Line {
      constructor(document2, range, nameRange, valueRange2) {
        super(document2, range);
        this.nameRange = nameRange;
        this.valueRange = valueRange2;
      }
      toString() {
        return "# " + this.getName() + "=" + this.getValue();
      }
      getNameRange() {
        return this.nameRange;
      }
      getValueRange() {
        return this.valueRange;
      }
      getName() {
        return this.document.getText().substring(this.document.offsetAt(this.nameRange.start), this.document.offsetAt(this.nameRange.end));
      }
      getValue() {
        return this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
      }
      getDirective() {
        const directive = main_1.Directive[this.getName().toLowerCase()];
        return directive === void 0 ? null : directive;
      }
    };
    exports.ParserDirective = ParserDirective;
  }
});

// node_modules/dockerfile-ast/lib/heredoc.js
var require_heredoc = __commonJS({
  "node_modules/dockerfile-ast/lib/heredoc.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Heredoc = void 0;
    var Heredoc = class {
      constructor(startRange, name2, nameRange, contentRange, endRange) {
        this.startRange = startRange;
        this.name = name2;
        this.nameRange = nameRange;
        this.contentRange = contentRange;
        this.endRange = endRange;
      }
      /**
       * Returns the name of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range of the start operator and the name. If the
       * here-document is initialized with <<EOT then the start range would
       * encompass all five characters.
       *
       * This API is experimental and subject to change.
       */
      getStartRange() {
        return this.startRange;
      }
      /**
       * Returns the range of this here-document's name that is declared at
       * the beginning of the here-document with the operator. If the
       * here-document is initialized with <<EOT then the name range would
       * encompass the latter three "EOT" characters.
       *
       * This API is experimental and subject to change.
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the content of this here-document. This may
       * be null if the here-document has no content because:
       * - the start range is the only thing that was declared
       * - the end range was declared immediately and there is no content
       *
       * This API is experimental and subject to change.
       */
      getContentRange() {
        return this.contentRange;
      }
      /**
       * Returns the range of the here-document's name on a line that
       * represents the end of the here-document.
       *
       * This API is experimental and subject to change.
       */
      getDelimiterRange() {
        return this.endRange;
      }
    };
    exports.Heredoc = Heredoc;
  }
});

// node_modules/dockerfile-ast/lib/variable.js
var require_variable = __commonJS({
  "node_modules/dockerfile-ast/lib/variable.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Variable = void 0;
    var Variable = class {
      constructor(name2, nameRange, range, modifier, modifierRange, substitutionParameter, substitutionRange, defined, buildVariable, stringValue) {
        this.name = name2;
        this.nameRange = nameRange;
        this.range = range;
        this.modifier = modifier;
        this.modifierRange = modifierRange;
        this.substitutionParameter = substitutionParameter;
        this.substitutionRange = substitutionRange;
        this.defined = defined;
        this.buildVariable = buildVariable;
        this.stringValue = stringValue;
      }
      toString() {
        return this.stringValue;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the range of the entire variable. This includes the symbols for
       * the declaration of the variable such as the $, {, and } symbols.
       *
       * @return the range in the document that this variable encompasses in its
       *         entirety
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the modifier character that has been set for
       * specifying how this variable should be expanded and resolved.
       * If this variable is ${variable:+value} then the modifier
       * character is '+'. Will be the empty string if the variable is
       * declared as ${variable:}. Otherwise, will be null if this
       * variable will not use variable substitution at all (such as
       * ${variable} or $variable).
       *
       * @return this variable's modifier character, or the empty
       *         string if it does not have one, or null if this
       *         variable will not use variable substitution
       */
      getModifier() {
        return this.modifier;
      }
      getModifierRange() {
        return this.modifierRange;
      }
      /**
       * Returns the parameter that will be used for substitution if
       * this variable uses modifiers to define how its value should be
       * resolved. If this variable is ${variable:+value} then the
       * substitution value will be 'value'. Will be the empty string
       * if the variable is declared as ${variable:+} or some other
       * variant where the only thing that follows the modifier
       * character (excluding considerations of escape characters and
       * so on) is the variable's closing bracket. May be null if this
       * variable does not have a modifier character defined (such as
       * ${variable} or $variable).
       *
       * @return this variable's substitution parameter, or the empty
       *         string if it does not have one, or null if there is
       *         not one defined
       */
      getSubstitutionParameter() {
        return this.substitutionParameter;
      }
      getSubstitutionRange() {
        return this.substitutionRange;
      }
      /**
       * Returns whether this variable has been defined or not.
       *
       * @return true if this variable has been defined, false otherwise
       */
      isDefined() {
        return this.defined;
      }
      isBuildVariable() {
        return this.buildVariable === true;
      }
      isEnvironmentVariable() {
        return this.buildVariable === false;
      }
    };
    exports.Variable = Variable;
  }
});

// node_modules/dockerfile-ast/lib/instruction.js
var require_instruction = __commonJS({
  "node_modules/dockerfile-ast/lib/instruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Instruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var line_1 = require_line();
    var argument_1 = require_argument();
    var heredoc_1 = require_heredoc();
    var variable_1 = require_variable();
    var main_1 = require_main();
    var Instruction = class extends line_1.Line {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range);
        this.dockerfile = dockerfile2;
        this.escapeChar = escapeChar;
        this.instruction = instruction;
        this.instructionRange = instructionRange;
      }
      toString() {
        let value = this.getKeyword();
        for (let arg of this.getRawArguments()) {
          value += " ";
          value += arg.getValue();
        }
        return value;
      }
      getRangeContent(range) {
        if (range === null) {
          return null;
        }
        return this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
      }
      getInstructionRange() {
        return this.instructionRange;
      }
      getInstruction() {
        return this.instruction;
      }
      getKeyword() {
        return this.getInstruction().toUpperCase();
      }
      getArgumentsRange() {
        let args2 = this.getArguments();
        if (args2.length === 0) {
          return null;
        }
        return vscode_languageserver_types_1.Range.create(args2[0].getRange().start, args2[args2.length - 1].getRange().end);
      }
      getArgumentsRanges() {
        let args2 = this.getArguments();
        if (args2.length === 0) {
          return [];
        }
        if (args2[0].getRange().start.line === args2[args2.length - 1].getRange().end.line) {
          return [vscode_languageserver_types_1.Range.create(args2[0].getRange().start, args2[args2.length - 1].getRange().end)];
        }
        let ranges = [];
        let end = -1;
        let startPosition = args2[0].getRange().start;
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(startPosition) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra, this.document.offsetAt(args2[args2.length - 1].getRange().end) - this.document.offsetAt(range.start));
        let offset = this.document.offsetAt(range.start) + extra;
        let start2 = false;
        let comment = false;
        for (let i2 = 0; i2 < fullArgs.length; i2++) {
          let char = fullArgs.charAt(i2);
          if (char === this.escapeChar) {
            let next = fullArgs.charAt(i2 + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i2 + 2; j < fullArgs.length; j++) {
                switch (fullArgs.charAt(j)) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    if (startPosition !== null) {
                      ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                    }
                    startPosition = null;
                    start2 = true;
                    comment = false;
                    i2 = j;
                    break whitespaceCheck;
                  default:
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
                startPosition = null;
              }
              start2 = true;
              comment = false;
              i2 += 2;
            } else if (next === "\n") {
              if (startPosition !== null) {
                ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
              }
              startPosition = null;
              start2 = true;
              comment = false;
              i2++;
            } else {
              i2++;
            }
          } else if (util_1.Util.isNewline(char)) {
            if (comment) {
              startPosition = null;
              start2 = true;
              comment = false;
            }
          } else {
            if (!comment) {
              if (startPosition === null) {
                if (char === "#") {
                  comment = true;
                  continue;
                }
                let position = this.document.positionAt(offset + i2);
                if (position.character !== 0) {
                  startPosition = vscode_languageserver_types_1.Position.create(position.line, 0);
                }
              }
              end = i2;
            }
          }
        }
        if (startPosition === null) {
          ranges.push(vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + end), this.document.positionAt(offset + end + 1)));
        } else {
          ranges.push(vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(offset + end + 1)));
        }
        return ranges;
      }
      getRawArgumentsContent() {
        let args2 = this.getArguments();
        if (args2.length === 0) {
          return null;
        }
        return this.getRangeContent(vscode_languageserver_types_1.Range.create(args2[0].getRange().start, args2[args2.length - 1].getRange().end));
      }
      getArgumentsContent() {
        let args2 = this.getArguments();
        if (args2.length === 0) {
          return null;
        }
        let content = "";
        let ranges = this.getArgumentsRanges();
        let documentText = this.document.getText();
        for (let range of ranges) {
          content += documentText.substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
        }
        return content;
      }
      getArguments() {
        return this.getRawArguments();
      }
      getRawArguments() {
        let args2 = [];
        let range = this.getInstructionRange();
        let extra = this.document.offsetAt(range.end) - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let offset = this.document.offsetAt(range.start) + extra;
        let start2 = false;
        let comment = false;
        let found = -1;
        let escapedWhitespaceDetected = false;
        let escaping = false;
        let escapeMarker = -1;
        let escapedArg = "";
        for (let i2 = 0; i2 < fullArgs.length; i2++) {
          let char = fullArgs.charAt(i2);
          if (util_1.Util.isWhitespace(char)) {
            if (escaping) {
              escapedWhitespaceDetected = true;
              if (util_1.Util.isNewline(char)) {
                escapedWhitespaceDetected = false;
                if (comment) {
                  comment = false;
                  start2 = true;
                }
              }
              continue;
            } else if (found !== -1) {
              if (escapeMarker === -1) {
                args2.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + i2))));
              } else {
                args2.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
              }
              escapeMarker = -1;
              escapedArg = "";
              found = -1;
            }
          } else if (char === this.escapeChar) {
            let next = fullArgs.charAt(i2 + 1);
            if (next === " " || next === "	") {
              whitespaceCheck: for (let j = i2 + 2; j < fullArgs.length; j++) {
                let newlineCheck = fullArgs.charAt(j);
                switch (newlineCheck) {
                  case " ":
                  case "	":
                    continue;
                  case "\r":
                    j++;
                  case "\n":
                    comment = false;
                    escaping = true;
                    start2 = true;
                    if (found !== -1) {
                      escapeMarker = i2;
                    }
                    i2 = j;
                    break whitespaceCheck;
                  default:
                    escapeMarker = i2;
                    if (found === -1) {
                      i2 = j - 1;
                    }
                    break whitespaceCheck;
                }
              }
            } else if (next === "\r") {
              comment = false;
              escaping = true;
              start2 = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i2;
              }
              i2 += 2;
            } else if (next === "\n") {
              comment = false;
              escaping = true;
              start2 = true;
              if (found !== -1 && escapeMarker === -1) {
                escapeMarker = i2;
              }
              i2++;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args2.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapeMarker = -1;
              escapedWhitespaceDetected = false;
              escaping = false;
              if (next === "$") {
                escapedArg = escapedArg + char + next;
              } else if (next === "") {
                break;
              } else {
                escapedArg = escapedArg + next;
              }
              if (found === -1) {
                found = i2;
              }
              i2++;
            }
          } else if (!comment) {
            if (start2 && char === "#") {
              comment = true;
            } else {
              if (escapedWhitespaceDetected && escapeMarker !== -1) {
                args2.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
                escapedArg = "";
                found = -1;
              }
              escapedWhitespaceDetected = false;
              escaping = false;
              escapeMarker = -1;
              escapedArg = escapedArg + char;
              if (found === -1) {
                found = i2;
              }
            }
            start2 = false;
          }
        }
        if (found !== -1) {
          if (escapeMarker === -1) {
            args2.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + fullArgs.length))));
          } else {
            args2.push(new argument_1.Argument(escapedArg, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + found), this.document.positionAt(offset + escapeMarker))));
          }
        }
        return args2;
      }
      getExpandedArguments() {
        let args2 = this.getArguments();
        for (let i2 = 0; i2 < args2.length; i2++) {
          const argRange = args2[i2].getRange();
          let offset = this.document.offsetAt(argRange.start);
          const variables = this.parseVariables(offset, args2[i2].getValue());
          const swaps = [];
          let requiresExpansion = false;
          for (let variable of variables) {
            const value = this.dockerfile.resolveVariable(variable.getName(), variable.getNameRange().start.line);
            swaps.push(value);
            requiresExpansion = requiresExpansion || value !== void 0;
          }
          if (requiresExpansion) {
            let expanded = "";
            for (let j = 0; j < swaps.length; j++) {
              const variableRange = variables[j].getRange();
              const start2 = this.document.offsetAt(variableRange.start);
              const end = this.document.offsetAt(variableRange.end);
              if (swaps[j]) {
                expanded += this.document.getText().substring(offset, start2);
                expanded += swaps[j];
                offset = end;
              } else {
                expanded += this.document.getText().substring(offset, end);
                offset = end;
              }
            }
            const argEnd = this.document.offsetAt(argRange.end);
            if (argEnd !== offset) {
              expanded += this.document.getText().substring(offset, argEnd);
            }
            args2[i2] = new argument_1.Argument(expanded, argRange);
          }
        }
        return args2;
      }
      getVariables() {
        const variables = [];
        const args2 = this.getRawArguments();
        for (const arg of args2) {
          let range = arg.getRange();
          let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
          const parsedVariables = this.parseVariables(this.document.offsetAt(arg.getRange().start), rawValue);
          for (const parsedVariable of parsedVariables) {
            variables.push(parsedVariable);
          }
        }
        return variables;
      }
      parseVariables(offset, arg) {
        let variables = [];
        variableLoop: for (let i2 = 0; i2 < arg.length; i2++) {
          switch (arg.charAt(i2)) {
            case this.escapeChar:
              if (arg.charAt(i2 + 1) === "$") {
                i2++;
              }
              break;
            case "$":
              if (arg.charAt(i2 + 1) === "{") {
                let escapedString = "${";
                let escapedName = "";
                let nameEnd = -1;
                let escapedSubstitutionParameter = "";
                let substitutionStart = -1;
                let substitutionEnd = -1;
                let modifierRead = -1;
                nameLoop: for (let j = i2 + 2; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      break;
                    case "}":
                      escapedString += "}";
                      let modifier = null;
                      let modifierRange = null;
                      let substitutionParameter = modifierRead !== -1 ? escapedSubstitutionParameter : null;
                      let substitutionRange = null;
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (nameEnd + 1 === j) {
                        modifier = "";
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + nameEnd + 1), this.document.positionAt(offset + nameEnd + 1));
                      } else {
                        if (substitutionStart === -1) {
                          substitutionStart = modifierRead + 1;
                          substitutionEnd = modifierRead + 1;
                        } else {
                          substitutionEnd = substitutionEnd + 1;
                        }
                        modifier = arg.substring(modifierRead, modifierRead + 1);
                        modifierRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + modifierRead), this.document.positionAt(offset + modifierRead + 1));
                        substitutionRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + substitutionStart), this.document.positionAt(offset + substitutionEnd));
                      }
                      let start2 = this.document.positionAt(offset + i2);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i2 + 2), this.document.positionAt(offset + nameEnd)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + j + 1)), modifier, modifierRange, substitutionParameter, substitutionRange, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), escapedString));
                      i2 = j;
                      continue variableLoop;
                    case ":":
                      if (nameEnd === -1) {
                        nameEnd = j;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += ":";
                      } else {
                        modifierRead = j;
                      }
                      escapedString += ":";
                      break;
                    case "\n":
                    case "\r":
                    case " ":
                    case "	":
                      break;
                    default:
                      if (nameEnd === -1) {
                        escapedName += char;
                      } else if (modifierRead !== -1) {
                        if (substitutionStart === -1) {
                          substitutionStart = j;
                          substitutionEnd = j;
                        } else {
                          substitutionEnd = j;
                        }
                        escapedSubstitutionParameter += char;
                      } else {
                        modifierRead = j;
                      }
                      escapedString += char;
                      break;
                  }
                }
                break variableLoop;
              } else if (util_1.Util.isWhitespace(arg.charAt(i2 + 1)) || i2 === arg.length - 1) {
                continue;
              } else {
                let escapedName = "";
                nameLoop: for (let j = i2 + 1; j < arg.length; j++) {
                  let char = arg.charAt(j);
                  switch (char) {
                    case "\r":
                    case "\n":
                    case " ":
                    case "	":
                      continue;
                    case "$":
                    case "'":
                    case '"':
                      let varStart = this.document.positionAt(offset + i2);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i2 + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                      i2 = j - 1;
                      continue variableLoop;
                    case this.escapeChar:
                      for (let k = j + 1; k < arg.length; k++) {
                        switch (arg.charAt(k)) {
                          case " ":
                          case "	":
                          case "\r":
                            continue;
                          case "\n":
                            j = k;
                            continue nameLoop;
                        }
                      }
                      let start3 = this.document.positionAt(offset + i2);
                      variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i2 + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(start3, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start3.line) !== void 0, this.isBuildVariable(escapedName, start3.line), "$" + escapedName));
                      break variableLoop;
                  }
                  if (char.match(/^[a-z0-9_]+$/i) === null) {
                    let varStart = this.document.positionAt(offset + i2);
                    variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i2 + 1), this.document.positionAt(offset + j)), vscode_languageserver_types_1.Range.create(varStart, this.document.positionAt(offset + j)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, varStart.line) !== void 0, this.isBuildVariable(escapedName, varStart.line), "$" + escapedName));
                    i2 = j - 1;
                    continue variableLoop;
                  }
                  escapedName += char;
                }
                let start2 = this.document.positionAt(offset + i2);
                variables.push(new variable_1.Variable(escapedName, vscode_languageserver_types_1.Range.create(this.document.positionAt(offset + i2 + 1), this.document.positionAt(offset + arg.length)), vscode_languageserver_types_1.Range.create(start2, this.document.positionAt(offset + arg.length)), null, null, null, null, this.dockerfile.resolveVariable(escapedName, start2.line) !== void 0, this.isBuildVariable(escapedName, start2.line), "$" + escapedName));
              }
              break variableLoop;
          }
        }
        return variables;
      }
      isBuildVariable(variable, line) {
        if (this.getKeyword() === main_1.Keyword.FROM) {
          for (const initialArg of this.dockerfile.getInitialARGs()) {
            const arg = initialArg;
            const property = arg.getProperty();
            if (property && variable === property.getName()) {
              return true;
            }
          }
          return void 0;
        }
        let image = this.dockerfile.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        let envs = image.getENVs();
        for (let i2 = envs.length - 1; i2 >= 0; i2--) {
          if (envs[i2].isBefore(line)) {
            for (let property of envs[i2].getProperties()) {
              if (property.getName() === variable) {
                return false;
              }
            }
          }
        }
        let args2 = image.getARGs();
        for (let i2 = args2.length - 1; i2 >= 0; i2--) {
          if (args2[i2].isBefore(line)) {
            let property = args2[i2].getProperty();
            if (property && property.getName() === variable) {
              return true;
            }
          }
        }
        return void 0;
      }
      createSingleLineHeredocs(args2) {
        const heredocs = [];
        for (const arg of args2) {
          const value = arg.getValue();
          if (value.startsWith("<<") && util_1.Util.parseHeredocName(value) !== null) {
            const startRange = arg.getRange();
            const nameRange = this.getNameRange(startRange);
            const name2 = this.getName(nameRange);
            heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, null, null));
          }
        }
        return heredocs;
      }
      getName(nameRange) {
        const content = this.document.getText(nameRange);
        let escaping = false;
        let name2 = "";
        nameLoop: for (let i2 = 0; i2 < content.length; i2++) {
          const ch = content.charAt(i2);
          switch (ch) {
            case this.escapeChar:
              escaping = true;
              for (let j = i2 + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    i2 = j + 1;
                    continue nameLoop;
                  case "\n":
                    i2 = j;
                    continue nameLoop;
                  default:
                    name2 += content.charAt(j);
                    i2 = j;
                    continue nameLoop;
                }
              }
              break;
            case "#":
              if (escaping) {
                for (let j = i2 + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i2 = j;
                      continue nameLoop;
                  }
                }
              }
            case " ":
            case "	":
            case "\r":
            case "\n":
              if (escaping) {
                break;
              }
            default:
              name2 += ch;
              break;
          }
        }
        return name2;
      }
      getNameRange(startRange) {
        const content = this.document.getText(startRange);
        let endFound = false;
        let searchHyphen = false;
        let start2 = -1;
        let end = -1;
        let escaping = false;
        let quote = null;
        contentLoop: for (let i2 = 0; i2 < content.length; i2++) {
          const ch = content.charAt(i2);
          switch (ch) {
            case '"':
            case "'":
              if (quote === ch) {
                break contentLoop;
              }
              quote = ch;
              continue;
            case this.escapeChar:
              for (let j = i2 + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case "\n":
                    escaping = true;
                    j = i2;
                    continue contentLoop;
                }
              }
              break;
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "<":
              if (endFound) {
                searchHyphen = true;
              } else {
                endFound = true;
              }
              break;
            case "-":
              if (searchHyphen) {
                searchHyphen = false;
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i2 + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i2 = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (start2 === -1) {
                start2 = i2;
              }
              if (quote !== null) {
                end = i2 + 1;
                break;
              }
              break contentLoop;
          }
        }
        if (start2 === -1) {
          return vscode_languageserver_types_1.Range.create(startRange.end, startRange.end);
        }
        const nameStart = this.document.positionAt(this.document.offsetAt(startRange.start) + start2);
        const nameEnd = quote !== null ? this.document.positionAt(this.document.offsetAt(startRange.start) + end) : startRange.end;
        return vscode_languageserver_types_1.Range.create(nameStart, nameEnd);
      }
      getHeredocs() {
        const args2 = this.getArguments();
        if (args2.length === 0) {
          return [];
        }
        const heredocs = [];
        const range = this.getRange();
        if (range.start.line === range.end.line) {
          return this.createSingleLineHeredocs(args2);
        }
        const heredocDefinitions = [];
        let heredocsProcessed = false;
        let escaping = false;
        let contentStart = -1;
        let contentEnd = -1;
        let lineStart = -1;
        let currentHeredoc = 0;
        const startOffset = this.document.offsetAt(args2[0].getRange().start);
        const content = this.getRangeContent(vscode_languageserver_types_1.Range.create(args2[0].getRange().start, this.getRange().end));
        contentLoop: for (let i2 = 0; i2 < content.length; i2++) {
          switch (content.charAt(i2)) {
            case this.escapeChar:
              escaping = true;
              for (let j = i2 + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                    break;
                  case "\r":
                    j++;
                  case "\n":
                    i2 = j;
                    continue contentLoop;
                  default:
                    i2 = j;
                    continue contentLoop;
                }
              }
              break;
            case "\r":
              break;
            case "\n":
              if (escaping) {
                break;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i2;
                }
                contentEnd = i2;
                const arg = heredocDefinitions[currentHeredoc];
                const startRange = arg.getRange();
                const nameRange = this.getNameRange(startRange);
                const name2 = this.getName(nameRange);
                const delimiterRange = this.getDelimiterRange(arg, name2, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), this.document.positionAt(startOffset + i2)));
                if (delimiterRange !== null) {
                  const contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + lineStart - 1));
                  heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, contentRange, delimiterRange));
                  contentStart = -1;
                  currentHeredoc++;
                }
                lineStart = -1;
              } else {
                const offsetLimit = startOffset + i2;
                for (const arg of args2) {
                  if (this.document.offsetAt(arg.getRange().start) < offsetLimit) {
                    if (arg.getValue().startsWith("<<")) {
                      heredocDefinitions.push(arg);
                    }
                  } else {
                    break;
                  }
                }
                heredocsProcessed = true;
                lineStart = -1;
                continue contentLoop;
              }
              break;
            case " ":
            case "	":
              if (escaping) {
                break;
              }
            case "#":
              if (escaping) {
                for (let j = i2 + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\n":
                      i2 = j;
                      continue contentLoop;
                  }
                }
              }
            default:
              if (escaping) {
                escaping = false;
              }
              if (heredocsProcessed) {
                if (contentStart === -1) {
                  contentStart = i2;
                }
                if (lineStart === -1) {
                  lineStart = i2;
                }
              }
              break;
          }
        }
        if (heredocsProcessed) {
          const arg = heredocDefinitions[currentHeredoc];
          const startRange = arg.getRange();
          const nameRange = this.getNameRange(startRange);
          const name2 = this.getName(nameRange);
          let contentRange = null;
          const delimiterRange = this.getDelimiterRange(arg, name2, vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + lineStart), range.end));
          if (delimiterRange === null) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), range.end);
          } else if (contentEnd !== -1) {
            contentRange = vscode_languageserver_types_1.Range.create(this.document.positionAt(startOffset + contentStart), this.document.positionAt(startOffset + contentEnd));
          }
          heredocs.push(new heredoc_1.Heredoc(startRange, name2, nameRange, contentRange, delimiterRange));
          currentHeredoc++;
          for (let i2 = currentHeredoc; i2 < heredocDefinitions.length; i2++) {
            const arg2 = heredocDefinitions[currentHeredoc];
            const startRange2 = arg2.getRange();
            const nameRange2 = this.getNameRange(startRange2);
            const name3 = this.getName(nameRange2);
            heredocs.push(new heredoc_1.Heredoc(startRange2, name3, nameRange2, null, null));
            currentHeredoc++;
          }
        } else {
          return this.createSingleLineHeredocs(args2);
        }
        return heredocs;
      }
      getDelimiterRange(startArg, name2, candidateRange) {
        const text = this.document.getText(candidateRange);
        if (startArg.getValue().startsWith("<<-")) {
          let index = 0;
          while (text.charAt(index) === "	") {
            index++;
          }
          if (text.substring(index) === name2) {
            return vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(candidateRange.start.line, index), candidateRange.end);
          }
          return null;
        }
        return text === name2 ? candidateRange : null;
      }
    };
    exports.Instruction = Instruction;
  }
});

// node_modules/dockerfile-ast/lib/flagOption.js
var require_flagOption = __commonJS({
  "node_modules/dockerfile-ast/lib/flagOption.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.FlagOption = void 0;
    var FlagOption = class {
      constructor(range, name2, nameRange, value, valueRange2) {
        this.range = range;
        this.name = name2;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange2;
      }
      toString() {
        if (this.valueRange !== null) {
          return this.name + "=" + this.value;
        }
        return this.name;
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
    };
    exports.FlagOption = FlagOption;
  }
});

// node_modules/dockerfile-ast/lib/flag.js
var require_flag = __commonJS({
  "node_modules/dockerfile-ast/lib/flag.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Flag = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flagOption_1 = require_flagOption();
    var Flag = class {
      constructor(document2, range, name2, nameRange, value, valueRange2) {
        this.options = [];
        this.range = range;
        this.name = name2;
        this.nameRange = nameRange;
        this.value = value;
        this.valueRange = valueRange2;
        if (this.value !== null) {
          let offset = document2.offsetAt(valueRange2.start);
          let nameStart = -1;
          let valueStart = -1;
          let hasOptions = false;
          for (let i2 = 0; i2 < value.length; i2++) {
            switch (value.charAt(i2)) {
              case "=":
                hasOptions = true;
                if (valueStart === -1) {
                  valueStart = i2 + 1;
                  break;
                }
                break;
              case ",":
                this.options.push(this.createFlagOption(document2, value, offset, nameStart, valueStart, i2));
                nameStart = -1;
                valueStart = -1;
                break;
              default:
                if (nameStart === -1) {
                  nameStart = i2;
                }
                break;
            }
          }
          if (hasOptions && nameStart !== -1) {
            this.options.push(this.createFlagOption(document2, value, offset, nameStart, valueStart, value.length));
          }
        }
      }
      createFlagOption(document2, content, documentOffset, nameStart, valueStart, valueEnd) {
        const optionRange = vscode_languageserver_types_1.Range.create(document2.positionAt(documentOffset + nameStart), document2.positionAt(documentOffset + valueEnd));
        if (valueStart === -1) {
          return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueEnd), optionRange, null, null);
        }
        return new flagOption_1.FlagOption(optionRange, content.substring(nameStart, valueStart - 1), vscode_languageserver_types_1.Range.create(document2.positionAt(documentOffset + nameStart), document2.positionAt(documentOffset + valueStart - 1)), content.substring(valueStart, valueEnd), vscode_languageserver_types_1.Range.create(document2.positionAt(documentOffset + valueStart), document2.positionAt(documentOffset + valueEnd)));
      }
      toString() {
        if (this.valueRange) {
          return "--" + this.name + "=" + this.value;
        }
        return "--" + this.name;
      }
      /**
       * Returns the range that encompasses this entire flag. This includes the
       * -- prefix in the beginning to the last character of the flag's value (if
       * it has been defined).
       *
       * @return the entire range of this flag
       */
      getRange() {
        return this.range;
      }
      /**
       * Returns the name of this flag. The name does not include the -- prefix.
       * Thus, for HEALTHCHECK's --interval flag, interval is the flag's name and
       * not --interval.
       *
       * @return this flag's name
       */
      getName() {
        return this.name;
      }
      /**
       * Returns the range that encompasses the flag's name
       *
       * @return the range containing the flag's name
       */
      getNameRange() {
        return this.nameRange;
      }
      /**
       * Returns the value that has been set to this flag. May be null if the
       * flag is invalid and has no value set like a --start-period. If the flag
       * is instead a --start-period= with an equals sign then the flag's value
       * is the empty string.
       *
       * @return this flag's value if it has been defined, null otherwise
       */
      getValue() {
        return this.value;
      }
      /**
       * Returns the range that encompasses this flag's value. If no value has
       * been set then null will be returned.
       *
       * @return the range containing this flag's value, or null if the flag
       *         has no value defined
       */
      getValueRange() {
        return this.valueRange;
      }
      getOption(name2) {
        for (const option of this.options) {
          if (option.getName() === name2) {
            return option;
          }
        }
        return null;
      }
      getOptions() {
        return this.options;
      }
      hasOptions() {
        return this.options.length > 0;
      }
    };
    exports.Flag = Flag;
  }
});

// node_modules/dockerfile-ast/lib/modifiableInstruction.js
var require_modifiableInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/modifiableInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ModifiableInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var flag_1 = require_flag();
    var instruction_1 = require_instruction();
    var ModifiableInstruction = class extends instruction_1.Instruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      getFlags() {
        if (!this.flags) {
          this.flags = [];
          for (let arg of this.getArguments()) {
            let value = arg.getValue();
            if (this.stopSearchingForFlags(value)) {
              return this.flags;
            } else if (value.indexOf("--") === 0) {
              let range = arg.getRange();
              let rawValue = this.document.getText().substring(this.document.offsetAt(range.start), this.document.offsetAt(range.end));
              let nameIndex = value.indexOf("=");
              let index = rawValue.indexOf("=");
              let firstMatch = false;
              let secondMatch = false;
              let startIndex = -1;
              nameSearchLoop: for (let i2 = 0; i2 < rawValue.length; i2++) {
                switch (rawValue.charAt(i2)) {
                  case "\\":
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                    break;
                  case "-":
                    if (secondMatch) {
                      startIndex = i2;
                      break nameSearchLoop;
                    } else if (firstMatch) {
                      secondMatch = true;
                    } else {
                      firstMatch = true;
                    }
                    break;
                  default:
                    startIndex = i2;
                    break nameSearchLoop;
                }
              }
              let nameStart = this.document.positionAt(this.document.offsetAt(range.start) + startIndex);
              if (index === -1) {
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2), vscode_languageserver_types_1.Range.create(nameStart, range.end), null, null));
              } else if (index === value.length - 1) {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, index), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), "", vscode_languageserver_types_1.Range.create(range.end, range.end)));
              } else {
                let nameEnd = this.document.positionAt(this.document.offsetAt(range.start) + index);
                this.flags.push(new flag_1.Flag(this.document, range, value.substring(2, nameIndex), vscode_languageserver_types_1.Range.create(nameStart, nameEnd), value.substring(nameIndex + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(this.document.offsetAt(range.start) + index + 1), range.end)));
              }
            }
          }
        }
        return this.flags;
      }
      getArguments() {
        const args2 = super.getArguments();
        const flags2 = this.getFlags();
        if (flags2.length === 0) {
          return args2;
        }
        for (let i2 = 0; i2 < flags2.length; i2++) {
          args2.shift();
        }
        return args2;
      }
    };
    exports.ModifiableInstruction = ModifiableInstruction;
  }
});

// node_modules/dockerfile-ast/lib/jsonInstruction.js
var require_jsonInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/jsonInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.JSONInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var argument_1 = require_argument();
    var jsonArgument_1 = require_jsonArgument();
    var modifiableInstruction_1 = require_modifiableInstruction();
    var JSONInstruction = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
        this.openingBracket = null;
        this.closingBracket = null;
        this.jsonStrings = [];
        const argsContent = this.getRawArgumentsContent();
        if (argsContent === null) {
          return;
        }
        const args2 = this.getArguments();
        if (args2.length === 1 && args2[0].getValue() === "[]") {
          let argRange = args2[0].getRange();
          this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character, argRange.start.line, argRange.start.character + 1));
          this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(argRange.start.line, argRange.start.character + 1, argRange.end.line, argRange.end.character));
          return;
        } else if (args2.length === 2 && args2[0].getValue() === "[" && args2[1].getValue() === "]") {
          this.openingBracket = args2[0];
          this.closingBracket = args2[1];
          return;
        }
        const argsOffset = document2.offsetAt(this.getArgumentsRange().start);
        let start2 = -1;
        let last = "";
        let quoted = false;
        let escapedArg = "";
        argsCheck: for (let i2 = 0; i2 < argsContent.length; i2++) {
          let char = argsContent.charAt(i2);
          switch (char) {
            case "[":
              if (last === "") {
                this.openingBracket = new argument_1.Argument("[", vscode_languageserver_types_1.Range.create(document2.positionAt(argsOffset + i2), document2.positionAt(argsOffset + i2 + 1)));
                last = "[";
              } else if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                break argsCheck;
              }
              break;
            case '"':
              if (last === "[" || last === ",") {
                start2 = i2;
                quoted = true;
                last = '"';
                escapedArg = escapedArg + char;
                continue;
              } else if (last === '"') {
                if (quoted) {
                  escapedArg = escapedArg + char;
                  quoted = false;
                  this.jsonStrings.push(new jsonArgument_1.JSONArgument(escapedArg, vscode_languageserver_types_1.Range.create(document2.positionAt(argsOffset + start2), document2.positionAt(argsOffset + i2 + 1)), vscode_languageserver_types_1.Range.create(document2.positionAt(argsOffset + start2 + 1), document2.positionAt(argsOffset + i2))));
                  escapedArg = "";
                } else {
                  break argsCheck;
                }
              } else {
                break argsCheck;
              }
              break;
            case ",":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else {
                if (last === '"') {
                  last = ",";
                } else {
                  break argsCheck;
                }
              }
              break;
            case "]":
              if (quoted) {
                escapedArg = escapedArg + char;
              } else if (last !== "") {
                this.closingBracket = new argument_1.Argument("]", vscode_languageserver_types_1.Range.create(document2.positionAt(argsOffset + i2), document2.positionAt(argsOffset + i2 + 1)));
                break argsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            case "\\":
              if (quoted) {
                switch (argsContent.charAt(i2 + 1)) {
                  case '"':
                  case "\\":
                    escapedArg = escapedArg + argsContent.charAt(i2 + 1);
                    i2++;
                    continue;
                  case " ":
                  case "	":
                    escapeCheck: for (let j = i2 + 2; j < argsContent.length; j++) {
                      switch (argsContent.charAt(j)) {
                        case "\r":
                          j++;
                        case "\n":
                          i2 = j;
                          continue argsCheck;
                        case " ":
                        case "	":
                          break;
                        default:
                          break escapeCheck;
                      }
                    }
                    break;
                  case "\r":
                    i2++;
                  default:
                    i2++;
                    continue;
                }
              } else {
                escapeCheck: for (let j = i2 + 1; j < argsContent.length; j++) {
                  switch (argsContent.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i2 = j;
                      continue argsCheck;
                    case " ":
                    case "	":
                      break;
                    default:
                      break escapeCheck;
                  }
                }
              }
              break argsCheck;
            default:
              if (!quoted) {
                break argsCheck;
              }
              escapedArg = escapedArg + char;
              break;
          }
        }
      }
      stopSearchingForFlags(_value) {
        return true;
      }
      getOpeningBracket() {
        return this.openingBracket;
      }
      getJSONStrings() {
        return this.jsonStrings;
      }
      getClosingBracket() {
        return this.closingBracket;
      }
    };
    exports.JSONInstruction = JSONInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/add.js
var require_add = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/add.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Add = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Add = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
    };
    exports.Add = Add;
  }
});

// node_modules/dockerfile-ast/lib/property.js
var require_property = __commonJS({
  "node_modules/dockerfile-ast/lib/property.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Property = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var util_1 = require_util();
    var Property = class _Property {
      constructor(document2, escapeChar, arg, arg2) {
        this.assignmentOperatorRange = null;
        this.assignmentOperator = null;
        this.valueRange = null;
        this.value = null;
        this.document = document2;
        this.escapeChar = escapeChar;
        this.nameRange = _Property.getNameRange(document2, arg);
        let value = document2.getText().substring(document2.offsetAt(this.nameRange.start), document2.offsetAt(this.nameRange.end));
        this.name = _Property.getValue(value, escapeChar);
        if (arg2) {
          this.valueRange = arg2.getRange();
          value = document2.getText().substring(document2.offsetAt(this.valueRange.start), document2.offsetAt(this.valueRange.end));
          this.value = _Property.getValue(value, escapeChar);
          this.range = vscode_languageserver_types_1.Range.create(this.nameRange.start, this.valueRange.end);
        } else {
          let argRange = arg.getRange();
          if (this.nameRange.start.line === argRange.start.line && this.nameRange.start.character === argRange.start.character && this.nameRange.end.line === argRange.end.line && this.nameRange.end.character === argRange.end.character) {
          } else {
            this.valueRange = _Property.getValueRange(document2, arg);
            value = document2.getText().substring(document2.offsetAt(this.valueRange.start), document2.offsetAt(this.valueRange.end));
            this.value = _Property.getValue(value, escapeChar);
            this.assignmentOperatorRange = vscode_languageserver_types_1.Range.create(this.nameRange.end, this.valueRange.start);
            this.assignmentOperator = "=";
          }
          this.range = argRange;
        }
      }
      getRange() {
        return this.range;
      }
      getName() {
        return this.name;
      }
      getNameRange() {
        return this.nameRange;
      }
      getValue() {
        return this.value;
      }
      getValueRange() {
        return this.valueRange;
      }
      /**
       * Retrieves the operator used for delimiting between the name and
       * value of this property. This will either be the "=" character
       * or null if a character was not used or if this property has no
       * value defined.
       */
      getAssignmentOperator() {
        return this.assignmentOperator;
      }
      getAssignmentOperatorRange() {
        return this.assignmentOperatorRange;
      }
      /**
       * Returns the value of this property including any enclosing
       * single or double quotes and relevant escape characters.
       * Escaped newlines and its associated contiguous whitespace
       * characters however will not be returned as they are deemed to
       * be uninteresting to clients trying to return a Dockerfile.
       *
       * @return the unescaped value of this property or null if this
       *         property has no associated value
       */
      getUnescapedValue() {
        if (this.valueRange === null) {
          return null;
        }
        let escaped = false;
        let rawValue = "";
        let value = this.document.getText().substring(this.document.offsetAt(this.valueRange.start), this.document.offsetAt(this.valueRange.end));
        rawLoop: for (let i2 = 0; i2 < value.length; i2++) {
          let char = value.charAt(i2);
          switch (char) {
            case this.escapeChar:
              for (let j = i2 + 1; j < value.length; j++) {
                switch (value.charAt(j)) {
                  case "\r":
                    j++;
                  case "\n":
                    escaped = true;
                    i2 = j;
                    continue rawLoop;
                  case " ":
                  case "	":
                    break;
                  default:
                    rawValue = rawValue + char;
                    continue rawLoop;
                }
              }
              rawValue = rawValue + char;
              break;
            case "\r":
            case "\n":
              break;
            case " ":
            case "	":
              if (!escaped) {
                rawValue = rawValue + char;
              }
              break;
            case "#":
              if (escaped) {
                for (let j = i2 + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i2 = j;
                      continue rawLoop;
                  }
                }
              } else {
                rawValue = rawValue + char;
              }
              break;
            default:
              rawValue = rawValue + char;
              escaped = false;
              break;
          }
        }
        return rawValue;
      }
      static getNameRange(document2, arg) {
        let value = arg.getValue();
        let index = value.indexOf("=");
        if (index !== -1) {
          let initial = value.charAt(0);
          let before = value.charAt(index - 1);
          if (initial === '"' && before === '"' || initial === "'" && before === "'" || initial !== '"' && initial !== "'") {
            return vscode_languageserver_types_1.Range.create(arg.getRange().start, document2.positionAt(document2.offsetAt(arg.getRange().start) + index));
          }
        }
        return arg.getRange();
      }
      static getValueRange(document2, arg) {
        return vscode_languageserver_types_1.Range.create(document2.positionAt(document2.offsetAt(arg.getRange().start) + arg.getValue().indexOf("=") + 1), document2.positionAt(document2.offsetAt(arg.getRange().end)));
      }
      /**
       * Returns the actual value of this key-value pair. The value will
       * have its escape characters removed if applicable. If the value
       * spans multiple lines and there are comments nested within the
       * lines, they too will be removed.
       *
       * @return the value that this key-value pair will actually be, may
       *         be null if no value is defined, may be the empty string
       *         if the value only consists of whitespace
       */
      static getValue(value, escapeChar) {
        let escaped = false;
        const skip = util_1.Util.findLeadingNonWhitespace(value, escapeChar);
        if (skip !== 0 && value.charAt(skip) === "#") {
          escaped = true;
        }
        value = value.substring(skip);
        let first = value.charAt(0);
        let last = value.charAt(value.length - 1);
        let literal = first === "'" || first === '"';
        let inSingle = first === "'" && last === "'";
        let inDouble = false;
        if (first === '"') {
          for (let i2 = 1; i2 < value.length; i2++) {
            if (value.charAt(i2) === escapeChar) {
              i2++;
            } else if (value.charAt(i2) === '"' && i2 === value.length - 1) {
              inDouble = true;
            }
          }
        }
        if (inSingle || inDouble) {
          value = value.substring(1, value.length - 1);
        }
        let commentCheck = -1;
        let escapedValue = "";
        let start2 = 0;
        parseValue: for (let i2 = 0; i2 < value.length; i2++) {
          let char = value.charAt(i2);
          switch (char) {
            case escapeChar:
              if (i2 + 1 === value.length) {
                escapedValue = escapedValue + escapeChar;
                break parseValue;
              }
              char = value.charAt(i2 + 1);
              if (char === " " || char === "	") {
                whitespaceCheck: for (let j = i2 + 2; j < value.length; j++) {
                  let char2 = value.charAt(j);
                  switch (char2) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                      j++;
                    case "\n":
                      escaped = true;
                      i2 = j;
                      continue parseValue;
                    default:
                      if (!inDouble && !inSingle && !literal) {
                        if (char2 === escapeChar) {
                          escapedValue = escapedValue + char;
                          i2 = i2 + 1;
                        } else {
                          escapedValue = escapedValue + char + char2;
                          i2 = j;
                        }
                        continue parseValue;
                      }
                      break whitespaceCheck;
                  }
                }
              }
              if (inDouble) {
                if (char === "\r") {
                  escaped = true;
                  i2 = i2 + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i2++;
                } else if (char !== '"') {
                  if (char === escapeChar) {
                    i2++;
                  }
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (inSingle || literal) {
                if (char === "\r") {
                  escaped = true;
                  i2 = i2 + 2;
                } else if (char === "\n") {
                  escaped = true;
                  i2++;
                } else {
                  escapedValue = escapedValue + escapeChar;
                }
                continue parseValue;
              } else if (char === escapeChar) {
                escapedValue = escapedValue + escapeChar;
                i2++;
              } else if (char === "\r") {
                escaped = true;
                i2 = i2 + 2;
              } else if (char === "\n") {
                escaped = true;
                i2++;
                start2 = i2;
              } else {
                escapedValue = escapedValue + char;
                i2++;
              }
              break;
            case " ":
            case "	":
              if (escaped && commentCheck === -1) {
                commentCheck = i2;
              }
              escapedValue = escapedValue + char;
              break;
            case "\r":
              i2++;
            case "\n":
              if (escaped && commentCheck !== -1) {
                escapedValue = escapedValue.substring(0, escapedValue.length - (i2 - commentCheck - 1));
                commentCheck = -1;
              }
              break;
            case "#":
              if (escaped) {
                if (commentCheck !== -1) {
                  escapedValue = escapedValue.substring(0, escapedValue.length - (i2 - commentCheck));
                  commentCheck = -1;
                }
                newlineCheck: for (let j = i2 + 1; j < value.length; j++) {
                  switch (value.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i2 = j;
                      break newlineCheck;
                  }
                }
                continue parseValue;
              }
            default:
              if (escaped) {
                escaped = false;
                commentCheck = -1;
              }
              escapedValue = escapedValue + char;
              break;
          }
        }
        return escapedValue;
      }
    };
    exports.Property = Property;
  }
});

// node_modules/dockerfile-ast/lib/propertyInstruction.js
var require_propertyInstruction = __commonJS({
  "node_modules/dockerfile-ast/lib/propertyInstruction.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.PropertyInstruction = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var instruction_1 = require_instruction();
    var property_1 = require_property();
    var argument_1 = require_argument();
    var util_1 = require_util();
    var PropertyInstruction = class extends instruction_1.Instruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
        this.properties = void 0;
      }
      getProperties() {
        if (this.properties === void 0) {
          let args2 = this.getPropertyArguments();
          if (args2.length === 0) {
            this.properties = [];
          } else if (args2.length === 1) {
            this.properties = [new property_1.Property(this.document, this.escapeChar, args2[0])];
          } else if (args2.length === 2) {
            if (args2[0].getValue().indexOf("=") === -1) {
              this.properties = [new property_1.Property(this.document, this.escapeChar, args2[0], args2[1])];
            } else {
              this.properties = [
                new property_1.Property(this.document, this.escapeChar, args2[0]),
                new property_1.Property(this.document, this.escapeChar, args2[1])
              ];
            }
          } else if (args2[0].getValue().indexOf("=") === -1) {
            let text = this.document.getText();
            let start2 = args2[1].getRange().start;
            let end = args2[args2.length - 1].getRange().end;
            text = text.substring(this.document.offsetAt(start2), this.document.offsetAt(end));
            this.properties = [new property_1.Property(this.document, this.escapeChar, args2[0], new argument_1.Argument(text, vscode_languageserver_types_1.Range.create(args2[1].getRange().start, args2[args2.length - 1].getRange().end)))];
          } else {
            this.properties = [];
            for (let i2 = 0; i2 < args2.length; i2++) {
              this.properties.push(new property_1.Property(this.document, this.escapeChar, args2[i2]));
            }
          }
        }
        return this.properties;
      }
      /**
       * Goes from the back of the string and returns the first
       * non-whitespace character that is found. If an escape character
       * is found with newline characters, the escape character will
       * not be considered a non-whitespace character and its index in
       * the string will not be returned.
       *
       * @param content the string to search through
       * @return the index in the string for the first non-whitespace
       *         character when searching from the end of the string
       */
      findTrailingNonWhitespace(content) {
        let index = content.length;
        whitespaceCheck: for (let i2 = content.length - 1; i2 >= 0; i2--) {
          switch (content.charAt(i2)) {
            case " ":
            case "	":
              continue;
            case "\n":
              if (content.charAt(i2 - 1) === "\r") {
                i2 = i2 - 1;
              }
            case "\r":
              newlineCheck: for (let j = i2 - 1; j >= 0; j--) {
                switch (content.charAt(j)) {
                  case " ":
                  case "	":
                  case "\r":
                  case "\n":
                  case this.escapeChar:
                    continue;
                  default:
                    index = j;
                    break newlineCheck;
                }
              }
              break whitespaceCheck;
            default:
              index = i2;
              break whitespaceCheck;
          }
        }
        return index;
      }
      getPropertyArguments() {
        const args2 = [];
        let range = this.getInstructionRange();
        let instructionNameEndOffset = this.document.offsetAt(range.end);
        let extra = instructionNameEndOffset - this.document.offsetAt(range.start);
        let content = this.getTextContent();
        let fullArgs = content.substring(extra);
        let start2 = util_1.Util.findLeadingNonWhitespace(fullArgs, this.escapeChar);
        if (start2 === -1) {
          return [];
        }
        const startPosition = this.document.positionAt(instructionNameEndOffset + start2);
        let escaped = range.start.line !== startPosition.line;
        let endingEscape = false;
        let mark = -1;
        let end = this.findTrailingNonWhitespace(fullArgs);
        content = fullArgs.substring(start2, end + 1);
        let argStart = escaped ? -1 : 0;
        let spaced = false;
        argumentLoop: for (let i2 = 0; i2 < content.length; i2++) {
          let char = content.charAt(i2);
          switch (char) {
            case this.escapeChar:
              if (i2 + 1 === content.length) {
                endingEscape = true;
                break argumentLoop;
              }
              if (!escaped) {
                mark = i2;
              }
              switch (content.charAt(i2 + 1)) {
                case " ":
                case "	":
                  if (!util_1.Util.isWhitespace(content.charAt(i2 + 2))) {
                    i2 = i2 + 1;
                    continue argumentLoop;
                  }
                  whitespaceCheck: for (let j = i2 + 2; j < content.length; j++) {
                    switch (content.charAt(j)) {
                      case "\r":
                        j++;
                      case "\n":
                        escaped = true;
                        i2 = j;
                        continue argumentLoop;
                      case " ":
                      case "	":
                        break;
                      default:
                        args2.push(new argument_1.Argument(content.substring(argStart, i2), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + i2 + 2))));
                        argStart = j;
                        break whitespaceCheck;
                    }
                  }
                  i2 = argStart - 1;
                  continue argumentLoop;
                case "\r":
                  i2++;
                case "\n":
                  escaped = true;
                  i2 = i2 + 1;
                  continue argumentLoop;
                case this.escapeChar:
                  if (argStart === -1) {
                    argStart = i2;
                  }
                  i2 = i2 + 1;
                  continue argumentLoop;
                default:
                  if (argStart === -1) {
                    argStart = i2;
                  }
                  continue argumentLoop;
              }
            case "'":
            case '"':
              if (spaced) {
                this.createSpacedArgument(argStart, args2, content, mark, instructionNameEndOffset, start2);
                argStart = i2;
                spaced = false;
              }
              if (argStart === -1) {
                argStart = i2;
              }
              for (let j = i2 + 1; j < content.length; j++) {
                switch (content.charAt(j)) {
                  case char:
                    if (content.charAt(j + 1) !== " " && content.charAt(j + 1) !== "") {
                      i2 = j;
                      continue argumentLoop;
                    }
                    args2.push(new argument_1.Argument(content.substring(argStart, j + 1), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + j + 1))));
                    i2 = j;
                    argStart = -1;
                    continue argumentLoop;
                  case this.escapeChar:
                    j++;
                    break;
                }
              }
              break argumentLoop;
            case " ":
            case "	":
              if (escaped) {
                if (argStart !== -1) {
                  spaced = true;
                }
              } else if (argStart !== -1) {
                args2.push(new argument_1.Argument(content.substring(argStart, i2), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + i2))));
                argStart = -1;
              }
              break;
            case "\r":
              i2++;
            case "\n":
              spaced = false;
              break;
            case "#":
              if (escaped) {
                for (let j = i2 + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case "\r":
                      j++;
                    case "\n":
                      i2 = j;
                      spaced = false;
                      continue argumentLoop;
                  }
                }
                if (argStart !== -1) {
                  let value = content.substring(argStart, mark);
                  args2.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + mark))));
                  argStart = -1;
                }
                break argumentLoop;
              } else if (argStart === -1) {
                argStart = i2;
              }
              break;
            default:
              if (spaced) {
                this.createSpacedArgument(argStart, args2, content, mark, instructionNameEndOffset, start2);
                argStart = i2;
                spaced = false;
              }
              escaped = false;
              if (argStart === -1) {
                argStart = i2;
              }
              if (char === "$" && content.charAt(i2 + 1) === "{") {
                let singleQuotes = false;
                let doubleQuotes = false;
                let escaped2 = false;
                for (let j = i2 + 1; j < content.length; j++) {
                  switch (content.charAt(j)) {
                    case this.escapeChar:
                      escaped2 = true;
                      break;
                    case "\r":
                    case "\n":
                      break;
                    case "'":
                      singleQuotes = !singleQuotes;
                      escaped2 = false;
                      break;
                    case '"':
                      doubleQuotes = !doubleQuotes;
                      escaped2 = false;
                      break;
                    case " ":
                    case "	":
                      if (escaped2 || singleQuotes || doubleQuotes) {
                        break;
                      }
                      i2 = j - 1;
                      continue argumentLoop;
                    case "}":
                      i2 = j;
                      continue argumentLoop;
                    default:
                      escaped2 = false;
                      break;
                  }
                }
                break argumentLoop;
              }
              break;
          }
        }
        if (argStart !== -1 && argStart !== content.length) {
          let end2 = endingEscape ? content.length - 1 : content.length;
          let value = content.substring(argStart, end2);
          args2.push(new argument_1.Argument(value, vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + end2))));
        }
        return args2;
      }
      createSpacedArgument(argStart, args2, content, mark, instructionNameEndOffset, start2) {
        if (argStart !== -1) {
          args2.push(new argument_1.Argument(content.substring(argStart, mark), vscode_languageserver_types_1.Range.create(this.document.positionAt(instructionNameEndOffset + start2 + argStart), this.document.positionAt(instructionNameEndOffset + start2 + mark))));
        }
      }
    };
    exports.PropertyInstruction = PropertyInstruction;
  }
});

// node_modules/dockerfile-ast/lib/instructions/arg.js
var require_arg = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/arg.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Arg = void 0;
    var property_1 = require_property();
    var propertyInstruction_1 = require_propertyInstruction();
    var Arg = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
        this.property = null;
        const args2 = this.getPropertyArguments();
        if (args2.length === 1) {
          this.property = new property_1.Property(this.document, this.escapeChar, args2[0]);
        } else {
          this.property = null;
        }
      }
      /**
       * Returns the variable defined by this ARG. This may be null if
       * this ARG instruction is malformed and has no variable
       * declaration.
       */
      getProperty() {
        return this.property;
      }
    };
    exports.Arg = Arg;
  }
});

// node_modules/dockerfile-ast/lib/instructions/cmd.js
var require_cmd = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/cmd.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Cmd = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Cmd = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
    };
    exports.Cmd = Cmd;
  }
});

// node_modules/dockerfile-ast/lib/instructions/copy.js
var require_copy = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/copy.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Copy = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Copy = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getFromFlag() {
        let flags2 = super.getFlags();
        return flags2.length === 1 && flags2[0].getName() === "from" ? flags2[0] : null;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Copy = Copy;
  }
});

// node_modules/dockerfile-ast/lib/instructions/env.js
var require_env = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/env.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Env = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var Env = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Env = Env;
  }
});

// node_modules/dockerfile-ast/lib/instructions/entrypoint.js
var require_entrypoint = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/entrypoint.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Entrypoint = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Entrypoint = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
    };
    exports.Entrypoint = Entrypoint;
  }
});

// node_modules/dockerfile-ast/lib/instructions/from.js
var require_from = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/from.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.From = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var modifiableInstruction_1 = require_modifiableInstruction();
    var From = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      getImage() {
        const args2 = this.getArguments();
        return args2.length > 0 ? args2[0].getValue() : null;
      }
      /**
       * Returns the name of the image that will be used as the base image.
       *
       * @return the base image's name, or null if unspecified
       */
      getImageName() {
        const imageName = this.getRangeContent(this.getImageNameRange());
        if (imageName === null) {
          return null;
        }
        let commented = false;
        let escaped = false;
        let name2 = "";
        for (let i2 = 0; i2 < imageName.length; i2++) {
          const ch = imageName.charAt(i2);
          switch (ch) {
            case this.escapeChar:
              escaped = true;
              break;
            case "\r":
              continue;
            case "\n":
              commented = false;
              break;
            case " ":
            case "	":
              break;
            case "#":
              if (escaped) {
                commented = true;
              } else {
                name2 = name2 + ch;
                escaped = false;
              }
              break;
            default:
              if (!commented) {
                name2 = name2 + ch;
                escaped = false;
              }
              break;
          }
        }
        return name2;
      }
      /**
       * Returns the range that covers the name of the image used by
       * this instruction.
       *
       * @return the range of the name of this instruction's argument,
       *         or null if no image has been specified
       */
      getImageNameRange() {
        let range = this.getImageRange();
        if (range) {
          let registryRange = this.getRegistryRange();
          if (registryRange) {
            range.start = this.document.positionAt(this.document.offsetAt(registryRange.end) + 1);
          }
          let tagRange2 = this.getImageTagRange();
          let digestRange = this.getImageDigestRange();
          if (tagRange2 === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange2.start) - 1);
          }
          return range;
        }
        return null;
      }
      /**
       * Returns the range that covers the image argument of this
       * instruction. This includes the tag or digest of the image if
       * it has been specified by the instruction.
       *
       * @return the range of the image argument, or null if no image
       *         has been specified
       */
      getImageRange() {
        let args2 = this.getArguments();
        return args2.length !== 0 ? args2[0].getRange() : null;
      }
      getImageTag() {
        return this.getRangeContent(this.getImageTagRange());
      }
      /**
       * Returns the range in the document that the tag of the base
       * image encompasses.
       *
       * @return the base image's tag's range in the document, or null
       *         if no tag has been specified
       */
      getImageTagRange() {
        const range = this.getImageRange();
        if (range) {
          const rangeStartOffset = this.document.offsetAt(range.start);
          const content = this.getRangeContent(range);
          const atIndex = this.indexOf(rangeStartOffset, content, "@");
          const slashIndex = content.indexOf("/");
          if (atIndex === -1) {
            const colonIndex = this.lastIndexOf(rangeStartOffset, content, ":");
            if (colonIndex > slashIndex) {
              return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + colonIndex + 1), range.end);
            }
          }
          const subcontent = content.substring(0, atIndex);
          const subcolonIndex = subcontent.indexOf(":");
          if (subcolonIndex === -1) {
            return null;
          }
          if (slashIndex === -1) {
            return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + atIndex));
          }
          if (subcolonIndex < slashIndex) {
            return null;
          }
          return vscode_languageserver_types_1.Range.create(this.document.positionAt(rangeStartOffset + subcolonIndex + 1), this.document.positionAt(rangeStartOffset + subcontent.length));
        }
        return null;
      }
      getImageDigest() {
        return this.getRangeContent(this.getImageDigestRange());
      }
      /**
       * Returns the range in the document that the digest of the base
       * image encompasses.
       *
       * @return the base image's digest's range in the document, or null
       *         if no digest has been specified
       */
      getImageDigestRange() {
        let range = this.getImageRange();
        if (range) {
          let content = this.getRangeContent(range);
          let index = this.lastIndexOf(this.document.offsetAt(range.start), content, "@");
          if (index !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start.line, range.start.character + index + 1, range.end.line, range.end.character);
          }
        }
        return null;
      }
      indexOf(documentOffset, content, searchString) {
        let index = content.indexOf(searchString);
        const variables = this.getVariables();
        for (let i2 = 0; i2 < variables.length; i2++) {
          const position = documentOffset + index;
          const variableRange = variables[i2].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            const offset = this.document.offsetAt(variableRange.end) - documentOffset;
            const substring = content.substring(offset);
            const subIndex = substring.indexOf(searchString);
            if (subIndex === -1) {
              return -1;
            }
            index = subIndex + offset;
            i2 = -1;
            continue;
          }
        }
        return index;
      }
      lastIndexOf(documentOffset, content, searchString) {
        let index = content.lastIndexOf(searchString);
        const variables = this.getVariables();
        for (let i2 = 0; i2 < variables.length; i2++) {
          const position = documentOffset + index;
          const variableRange = variables[i2].getRange();
          if (this.document.offsetAt(variableRange.start) < position && position < this.document.offsetAt(variableRange.end)) {
            index = content.substring(0, index).lastIndexOf(searchString);
            if (index === -1) {
              return -1;
            }
            i2 = -1;
            continue;
          }
        }
        return index;
      }
      getRegistry() {
        return this.getRangeContent(this.getRegistryRange());
      }
      getRegistryRange() {
        const range = this.getImageRange();
        if (range) {
          const tagRange2 = this.getImageTagRange();
          const digestRange = this.getImageDigestRange();
          if (tagRange2 === null) {
            if (digestRange !== null) {
              range.end = this.document.positionAt(this.document.offsetAt(digestRange.start) - 1);
            }
          } else {
            range.end = this.document.positionAt(this.document.offsetAt(tagRange2.start) - 1);
          }
          const content = this.getRangeContent(range);
          const rangeStart = this.document.offsetAt(range.start);
          const startingSlashIndex = this.indexOf(rangeStart, content, "/");
          if (startingSlashIndex === -1) {
            return null;
          }
          const portIndex = this.indexOf(rangeStart, content, ":");
          const dotIndex = this.indexOf(rangeStart, content, ".");
          if (portIndex !== -1 || dotIndex !== -1) {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
          const registry = content.substring(0, startingSlashIndex);
          if (registry === "localhost") {
            return vscode_languageserver_types_1.Range.create(range.start, this.document.positionAt(rangeStart + startingSlashIndex));
          }
        }
        return null;
      }
      getBuildStage() {
        let range = this.getBuildStageRange();
        return range === null ? null : this.getRangeContent(range);
      }
      getBuildStageRange() {
        let args2 = this.getArguments();
        if (args2.length > 2 && args2[1].getValue().toUpperCase() === "AS") {
          return args2[2].getRange();
        }
        return null;
      }
      getPlatformFlag() {
        let flags2 = super.getFlags();
        return flags2.length === 1 && flags2[0].getName() === "platform" ? flags2[0] : null;
      }
    };
    exports.From = From;
  }
});

// node_modules/dockerfile-ast/lib/instructions/healthcheck.js
var require_healthcheck = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/healthcheck.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Healthcheck = void 0;
    var modifiableInstruction_1 = require_modifiableInstruction();
    var Healthcheck = class extends modifiableInstruction_1.ModifiableInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        argument = argument.toUpperCase();
        return argument === "CMD" || argument === "NONE";
      }
      getSubcommand() {
        let args2 = this.getArguments();
        return args2.length !== 0 ? args2[0] : null;
      }
    };
    exports.Healthcheck = Healthcheck;
  }
});

// node_modules/dockerfile-ast/lib/instructions/label.js
var require_label = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/label.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Label = void 0;
    var propertyInstruction_1 = require_propertyInstruction();
    var util_1 = require_util();
    var Label = class extends propertyInstruction_1.PropertyInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      getVariables() {
        const variables = super.getVariables();
        const properties = this.getProperties();
        for (const property of properties) {
          const value = property.getUnescapedValue();
          if (value !== null && value.length > 2 && value.charAt(0) === "'" && value.charAt(value.length - 1) === "'") {
            const range = property.getValueRange();
            for (let i2 = 0; i2 < variables.length; i2++) {
              if (util_1.Util.isInsideRange(variables[i2].getRange().start, range)) {
                variables.splice(i2, 1);
                i2--;
              }
            }
          }
        }
        return variables;
      }
      getProperties() {
        return super.getProperties();
      }
    };
    exports.Label = Label;
  }
});

// node_modules/dockerfile-ast/lib/instructions/onbuild.js
var require_onbuild = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/onbuild.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Onbuild = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var parser_1 = require_parser();
    var instruction_1 = require_instruction();
    var Onbuild = class extends instruction_1.Instruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      getTrigger() {
        let trigger = this.getTriggerWord();
        return trigger === null ? null : trigger.toUpperCase();
      }
      getTriggerWord() {
        return this.getRangeContent(this.getTriggerRange());
      }
      getTriggerRange() {
        let args2 = this.getArguments();
        return args2.length > 0 ? args2[0].getRange() : null;
      }
      getTriggerInstruction() {
        let triggerRange = this.getTriggerRange();
        if (triggerRange === null) {
          return null;
        }
        let args2 = this.getArguments();
        return parser_1.Parser.createInstruction(this.document, this.dockerfile, this.escapeChar, vscode_languageserver_types_1.Range.create(args2[0].getRange().start, this.getRange().end), this.getTriggerWord(), triggerRange);
      }
    };
    exports.Onbuild = Onbuild;
  }
});

// node_modules/dockerfile-ast/lib/instructions/run.js
var require_run = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/run.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Run = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Run = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      stopSearchingForFlags(argument) {
        return argument.indexOf("--") === -1;
      }
      /**
       * Returns there here-documents that are defined in this RUN
       * instruction.
       *
       * This API is experimental and subject to change.
       */
      getHeredocs() {
        return super.getHeredocs();
      }
    };
    exports.Run = Run;
  }
});

// node_modules/dockerfile-ast/lib/instructions/shell.js
var require_shell = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/shell.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Shell = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Shell = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
    };
    exports.Shell = Shell;
  }
});

// node_modules/dockerfile-ast/lib/instructions/stopsignal.js
var require_stopsignal = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/stopsignal.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Stopsignal = void 0;
    var instruction_1 = require_instruction();
    var Stopsignal = class extends instruction_1.Instruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
    };
    exports.Stopsignal = Stopsignal;
  }
});

// node_modules/dockerfile-ast/lib/instructions/workdir.js
var require_workdir = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/workdir.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Workdir = void 0;
    var instruction_1 = require_instruction();
    var Workdir = class extends instruction_1.Instruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
      /**
       * Returns the path that has been defined. Note that this path may
       * be absolute or relative depending on what was written in the
       * instruction.
       *
       * @return the working directory's path, or null if this
       *         instruction has no arguments
       */
      getPath() {
        return this.getArgumentsContent();
      }
      /**
       * Returns the absolute path that this instruction resolves to. The
       * function will inspect prior WORKDIR instructions in the current
       * image or another build stage in the Dockerfile to try to
       * determine this.
       *
       * @return the absolute path of the working directory, or null if
       *         this instruction has no arguments, or undefined if it
       *         cannot be determined because only relative paths could be
       *         found
       */
      getAbsolutePath() {
        const path = this.getPath();
        if (path === null || path.startsWith("/")) {
          return path;
        }
        const startLine = this.getRange().start.line;
        const hierarchy = this.dockerfile.getStageHierarchy(startLine);
        for (let i2 = hierarchy.length - 1; i2 >= 0; i2--) {
          const workdirs = hierarchy[i2].getWORKDIRs();
          for (let j = workdirs.length - 1; j >= 0; j--) {
            if (workdirs[j].getRange().start.line < startLine) {
              const parent = workdirs[j].getAbsolutePath();
              if (parent === void 0 || parent === null) {
                return void 0;
              }
              return parent.endsWith("/") ? parent + path : parent + "/" + path;
            }
          }
        }
        return void 0;
      }
    };
    exports.Workdir = Workdir;
  }
});

// node_modules/dockerfile-ast/lib/instructions/user.js
var require_user = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/user.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.User = void 0;
    var instruction_1 = require_instruction();
    var User = class extends instruction_1.Instruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
    };
    exports.User = User;
  }
});

// node_modules/dockerfile-ast/lib/instructions/volume.js
var require_volume = __commonJS({
  "node_modules/dockerfile-ast/lib/instructions/volume.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Volume = void 0;
    var jsonInstruction_1 = require_jsonInstruction();
    var Volume = class extends jsonInstruction_1.JSONInstruction {
      constructor(document2, range, dockerfile2, escapeChar, instruction, instructionRange) {
        super(document2, range, dockerfile2, escapeChar, instruction, instructionRange);
      }
    };
    exports.Volume = Volume;
  }
});

// node_modules/dockerfile-ast/lib/imageTemplate.js
var require_imageTemplate = __commonJS({
  "node_modules/dockerfile-ast/lib/imageTemplate.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ImageTemplate = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var onbuild_1 = require_onbuild();
    var util_1 = require_util();
    var workdir_1 = require_workdir();
    var ImageTemplate = class {
      constructor() {
        this.comments = [];
        this.instructions = [];
      }
      addComment(comment) {
        this.comments.push(comment);
      }
      getComments() {
        return this.comments;
      }
      addInstruction(instruction) {
        this.instructions.push(instruction);
      }
      getInstructions() {
        return this.instructions;
      }
      getInstructionAt(line) {
        for (let instruction of this.instructions) {
          if (util_1.Util.isInsideRange(vscode_languageserver_types_1.Position.create(line, 0), instruction.getRange())) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the ARG instructions that are defined in this image.
       */
      getARGs() {
        let args2 = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof arg_1.Arg) {
            args2.push(instruction);
          }
        }
        return args2;
      }
      /**
       * Gets all the CMD instructions that are defined in this image.
       */
      getCMDs() {
        let cmds = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof cmd_1.Cmd) {
            cmds.push(instruction);
          }
        }
        return cmds;
      }
      /**
       * Gets all the COPY instructions that are defined in this image.
       */
      getCOPYs() {
        let copies = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof copy_1.Copy) {
            copies.push(instruction);
          }
        }
        return copies;
      }
      /**
       * Gets all the ENTRYPOINT instructions that are defined in this image.
       */
      getENTRYPOINTs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof entrypoint_1.Entrypoint) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the ENV instructions that are defined in this image.
       */
      getENVs() {
        let args2 = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof env_1.Env) {
            args2.push(instruction);
          }
        }
        return args2;
      }
      getFROM() {
        for (const instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            return instruction;
          }
        }
        return null;
      }
      /**
       * Gets all the FROM instructions that are defined in this image.
       */
      getFROMs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof from_1.From) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      /**
       * Gets all the HEALTHCHECK instructions that are defined in this image.
       */
      getHEALTHCHECKs() {
        let froms = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof healthcheck_1.Healthcheck) {
            froms.push(instruction);
          }
        }
        return froms;
      }
      getWORKDIRs() {
        const workdirs = [];
        for (const instruction of this.instructions) {
          if (instruction instanceof workdir_1.Workdir) {
            workdirs.push(instruction);
          }
        }
        return workdirs;
      }
      getOnbuildTriggers() {
        let triggers = [];
        for (let instruction of this.instructions) {
          if (instruction instanceof onbuild_1.Onbuild) {
            let trigger = instruction.getTriggerInstruction();
            if (trigger) {
              triggers.push(trigger);
            }
          }
        }
        return triggers;
      }
      getAvailableVariables(currentLine) {
        const variables = [];
        for (const arg of this.getARGs()) {
          if (arg.isBefore(currentLine)) {
            const property = arg.getProperty();
            if (property) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        for (const env of this.getENVs()) {
          if (env.isBefore(currentLine)) {
            for (const property of env.getProperties()) {
              const variable = property.getName();
              if (variables.indexOf(variable) === -1) {
                variables.push(variable);
              }
            }
          }
        }
        return variables;
      }
      /**
       * Resolves a variable with the given name at the specified line
       * to its value. If null is returned, then the variable has been
       * defined but no value was given. If undefined is returned, then
       * a variable with the given name has not been defined yet as of
       * the given line.
       *
       * @param variable the name of the variable to resolve
       * @param line the line number that the variable is on, zero-based
       * @return the value of the variable as defined by an ARG or ENV
       *         instruction, or null if no value has been specified, or
       *         undefined if a variable with the given name has not
       *         been defined
       */
      resolveVariable(variable, line) {
        let envs = this.getENVs();
        for (let i2 = envs.length - 1; i2 >= 0; i2--) {
          if (envs[i2].isBefore(line)) {
            for (let property of envs[i2].getProperties()) {
              if (property.getName() === variable) {
                return property.getValue();
              }
            }
          }
        }
        let args2 = this.getARGs();
        for (let i2 = args2.length - 1; i2 >= 0; i2--) {
          if (args2[i2].isBefore(line)) {
            let property = args2[i2].getProperty();
            if (property && property.getName() === variable) {
              return property.getValue();
            }
          }
        }
        return void 0;
      }
      getRange() {
        const instructions = this.getInstructions();
        if (instructions.length === 0) {
          return vscode_languageserver_types_1.Range.create(0, 0, 0, 0);
        }
        const instructionStart = instructions[0].getRange().start;
        const instructionEnd = instructions[instructions.length - 1].getRange().end;
        return vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
      }
      contains(position) {
        const range = this.getRange();
        if (range === null) {
          return false;
        }
        return util_1.Util.isInsideRange(position, range);
      }
    };
    exports.ImageTemplate = ImageTemplate;
  }
});

// node_modules/dockerfile-ast/lib/dockerfile.js
var require_dockerfile = __commonJS({
  "node_modules/dockerfile-ast/lib/dockerfile.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Dockerfile = void 0;
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var ast = require_main();
    var imageTemplate_1 = require_imageTemplate();
    var from_1 = require_from();
    var util_1 = require_util();
    var main_1 = require_main();
    var Dockerfile = class extends imageTemplate_1.ImageTemplate {
      constructor(document2) {
        super();
        this.initialInstructions = new imageTemplate_1.ImageTemplate();
        this.buildStages = [];
        this.directives = [];
        this.foundFrom = false;
        this.document = document2;
      }
      getEscapeCharacter() {
        for (const directive of this.directives) {
          if (directive.getDirective() === ast.Directive.escape) {
            const value = directive.getValue();
            if (value === "\\" || value === "`") {
              return value;
            }
          }
        }
        return "\\";
      }
      getInitialARGs() {
        return this.initialInstructions.getARGs();
      }
      getContainingImage(position) {
        let range = vscode_languageserver_types_1.Range.create(vscode_languageserver_types_1.Position.create(0, 0), this.document.positionAt(this.document.getText().length));
        if (!util_1.Util.isInsideRange(position, range)) {
          return null;
        }
        if (this.initialInstructions.getComments().length > 0 || this.initialInstructions.getInstructions().length > 0) {
          if (util_1.Util.isInsideRange(position, this.initialInstructions.getRange())) {
            return this.initialInstructions;
          }
        }
        for (const buildStage of this.buildStages) {
          if (util_1.Util.isInsideRange(position, buildStage.getRange())) {
            return buildStage;
          }
        }
        return this;
      }
      addInstruction(instruction) {
        if (instruction.getKeyword() === main_1.Keyword.FROM) {
          this.currentBuildStage = new imageTemplate_1.ImageTemplate();
          this.buildStages.push(this.currentBuildStage);
          this.foundFrom = true;
        } else if (!this.foundFrom) {
          this.initialInstructions.addInstruction(instruction);
        }
        if (this.foundFrom) {
          this.currentBuildStage.addInstruction(instruction);
        }
        super.addInstruction(instruction);
      }
      setDirectives(directives) {
        this.directives = directives;
      }
      getDirective() {
        return this.directives.length === 0 ? null : this.directives[0];
      }
      getDirectives() {
        return this.directives;
      }
      resolveVariable(variable, line) {
        for (let from of this.getFROMs()) {
          let range = from.getRange();
          if (range.start.line <= line && line <= range.end.line) {
            let initialARGs = new imageTemplate_1.ImageTemplate();
            for (let instruction of this.initialInstructions.getARGs()) {
              initialARGs.addInstruction(instruction);
            }
            return initialARGs.resolveVariable(variable, line);
          }
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return void 0;
        }
        let resolvedVariable = image.resolveVariable(variable, line);
        if (resolvedVariable === null) {
          let initialARGs = new imageTemplate_1.ImageTemplate();
          for (let instruction of this.initialInstructions.getARGs()) {
            initialARGs.addInstruction(instruction);
          }
          return initialARGs.resolveVariable(variable, line);
        }
        return resolvedVariable;
      }
      getAvailableVariables(currentLine) {
        if (this.getInstructionAt(currentLine) instanceof from_1.From) {
          let variables = [];
          for (let arg of this.getInitialARGs()) {
            let property = arg.getProperty();
            if (property) {
              variables.push(property.getName());
            }
          }
          return variables;
        }
        let image = this.getContainingImage(vscode_languageserver_types_1.Position.create(currentLine, 0));
        return image ? image.getAvailableVariables(currentLine) : [];
      }
      getParentStage(image) {
        const templateFrom = image.getFROM();
        const imageName = templateFrom === null ? null : templateFrom.getImageName();
        if (imageName === null) {
          return null;
        }
        for (const from of this.getFROMs()) {
          if (from.getBuildStage() === imageName) {
            const range = from.getRange();
            if (range.start.line === templateFrom.getRange().start.line) {
              return null;
            }
            return this.getContainingImage(range.start);
          }
        }
        return null;
      }
      getStageHierarchy(line) {
        const image = this.getContainingImage(vscode_languageserver_types_1.Position.create(line, 0));
        if (image === null) {
          return [];
        }
        const stages = [image];
        let stage = this.getParentStage(image);
        while (stage !== null) {
          stages.splice(0, 0, stage);
          stage = this.getParentStage(stage);
        }
        return stages;
      }
      getAvailableWorkingDirectories(line) {
        const availableDirectories = /* @__PURE__ */ new Set();
        for (const image of this.getStageHierarchy(line)) {
          for (const workdir of image.getWORKDIRs()) {
            if (workdir.getRange().end.line < line) {
              let directory = workdir.getAbsolutePath();
              if (directory !== void 0 && directory !== null) {
                if (!directory.endsWith("/")) {
                  directory += "/";
                }
                availableDirectories.add(directory);
              }
            }
          }
        }
        return Array.from(availableDirectories);
      }
      /**
       * Internally reorganize the comments in the Dockerfile and allocate
       * them to the relevant build stages that they belong to.
       */
      organizeComments() {
        const comments = this.getComments();
        for (let i2 = 0; i2 < comments.length; i2++) {
          if (util_1.Util.isInsideRange(comments[i2].getRange().end, this.initialInstructions.getRange())) {
            this.initialInstructions.addComment(comments[i2]);
          } else {
            for (const buildStage of this.buildStages) {
              if (util_1.Util.isInsideRange(comments[i2].getRange().start, buildStage.getRange())) {
                buildStage.addComment(comments[i2]);
              }
            }
          }
        }
      }
      getRange() {
        const comments = this.getComments();
        const instructions = this.getInstructions();
        let range = null;
        if (comments.length === 0) {
          if (instructions.length > 0) {
            range = vscode_languageserver_types_1.Range.create(instructions[0].getRange().start, instructions[instructions.length - 1].getRange().end);
          }
        } else if (instructions.length === 0) {
          range = vscode_languageserver_types_1.Range.create(comments[0].getRange().start, comments[comments.length - 1].getRange().end);
        } else {
          const commentStart = comments[0].getRange().start;
          const commentEnd = comments[comments.length - 1].getRange().end;
          const instructionStart = instructions[0].getRange().start;
          const instructionEnd = instructions[instructions.length - 1].getRange().end;
          if (commentStart.line < instructionStart.line) {
            if (commentEnd.line < instructionEnd.line) {
              range = vscode_languageserver_types_1.Range.create(commentStart, instructionEnd);
            }
            range = vscode_languageserver_types_1.Range.create(commentStart, commentEnd);
          } else if (commentEnd.line < instructionEnd.line) {
            range = vscode_languageserver_types_1.Range.create(instructionStart, instructionEnd);
          } else {
            range = vscode_languageserver_types_1.Range.create(instructionStart, commentEnd);
          }
        }
        if (range === null) {
          if (this.directives.length === 0) {
            return null;
          }
          return this.directives[0].getRange();
        } else if (this.directives.length === 0) {
          return range;
        }
        return vscode_languageserver_types_1.Range.create(this.directives[0].getRange().start, range.end);
      }
    };
    exports.Dockerfile = Dockerfile;
  }
});

// node_modules/dockerfile-ast/lib/parser.js
var require_parser = __commonJS({
  "node_modules/dockerfile-ast/lib/parser.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Parser = void 0;
    var vscode_languageserver_textdocument_1 = (init_main2(), __toCommonJS(main_exports2));
    var vscode_languageserver_types_1 = (init_main(), __toCommonJS(main_exports));
    var comment_1 = require_comment();
    var parserDirective_1 = require_parserDirective();
    var instruction_1 = require_instruction();
    var add_1 = require_add();
    var arg_1 = require_arg();
    var cmd_1 = require_cmd();
    var copy_1 = require_copy();
    var env_1 = require_env();
    var entrypoint_1 = require_entrypoint();
    var from_1 = require_from();
    var healthcheck_1 = require_healthcheck();
    var label_1 = require_label();
    var onbuild_1 = require_onbuild();
    var run_1 = require_run();
    var shell_1 = require_shell();
    var stopsignal_1 = require_stopsignal();
    var workdir_1 = require_workdir();
    var user_1 = require_user();
    var volume_1 = require_volume();
    var dockerfile_1 = require_dockerfile();
    var util_1 = require_util();
    var main_1 = require_main();
    var Parser2 = class _Parser {
      constructor() {
        this.escapeChar = null;
      }
      static createInstruction(document2, dockerfile2, escapeChar, lineRange, instruction, instructionRange) {
        switch (instruction.toUpperCase()) {
          case "ADD":
            return new add_1.Add(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "ARG":
            return new arg_1.Arg(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "CMD":
            return new cmd_1.Cmd(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "COPY":
            return new copy_1.Copy(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "ENTRYPOINT":
            return new entrypoint_1.Entrypoint(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "ENV":
            return new env_1.Env(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "FROM":
            return new from_1.From(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "HEALTHCHECK":
            return new healthcheck_1.Healthcheck(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "LABEL":
            return new label_1.Label(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "ONBUILD":
            return new onbuild_1.Onbuild(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "RUN":
            return new run_1.Run(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "SHELL":
            return new shell_1.Shell(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "STOPSIGNAL":
            return new stopsignal_1.Stopsignal(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "WORKDIR":
            return new workdir_1.Workdir(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "USER":
            return new user_1.User(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
          case "VOLUME":
            return new volume_1.Volume(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
        }
        return new instruction_1.Instruction(document2, lineRange, dockerfile2, escapeChar, instruction, instructionRange);
      }
      getParserDirectives(document2, buffer) {
        const directives = [];
        this.escapeChar = "";
        const offset = util_1.Util.isUTF8BOM(buffer.substring(0, 1)) ? 1 : 0;
        directiveCheck: for (let i2 = offset; i2 < buffer.length; i2++) {
          switch (buffer.charAt(i2)) {
            case " ":
            case "	":
              break;
            case "\r":
            case "\n":
              break directiveCheck;
            case "#":
              let directiveStart = -1;
              let directiveEnd = -1;
              for (let j = i2 + 1; j < buffer.length; j++) {
                let char = buffer.charAt(j);
                switch (char) {
                  case " ":
                  case "	":
                    if (directiveStart !== -1 && directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    break;
                  case "\r":
                  case "\n":
                    break directiveCheck;
                  case "=":
                    let valueStart = -1;
                    let valueEnd = -1;
                    if (directiveEnd === -1) {
                      directiveEnd = j;
                    }
                    let lineEnd = buffer.length;
                    directiveValue: for (let k = j + 1; k < buffer.length; k++) {
                      char = buffer.charAt(k);
                      switch (char) {
                        case "\r":
                        case "\n":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          lineEnd = k;
                          break directiveValue;
                        case "	":
                        case " ":
                          if (valueStart !== -1 && valueEnd === -1) {
                            valueEnd = k;
                          }
                          continue;
                        default:
                          if (valueStart === -1) {
                            valueStart = k;
                          }
                          break;
                      }
                    }
                    if (directiveStart === -1) {
                      break directiveCheck;
                    }
                    if (valueStart === -1) {
                      valueStart = j + 1;
                      valueEnd = lineEnd;
                    } else if (valueEnd === -1) {
                      valueEnd = buffer.length;
                    }
                    const lineRange = vscode_languageserver_types_1.Range.create(document2.positionAt(i2), document2.positionAt(lineEnd));
                    const nameRange = vscode_languageserver_types_1.Range.create(document2.positionAt(directiveStart), document2.positionAt(directiveEnd));
                    const valueRange2 = vscode_languageserver_types_1.Range.create(document2.positionAt(valueStart), document2.positionAt(valueEnd));
                    directives.push(new parserDirective_1.ParserDirective(document2, lineRange, nameRange, valueRange2));
                    directiveStart = -1;
                    if (buffer.charAt(valueEnd) === "\r") {
                      i2 = valueEnd + 1;
                    } else {
                      i2 = valueEnd;
                    }
                    continue directiveCheck;
                  default:
                    if (directiveStart === -1) {
                      directiveStart = j;
                    }
                    break;
                }
              }
              break;
            default:
              break directiveCheck;
          }
        }
        return directives;
      }
      parse(buffer) {
        this.document = vscode_languageserver_textdocument_1.TextDocument.create("", "", 0, buffer);
        this.buffer = buffer;
        let dockerfile2 = new dockerfile_1.Dockerfile(this.document);
        let directives = this.getParserDirectives(this.document, this.buffer);
        let offset = 0;
        this.escapeChar = "\\";
        if (directives.length > 0) {
          dockerfile2.setDirectives(directives);
          this.escapeChar = dockerfile2.getEscapeCharacter();
          offset = this.document.offsetAt(vscode_languageserver_types_1.Position.create(directives.length, 0));
        } else if (util_1.Util.isUTF8BOM(buffer.substring(0, 1))) {
          offset = 1;
        }
        for (let i2 = offset; i2 < this.buffer.length; i2++) {
          const char = this.buffer.charAt(i2);
          switch (char) {
            case " ":
            case "	":
            case "\r":
            case "\n":
              break;
            case "#":
              i2 = this.processComment(dockerfile2, i2);
              break;
            default:
              i2 = this.processInstruction(dockerfile2, char, i2);
              break;
          }
        }
        dockerfile2.organizeComments();
        return dockerfile2;
      }
      processInstruction(dockerfile2, char, start2) {
        let instruction = char;
        let instructionEnd = -1;
        let escapedInstruction = false;
        instructionCheck: for (let i2 = start2 + 1; i2 < this.buffer.length; i2++) {
          char = this.buffer.charAt(i2);
          switch (char) {
            case this.escapeChar:
              escapedInstruction = true;
              char = this.buffer.charAt(i2 + 1);
              if (char === "\r" || char === "\n") {
                if (instructionEnd === -1) {
                  instructionEnd = i2;
                }
                i2++;
              } else if (char === " " || char === "	") {
                for (let j = i2 + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i2 = j;
                      continue instructionCheck;
                    default:
                      instructionEnd = i2 + 1;
                      instruction = instruction + this.escapeChar;
                      i2 = j - 2;
                      continue instructionCheck;
                  }
                }
                instructionEnd = i2 + 1;
                instruction = instruction + this.escapeChar;
                break instructionCheck;
              } else {
                instructionEnd = i2 + 1;
                instruction = instruction + this.escapeChar;
                escapedInstruction = false;
              }
              break;
            case " ":
            case "	":
              if (escapedInstruction) {
                escapeCheck: for (let j = i2 + 1; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      i2 = j;
                      continue instructionCheck;
                    default:
                      break escapeCheck;
                  }
                }
                escapedInstruction = false;
              }
              if (instructionEnd === -1) {
                instructionEnd = i2;
              }
              i2 = this.processArguments(dockerfile2, instruction, instructionEnd, start2, i2);
              dockerfile2.addInstruction(this.createInstruction(dockerfile2, instruction, start2, instructionEnd, i2));
              return i2;
            case "\r":
            case "\n":
              if (escapedInstruction) {
                continue;
              }
              if (instructionEnd === -1) {
                instructionEnd = i2;
              }
              dockerfile2.addInstruction(this.createInstruction(dockerfile2, instruction, start2, i2, i2));
              return i2;
            case "#":
              if (escapedInstruction) {
                continue;
              }
            default:
              instructionEnd = i2 + 1;
              instruction = instruction + char;
              escapedInstruction = false;
              break;
          }
        }
        if (instructionEnd === -1) {
          instructionEnd = this.buffer.length;
        }
        dockerfile2.addInstruction(this.createInstruction(dockerfile2, instruction, start2, instructionEnd, this.buffer.length));
        return this.buffer.length;
      }
      processHeredocs(instruction, offset) {
        let keyword = instruction.getKeyword();
        if (keyword === main_1.Keyword.ONBUILD) {
          instruction = instruction.getTriggerInstruction();
          if (instruction === null) {
            return offset;
          }
          keyword = instruction.getKeyword();
        }
        if (keyword !== main_1.Keyword.ADD && keyword !== main_1.Keyword.COPY && keyword !== main_1.Keyword.RUN) {
          return offset;
        }
        const heredocs = [];
        let tabbed = false;
        for (const arg of instruction.getArguments()) {
          const value = arg.getValue();
          if (value.startsWith("<<") && value.length > 2) {
            if (value.startsWith("<<-")) {
              tabbed = true;
            }
            const name2 = util_1.Util.parseHeredocName(value);
            if (name2 !== null) {
              heredocs.push(name2);
            }
          }
        }
        if (heredocs.length > 0) {
          for (const heredoc of heredocs) {
            offset = this.parseHeredoc(heredoc, offset, tabbed);
          }
        }
        return offset;
      }
      processArguments(dockerfile2, instruction, instructionEnd, start2, offset) {
        let escaped = false;
        argumentsCheck: for (let i2 = offset + 1; i2 < this.buffer.length; i2++) {
          switch (this.buffer.charAt(i2)) {
            case "\r":
            case "\n":
              if (escaped) {
                continue;
              }
              return this.processHeredocs(this.createInstruction(dockerfile2, instruction, start2, instructionEnd, i2), i2);
            case this.escapeChar:
              const next = this.buffer.charAt(i2 + 1);
              if (next === "\n" || next === "\r") {
                escaped = true;
                i2++;
              } else if (next === " " || next === "	") {
                for (let j = i2 + 2; j < this.buffer.length; j++) {
                  switch (this.buffer.charAt(j)) {
                    case " ":
                    case "	":
                      break;
                    case "\r":
                    case "\n":
                      escaped = true;
                    default:
                      i2 = j;
                      continue argumentsCheck;
                  }
                }
                return this.buffer.length;
              }
              continue;
            case "#":
              if (escaped) {
                i2 = this.processComment(dockerfile2, i2);
                continue argumentsCheck;
              }
              break;
            case " ":
            case "	":
              break;
            default:
              if (escaped) {
                escaped = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      processComment(dockerfile2, start2) {
        let end = this.buffer.length;
        commentLoop: for (let i2 = start2 + 1; i2 < this.buffer.length; i2++) {
          switch (this.buffer.charAt(i2)) {
            case "\r":
            case "\n":
              end = i2;
              break commentLoop;
          }
        }
        const range = vscode_languageserver_types_1.Range.create(this.document.positionAt(start2), this.document.positionAt(end));
        dockerfile2.addComment(new comment_1.Comment(this.document, range));
        return end;
      }
      parseHeredoc(heredocName, offset, tabbed) {
        let startWord = -1;
        let lineStart = true;
        for (let i2 = offset; i2 < this.buffer.length; i2++) {
          switch (this.buffer.charAt(i2)) {
            case " ":
              lineStart = false;
              break;
            case "	":
              if (!tabbed) {
                lineStart = false;
              }
              break;
            case "\r":
            case "\n":
              if (startWord !== -1 && heredocName === this.buffer.substring(startWord, i2)) {
                return i2;
              }
              startWord = -1;
              lineStart = true;
              break;
            default:
              if (lineStart) {
                startWord = i2;
                lineStart = false;
              }
              break;
          }
        }
        return this.buffer.length;
      }
      createInstruction(dockerfile2, instruction, start2, instructionEnd, end) {
        const startPosition = this.document.positionAt(start2);
        const instructionRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(instructionEnd));
        const lineRange = vscode_languageserver_types_1.Range.create(startPosition, this.document.positionAt(end));
        return _Parser.createInstruction(this.document, dockerfile2, this.escapeChar, lineRange, instruction, instructionRange);
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/dockerfile-ast/lib/main.js
var require_main = __commonJS({
  "node_modules/dockerfile-ast/lib/main.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.DockerfileParser = exports.DefaultVariables = exports.Directive = exports.Keyword = exports.Workdir = exports.Volume = exports.User = exports.Stopsignal = exports.Shell = exports.Run = exports.PropertyInstruction = exports.Onbuild = exports.ModifiableInstruction = exports.Label = exports.JSONInstruction = exports.Heredoc = exports.Healthcheck = exports.From = exports.Env = exports.Entrypoint = exports.Copy = exports.Cmd = exports.Arg = exports.Add = exports.Variable = exports.Property = exports.ParserDirective = exports.Line = exports.Instruction = exports.Flag = exports.Comment = exports.JSONArgument = exports.Argument = void 0;
    var argument_1 = require_argument();
    Object.defineProperty(exports, "Argument", { enumerable: true, get: function() {
      return argument_1.Argument;
    } });
    var jsonArgument_1 = require_jsonArgument();
    Object.defineProperty(exports, "JSONArgument", { enumerable: true, get: function() {
      return jsonArgument_1.JSONArgument;
    } });
    var comment_1 = require_comment();
    Object.defineProperty(exports, "Comment", { enumerable: true, get: function() {
      return comment_1.Comment;
    } });
    var parser_1 = require_parser();
    var flag_1 = require_flag();
    Object.defineProperty(exports, "Flag", { enumerable: true, get: function() {
      return flag_1.Flag;
    } });
    var instruction_1 = require_instruction();
    Object.defineProperty(exports, "Instruction", { enumerable: true, get: function() {
      return instruction_1.Instruction;
    } });
    var line_1 = require_line();
    Object.defineProperty(exports, "Line", { enumerable: true, get: function() {
      return line_1.Line;
    } });
    var parserDirective_1 = require_parserDirective();
    Object.defineProperty(exports, "ParserDirective", { enumerable: true, get: function() {
      return parserDirective_1.ParserDirective;
    } });
    var property_1 = require_property();
    Object.defineProperty(exports, "Property", { enumerable: true, get: function() {
      return property_1.Property;
    } });
    var variable_1 = require_variable();
    Object.defineProperty(exports, "Variable", { enumerable: true, get: function() {
      return variable_1.Variable;
    } });
    var add_1 = require_add();
    Object.defineProperty(exports, "Add", { enumerable: true, get: function() {
      return add_1.Add;
    } });
    var arg_1 = require_arg();
    Object.defineProperty(exports, "Arg", { enumerable: true, get: function() {
      return arg_1.Arg;
    } });
    var cmd_1 = require_cmd();
    Object.defineProperty(exports, "Cmd", { enumerable: true, get: function() {
      return cmd_1.Cmd;
    } });
    var copy_1 = require_copy();
    Object.defineProperty(exports, "Copy", { enumerable: true, get: function() {
      return copy_1.Copy;
    } });
    var entrypoint_1 = require_entrypoint();
    Object.defineProperty(exports, "Entrypoint", { enumerable: true, get: function() {
      return entrypoint_1.Entrypoint;
    } });
    var env_1 = require_env();
    Object.defineProperty(exports, "Env", { enumerable: true, get: function() {
      return env_1.Env;
    } });
    var from_1 = require_from();
    Object.defineProperty(exports, "From", { enumerable: true, get: function() {
      return from_1.From;
    } });
    var healthcheck_1 = require_healthcheck();
    Object.defineProperty(exports, "Healthcheck", { enumerable: true, get: function() {
      return healthcheck_1.Healthcheck;
    } });
    var heredoc_1 = require_heredoc();
    Object.defineProperty(exports, "Heredoc", { enumerable: true, get: function() {
      return heredoc_1.Heredoc;
    } });
    var jsonInstruction_1 = require_jsonInstruction();
    Object.defineProperty(exports, "JSONInstruction", { enumerable: true, get: function() {
      return jsonInstruction_1.JSONInstruction;
    } });
    var label_1 = require_label();
    Object.defineProperty(exports, "Label", { enumerable: true, get: function() {
      return label_1.Label;
    } });
    var modifiableInstruction_1 = require_modifiableInstruction();
    Object.defineProperty(exports, "ModifiableInstruction", { enumerable: true, get: function() {
      return modifiableInstruction_1.ModifiableInstruction;
    } });
    var onbuild_1 = require_onbuild();
    Object.defineProperty(exports, "Onbuild", { enumerable: true, get: function() {
      return onbuild_1.Onbuild;
    } });
    var propertyInstruction_1 = require_propertyInstruction();
    Object.defineProperty(exports, "PropertyInstruction", { enumerable: true, get: function() {
      return propertyInstruction_1.PropertyInstruction;
    } });
    var run_1 = require_run();
    Object.defineProperty(exports, "Run", { enumerable: true, get: function() {
      return run_1.Run;
    } });
    var shell_1 = require_shell();
    Object.defineProperty(exports, "Shell", { enumerable: true, get: function() {
      return shell_1.Shell;
    } });
    var stopsignal_1 = require_stopsignal();
    Object.defineProperty(exports, "Stopsignal", { enumerable: true, get: function() {
      return stopsignal_1.Stopsignal;
    } });
    var user_1 = require_user();
    Object.defineProperty(exports, "User", { enumerable: true, get: function() {
      return user_1.User;
    } });
    var volume_1 = require_volume();
    Object.defineProperty(exports, "Volume", { enumerable: true, get: function() {
      return volume_1.Volume;
    } });
    var workdir_1 = require_workdir();
    Object.defineProperty(exports, "Workdir", { enumerable: true, get: function() {
      return workdir_1.Workdir;
    } });
    var Keyword;
    (function(Keyword2) {
      Keyword2["ADD"] = "ADD";
      Keyword2["ARG"] = "ARG";
      Keyword2["CMD"] = "CMD";
      Keyword2["COPY"] = "COPY";
      Keyword2["ENTRYPOINT"] = "ENTRYPOINT";
      Keyword2["ENV"] = "ENV";
      Keyword2["EXPOSE"] = "EXPOSE";
      Keyword2["FROM"] = "FROM";
      Keyword2["HEALTHCHECK"] = "HEALTHCHECK";
      Keyword2["LABEL"] = "LABEL";
      Keyword2["MAINTAINER"] = "MAINTAINER";
      Keyword2["ONBUILD"] = "ONBUILD";
      Keyword2["RUN"] = "RUN";
      Keyword2["SHELL"] = "SHELL";
      Keyword2["STOPSIGNAL"] = "STOPSIGNAL";
      Keyword2["USER"] = "USER";
      Keyword2["VOLUME"] = "VOLUME";
      Keyword2["WORKDIR"] = "WORKDIR";
    })(Keyword || (exports.Keyword = Keyword = {}));
    var Directive;
    (function(Directive2) {
      Directive2["escape"] = "escape";
      Directive2["syntax"] = "syntax";
    })(Directive || (exports.Directive = Directive = {}));
    exports.DefaultVariables = [
      "ALL_PROXY",
      "all_proxy",
      "FTP_PROXY",
      "ftp_proxy",
      "HTTP_PROXY",
      "http_proxy",
      "HTTPS_PROXY",
      "https_proxy",
      "NO_PROXY",
      "no_proxy"
    ];
    var DockerfileParser2;
    (function(DockerfileParser3) {
      function parse(content) {
        let parser = new parser_1.Parser();
        return parser.parse(content);
      }
      DockerfileParser3.parse = parse;
    })(DockerfileParser2 || (exports.DockerfileParser = DockerfileParser2 = {}));
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar3(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap3;
    exports.isNode = isNode;
    exports.isPair = isPair2;
    exports.isScalar = isScalar3;
    exports.isSeq = isSeq3;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path) {
      const ctrl = callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = visit_(i2, node.items[i2], visitor, path);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path) {
      const ctrl = await callVisitor(key, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i2 = 0; i2 < node.items.length; ++i2) {
            const ci = await visitAsync_(i2, node.items[i2], visitor, path);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i2, 1);
              i2 -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
      return void 0;
    }
    function replaceNode(key, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts2 = line.trim().split(/[ \t]+/);
        const name2 = parts2.shift();
        switch (name2) {
          case "%TAG": {
            if (parts2.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts2.length < 2)
                return false;
            }
            const [handle2, prefix] = parts2;
            this.tags[handle2] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts2.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts2;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name2}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle2, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle2];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle2 === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle2, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle2 + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle2, prefix] of tagEntries) {
          if (handle2 === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle2} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i2 = 1; true; ++i2) {
        const name2 = `${prefix}${i2}`;
        if (!exclude.has(name2))
          return name2;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i2 = 0, len = val.length; i2 < len; ++i2) {
            const v0 = val[i2];
            const v1 = applyReviver(reviver, val, String(i2), v0);
            if (v1 === void 0)
              delete val[i2];
            else if (v1 !== v0)
              val[i2] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i2) => toJS(v, String(i2), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node2.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node2 = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar3 = class extends Node2.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar3.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar3.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar3.PLAIN = "PLAIN";
    Scalar3.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar3.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar3;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar3.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar3.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node2 = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i2 = path.length - 1; i2 >= 0; --i2) {
        const k = path[i2];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node2.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key, ...rest] = path;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i2 = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i2 = consumeMoreIndentedLines(text, i2, indent.length);
        if (i2 !== -1)
          end = i2 + endStep;
      }
      for (let ch; ch = text[i2 += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i2;
          switch (text[i2 + 1]) {
            case "x":
              i2 += 3;
              break;
            case "u":
              i2 += 5;
              break;
            case "U":
              i2 += 9;
              break;
            default:
              i2 += 1;
          }
          escEnd = i2;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i2 = consumeMoreIndentedLines(text, i2, indent.length);
          end = i2 + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i2 + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i2;
          }
          if (i2 >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i2 += 1];
                overflow = true;
              }
              const j = i2 > escEnd + 1 ? i2 - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i3 = 0; i3 < folds.length; ++i3) {
        const fold = folds[i3];
        const end2 = folds[i3 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i2, indent) {
      let end = i2;
      let start2 = i2 + 1;
      let ch = text[start2];
      while (ch === " " || ch === "	") {
        if (i2 < start2 + indent) {
          ch = text[++i2];
        } else {
          do {
            ch = text[++i2];
          } while (ch && ch !== "\n");
          end = i2;
          start2 = i2 + 1;
          ch = text[start2];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock2) => ({
      indentAtStart: isBlock2 ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i2 = 0, start2 = 0; i2 < strLen; ++i2) {
        if (str[i2] === "\n") {
          if (i2 - start2 > limit)
            return true;
          start2 = i2 + 1;
          if (strLen - start2 <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start2 = 0;
      for (let i2 = 0, ch = json[i2]; ch; ch = json[++i2]) {
        if (ch === " " && json[i2 + 1] === "\\" && json[i2 + 2] === "n") {
          str += json.slice(start2, i2) + "\\ ";
          i2 += 1;
          start2 = i2;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i2 + 1]) {
            case "u":
              {
                str += json.slice(start2, i2);
                const code = json.substr(i2 + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i2, 6);
                }
                i2 += 5;
                start2 = i2 + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i2 + 2] === '"' || json.length < minMultiLineLength) {
                i2 += 1;
              } else {
                str += json.slice(start2, i2) + "\n\n";
                while (json[i2 + 2] === "\\" && json[i2 + 3] === "n" && json[i2 + 4] !== '"') {
                  str += "\n";
                  i2 += 2;
                }
                str += indent;
                if (json[i2 + 2] === " ")
                  str += "\\";
                i2 += 1;
                start2 = i2 + 1;
              }
              break;
            default:
              i2 += 1;
          }
      }
      str = start2 ? str + json.slice(start2) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString2(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString2(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar3.Scalar.BLOCK_FOLDED ? false : type === Scalar3.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start2 = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start2) {
        value = value.substring(start2.length);
        start2 = start2.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar3.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body2 = foldFlowLines.foldFlowLines(`${start2}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body2}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start2}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString2(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString2(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar3.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString2(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString2(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar3.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar3.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar3.Scalar.BLOCK_FOLDED:
          case Scalar3.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString2(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar3.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar3.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar3.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name2 = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name2} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar3.Scalar.BLOCK_FOLDED || key.type === Scalar3.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar3.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar3.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i2 = 1; i2 < lines.length; ++i2) {
          const line = lines[i2];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i2 = 0; i2 < items.length; ++i2) {
        const item = items[i2];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i2 < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start: start2, end } = flowChars;
      if (lines.length === 0) {
        return start2 + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start2;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start2}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar3 = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar3.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i2 = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i2 === -1)
            this.items.push(_pair);
          else
            this.items.splice(i2, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar3.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i2 = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i2++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i2 = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i2++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar3.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar3.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar3.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i2 = n.indexOf(".");
        if (i2 < 0) {
          i2 = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i2 - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar3.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar3.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar3 = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary2 = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i2 = 0; i2 < str.length; ++i2)
            buffer[i2] = str.charCodeAt(i2);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i2 = 0; i2 < buf.length; ++i2)
            s += String.fromCharCode(buf[i2]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar3.Scalar.BLOCK_LITERAL);
        if (type !== Scalar3.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i2 = 0, o = 0; i2 < n; ++i2, o += lineWidth) {
            lines[i2] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar3.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary2;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar3 = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i2 = 0; i2 < seq.items.length; ++i2) {
          let item = seq.items[i2];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar3.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i2] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i2 = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i2++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar3.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar3.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar3.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts2 = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts2.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts2 = [value % _60];
      if (value < 60) {
        parts2.unshift(0);
      } else {
        value = (value - parts2[0]) / _60;
        parts2.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts2[0]) / _60;
          parts2.unshift(value);
        }
      }
      return sign + parts2.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary2 = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary2.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary2 = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary2.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary2.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body2 = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body2 += stringifyComment.lineComment(body2, "", commentString(contentComment));
        if ((body2[0] === "|" || body2[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body2}`;
        } else
          lines.push(body2);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name2) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name2 || prev.has(name2) ? anchors.findNewAnchor(name2 || "a", prev) : name2;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name2, pos, code, message) {
        super();
        this.name = name2;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start2 = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start2 ?? (start2 = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start2 ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start: start2, key, sep, value } = collItem;
        const keyProps = resolveProps.resolveProps(start2, {
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start2[start2.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start2, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start: start2, value } of bs.items) {
        const props = resolveProps.resolveProps(start2, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start2, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep + cb;
              sep = "";
              break;
            }
            case "newline":
              if (comment)
                sep += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock2 = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap3 = fc.start.source === "{";
      const fcName = isMap3 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap3 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i2 = 0; i2 < fc.items.length; ++i2) {
        const collItem = fc.items[i2];
        const { start: start2, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start2, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep && !value) {
            if (i2 === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i2 < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap3 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i2 === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start2) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap3 && !sep && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock2(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start2, null, props, onError);
          if (isBlock2(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap3 && !props.found && ctx.options.strict) {
              if (sep)
                for (const st of sep) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock2(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap3) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap3 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name2 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name2} must end with a ${expectedEnd}` : `${name2} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar3.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start2 = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start2, start2, start2] };
      const type = header.mode === ">" ? Scalar3.Scalar.BLOCK_FOLDED : Scalar3.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i2 = lines.length - 1; i2 >= 0; --i2) {
        const content = lines[i2][1];
        if (content === "" || content === "\r")
          chompStart = i2;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start2 + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start2, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i2 = 0; i2 < chompStart; ++i2) {
        const [indent, content] = lines[i2];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i2;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i2 = lines.length - 1; i2 >= chompStart; --i2) {
        if (lines[i2][0].length > trimIndent)
          chompStart = i2 + 1;
      }
      let value = "";
      let sep = "";
      let prevMoreIndented = false;
      for (let i2 = 0; i2 < contentStart; ++i2)
        value += lines[i2][0].slice(trimIndent) + "\n";
      for (let i2 = contentStart; i2 < chompStart; ++i2) {
        let [indent, content] = lines[i2];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar3.Scalar.BLOCK_LITERAL) {
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep === " ")
            sep = "\n";
          else if (!prevMoreIndented && sep === "\n")
            sep = "\n\n";
          value += sep + indent.slice(trimIndent) + content;
          sep = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep === "\n")
            value += "\n";
          else
            sep = "\n";
        } else {
          value += sep + content;
          sep = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i2 = chompStart; i2 < lines.length; ++i2)
            value += "\n" + lines[i2][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start2 + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start2, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i2 = 1; i2 < source.length; ++i2) {
        const ch = source[i2];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i2;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i2 = 1; i2 < props.length; ++i2) {
        const token = props[i2];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i2 = 1; i2 < split.length; i2 += 2)
        lines.push([split[i2], split[i2 + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar3 = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar3.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar3.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar3.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep === "\n")
            res += sep;
          else
            sep = "\n";
        } else {
          res += sep + lm;
          sep = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i2 = 1; i2 < source.length - 1; ++i2) {
        const ch = source[i2];
        if (ch === "\r" && source[i2 + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i2);
          res += fold;
          i2 = offset;
        } else if (ch === "\\") {
          let next = source[++i2];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "\r" && source[i2 + 1] === "\n") {
            next = source[++i2 + 1];
            while (next === " " || next === "	")
              next = source[++i2 + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i2 + 1, length, onError);
            i2 += length;
          } else {
            const raw = source.substr(i2 - 1, 2);
            onError(i2 - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i2;
          let next = source[i2 + 1];
          while (next === " " || next === "	")
            next = source[++i2 + 1];
          if (next !== "\n" && !(next === "\r" && source[i2 + 2] === "\n"))
            res += i2 > wsStart ? source.slice(wsStart, i2 + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar3 = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar3.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar3.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i2 = pos - 1; i2 >= 0; --i2) {
          let st = before[i2];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i2];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i2];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start: start2, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start2, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start2, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i2 = 0; i2 < prelude.length; ++i2) {
        const source = prelude[i2];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i2 + 1]?.[0] !== "#")
              i2 += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i2 = 0; i2 < this.errors.length; ++i2)
            doc.errors.push(this.errors[i2]);
          for (let i2 = 0; i2 < this.warnings.length; ++i2)
            doc.warnings.push(this.warnings[i2]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body2 = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body2 };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body2 = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body2;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body2 });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start: start2, key, sep, value }) {
      let res = "";
      for (const st of start2)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep)
        for (const st of sep)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i2 = 0; i2 < token.items.length; ++i2) {
            const ci = _visit(Object.freeze(path.concat([[field, i2]])), token.items[i2], visitor);
            if (typeof ci === "number")
              i2 = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i2, 1);
              i2 -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar3 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar3;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i2];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i2 + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i2 = this.pos;
        while (true) {
          const ch = this.buffer[++i2];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i3 = this.pos; ch = this.buffer[i3]; ++i3) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i3;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i3 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i2 = nl + 1;
        ch = this.buffer[i2];
        while (ch === " ")
          ch = this.buffer[++i2];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i2];
          nl = i2 - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i3 = nl - 1;
            let ch2 = this.buffer[i3];
            if (ch2 === "\r")
              ch2 = this.buffer[--i3];
            const lastChar = i3;
            while (ch2 === " ")
              ch2 = this.buffer[--i3];
            if (ch2 === "\n" && i3 >= this.pos && i3 + 1 + indent > lastChar)
              nl = i3;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i2 = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i2]) {
          if (ch === ":") {
            const next = this.buffer[i2 + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i2;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i2 + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i2 += 1;
                ch = "\n";
                next = this.buffer[i2 + 1];
              } else
                end = i2;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i2 + 1);
              if (cs === -1)
                break;
              i2 = Math.max(i2, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i2;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i2, allowEmpty) {
        const s = this.buffer.slice(this.pos, i2);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i2 = this.pos + 2;
          let ch = this.buffer[i2];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i2];
          return yield* this.pushToIndex(ch === ">" ? i2 + 1 : i2, false);
        } else {
          let i2 = this.pos + 1;
          let ch = this.buffer[i2];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i2];
            else if (ch === "%" && hexDigits.has(this.buffer[i2 + 1]) && hexDigits.has(this.buffer[i2 + 2])) {
              ch = this.buffer[i2 += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i2, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i2 = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i2];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i2 - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i2;
        }
        return n;
      }
      *pushUntil(test) {
        let i2 = this.pos;
        let ch = this.buffer[i2];
        while (!test(ch))
          ch = this.buffer[++i2];
        return yield* this.pushToIndex(i2, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start2 = this.lineStarts[low - 1];
          return { line: low, col: offset - start2 + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser2 = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i2 = 0; i2 < list.length; ++i2)
        if (list[i2].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i2 = 0; i2 < list.length; ++i2) {
        switch (list[i2].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i2;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i2 = prev.length;
      loop: while (--i2 >= 0) {
        switch (prev[i2].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i2]?.type === "space") {
      }
      return prev.splice(i2, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i2 = 0; i2 < source.length; ++i2)
          target.push(source[i2]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start2 = getFirstKeyStartProps(prev);
          let sep;
          if (scalar.end) {
            sep = scalar.end;
            sep.push(this.sourceToken);
            delete scalar.end;
          } else
            sep = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start: start2, key: scalar, sep }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start2 = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i2 = 0; i2 < it.sep.length; ++i2) {
              const st = it.sep[i2];
              switch (st.type) {
                case "newline":
                  nl.push(i2);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start2 = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2 });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start2.push(this.sourceToken);
                map.items.push({ start: start2, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start3 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start3, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start3 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep = it.sep;
                  sep.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start3, key, sep }]
                  });
                } else if (start2.length > 0) {
                  it.sep = it.sep.concat(start2, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start: start2, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start: start2, key: fs2, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs2);
              } else {
                Object.assign(it, { key: fs2, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start: start2 });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs2 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs2, sep: [] });
              else if (it.sep)
                this.stack.push(fs2);
              else
                Object.assign(it, { key: fs2, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep = fc.end.splice(1, fc.end.length);
            sep.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start: start2, key: fc, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            start2.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start2 = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: start2, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start2, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start2.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser2();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument3(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse;
    exports.parseAllDocuments = parseAllDocuments2;
    exports.parseDocument = parseDocument3;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar3 = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser2();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar3.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/rule.ts
var SEVERITIES = ["note", "warning", "error"];
var REPOSITORY_URL = "https://github.com/credlint/credlint";
var DOCS_BASE_URL = `${REPOSITORY_URL}/blob/main/docs/rules/`;
function ruleHelpUri(id) {
  return `${DOCS_BASE_URL}${id}.md`;
}
var RULE_ID = /^(no|require|prefer|valid)-[a-z0-9]+(-[a-z0-9]+)*$/;
function defineRule(definition) {
  if (!RULE_ID.test(definition.id)) {
    throw new Error(`rule id "${definition.id}" must be kebab-case and start with no-, require-, prefer- or valid-`);
  }
  if (definition.keywords && (definition.keywords.global || definition.keywords.sticky)) {
    throw new Error(`rule ${definition.id}: keywords must not be a global or sticky regex (test() would keep state)`);
  }
  if (!(definition.securitySeverity >= 0.1 && definition.securitySeverity <= 10)) {
    throw new Error(`rule ${definition.id}: security-severity must be within 0.1\u201310`);
  }
  return { ...definition, helpUri: ruleHelpUri(definition.id) };
}
function formatMessage(template, data) {
  return template.replace(
    /\{\{\s*(\w+)\s*\}\}/g,
    (whole, name2) => data && Object.prototype.hasOwnProperty.call(data, name2) ? String(data[name2]) : whole
  );
}
function severityRank(severity) {
  return SEVERITIES.indexOf(severity);
}

// src/kinds.ts
var SNIFF_BYTES = 16 * 1024;
var JS_EXT = /\.(?:[cm]?[jt]sx?)$/i;
var SHELL_EXT = /\.(?:sh|bash|zsh|ksh|dash|ash)$/i;
var SHEBANG_SHELL = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:ba|z|k|da|a)?sh\b/;
var SHEBANG_NODE = /^#![ \t]*\/(?:usr\/)?(?:local\/)?bin\/(?:env[ \t]+(?:-\S+[ \t]+)*)?(?:node|deno|bun|tsx|ts-node)\b/;
var USER_DATA_NAME = /^(?:[\w.-]+\.)?user[-_]?data(?:[-_][\w-]*)?(?:\.(?:sh|bash|txt|ya?ml|ps1|mime|tpl|tftpl|j2|cfg))?$/i;
var DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:[-_.].*)?|.*\.(?:docker|container)file)$/i;
var TERRAFORM_EXT = /\.(?:tf|tf\.json|tfvars|tfvars\.json|tofu|tofu\.json)$/i;
var YAML_EXT = /\.(?:ya?ml|template|cfn)$/i;
var JSON_EXT = /\.(?:json|template)$/i;
var CLOUD_CONFIG = /^(?:#cloud-config|#cloud-boothook|#include|#upstart-job|#part-handler|## template: jinja\r?\n#cloud-config)\b/;
var MIME_MULTIPART = /^(?:MIME-Version:[^\n]*\n)?Content-Type:[ \t]*multipart\/mixed/i;
var CFN_VERSION = /(?:^|\n|[{,])[ \t]*["']?AWSTemplateFormatVersion["']?[ \t]*:/;
var CFN_RESOURCE_TYPE = /["']?Type["']?[ \t]*:[ \t]*["']?(?:AWS|Alexa)::[A-Za-z0-9]+::[A-Za-z0-9]+/;
var CFN_RESOURCES = /(?:^|\n|[{,])[ \t]*["']?Resources["']?[ \t]*:/;
var SAM_TRANSFORM = /AWS::Serverless-2016-10-31/;
function isAwsConfigName(base, path) {
  const lower = base.toLowerCase();
  if (lower === ".s3cfg" || lower === "s3cfg" || lower === ".boto" || lower === "boto.cfg") return true;
  if (/(^|\/)\.aws\/(?:credentials|config)$/i.test(path)) return true;
  return lower === "credentials" || lower === "aws_credentials" || lower === "aws-credentials";
}
function isDotenvName(base) {
  return /^\.env(?:\.[\w.-]+)?$/i.test(base) || /\.env$/i.test(base);
}
function baseName(path) {
  const slash = path.lastIndexOf("/");
  return slash === -1 ? path : path.slice(slash + 1);
}
function classifyFile(path, head) {
  const base = baseName(path);
  const trimmed = head.replace(/^\uFEFF/, "");
  const leading = trimmed.trimStart();
  if (USER_DATA_NAME.test(base)) return "user-data";
  if (DOCKERFILE_NAME.test(base)) return "dockerfile";
  if (TERRAFORM_EXT.test(base)) return "terraform";
  if (isAwsConfigName(base, path) && !trimmed.startsWith("#!")) return "aws-config";
  if (/^\.envrc$/i.test(base)) return "shell";
  if (isDotenvName(base)) return "dotenv";
  if (JS_EXT.test(base)) return "javascript";
  if (SHELL_EXT.test(base)) return "shell";
  if (CLOUD_CONFIG.test(leading)) return "cloud-init";
  if (MIME_MULTIPART.test(leading)) return "user-data";
  if (trimmed.startsWith("#!")) {
    if (SHEBANG_SHELL.test(trimmed)) return "shell";
    if (SHEBANG_NODE.test(trimmed)) return "javascript";
    return "text";
  }
  if (/^<(?:powershell|script|persist)>/i.test(leading)) return "user-data";
  const yamlOrJson = YAML_EXT.test(base) || JSON_EXT.test(base) || /^[{[]/.test(leading);
  if (yamlOrJson && looksLikeCloudFormation(trimmed)) return "cloudformation";
  if (/\.(?:ini|cfg|conf)$/i.test(base) && /^\s*aws_(?:access_key_id|secret_access_key)\s*[=:]/im.test(trimmed)) {
    return "aws-config";
  }
  return "text";
}
function looksLikeCloudFormation(text) {
  if (CFN_VERSION.test(text) || SAM_TRANSFORM.test(text)) return true;
  return CFN_RESOURCES.test(text) && CFN_RESOURCE_TYPE.test(text);
}
function languageOf(path, kind) {
  if (kind !== "text") return kind;
  const base = baseName(path).toLowerCase();
  const ext = base.includes(".") ? base.slice(base.lastIndexOf(".") + 1) : "";
  switch (ext) {
    case "yml":
    case "yaml":
      return "yaml";
    case "json":
    case "ipynb":
      return "json";
    case "py":
      return "python";
    default:
      return ext || "text";
  }
}
function userDataKind(text) {
  return CLOUD_CONFIG.test(text.replace(/^\uFEFF/, "").trimStart()) ? "cloud-init" : "user-data";
}

// node_modules/web-tree-sitter/tree-sitter.js
var __defProp2 = Object.defineProperty;
var __name = (target, value) => __defProp2(target, "name", { value, configurable: true });
var SIZE_OF_SHORT = 2;
var SIZE_OF_INT = 4;
var SIZE_OF_CURSOR = 4 * SIZE_OF_INT;
var SIZE_OF_NODE = 5 * SIZE_OF_INT;
var SIZE_OF_POINT = 2 * SIZE_OF_INT;
var SIZE_OF_RANGE = 2 * SIZE_OF_INT + 2 * SIZE_OF_POINT;
var ZERO_POINT = { row: 0, column: 0 };
var INTERNAL = /* @__PURE__ */ Symbol("INTERNAL");
function assertInternal(x) {
  if (x !== INTERNAL) throw new Error("Illegal constructor");
}
__name(assertInternal, "assertInternal");
function isPoint(point) {
  return !!point && typeof point.row === "number" && typeof point.column === "number";
}
__name(isPoint, "isPoint");
function setModule(module2) {
  C = module2;
}
__name(setModule, "setModule");
var C;
var LookaheadIterator = class {
  static {
    __name(this, "LookaheadIterator");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  language;
  /** @internal */
  constructor(internal, address, language) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
  }
  /** Get the current symbol of the lookahead iterator. */
  get currentTypeId() {
    return C._ts_lookahead_iterator_current_symbol(this[0]);
  }
  /** Get the current symbol name of the lookahead iterator. */
  get currentType() {
    return this.language.types[this.currentTypeId] || "ERROR";
  }
  /** Delete the lookahead iterator, freeing its resources. */
  delete() {
    C._ts_lookahead_iterator_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Reset the lookahead iterator.
   *
   * This returns `true` if the language was set successfully and `false`
   * otherwise.
   */
  reset(language, stateId) {
    if (C._ts_lookahead_iterator_reset(this[0], language[0], stateId)) {
      this.language = language;
      return true;
    }
    return false;
  }
  /**
   * Reset the lookahead iterator to another state.
   *
   * This returns `true` if the iterator was reset to the given state and
   * `false` otherwise.
   */
  resetState(stateId) {
    return Boolean(C._ts_lookahead_iterator_reset_state(this[0], stateId));
  }
  /**
   * Returns an iterator that iterates over the symbols of the lookahead iterator.
   *
   * The iterator will yield the current symbol name as a string for each step
   * until there are no more symbols to iterate over.
   */
  [Symbol.iterator]() {
    return {
      next: /* @__PURE__ */ __name(() => {
        if (C._ts_lookahead_iterator_next(this[0])) {
          return { done: false, value: this.currentType };
        }
        return { done: true, value: "" };
      }, "next")
    };
  }
};
function getText(tree, startIndex, endIndex, startPosition) {
  const length = endIndex - startIndex;
  let result = tree.textCallback(startIndex, startPosition);
  if (result) {
    startIndex += result.length;
    while (startIndex < endIndex) {
      const string = tree.textCallback(startIndex, startPosition);
      if (string && string.length > 0) {
        startIndex += string.length;
        result += string;
      } else {
        break;
      }
    }
    if (startIndex > endIndex) {
      result = result.slice(0, length);
    }
  }
  return result ?? "";
}
__name(getText, "getText");
var Tree = class _Tree {
  static {
    __name(this, "Tree");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  textCallback;
  /** The language that was used to parse the syntax tree. */
  language;
  /** @internal */
  constructor(internal, address, language, textCallback) {
    assertInternal(internal);
    this[0] = address;
    this.language = language;
    this.textCallback = textCallback;
  }
  /** Create a shallow copy of the syntax tree. This is very fast. */
  copy() {
    const address = C._ts_tree_copy(this[0]);
    return new _Tree(INTERNAL, address, this.language, this.textCallback);
  }
  /** Delete the syntax tree, freeing its resources. */
  delete() {
    C._ts_tree_delete(this[0]);
    this[0] = 0;
  }
  /** Get the root node of the syntax tree. */
  get rootNode() {
    C._ts_tree_root_node_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Get the root node of the syntax tree, but with its position shifted
   * forward by the given offset.
   */
  rootNodeWithOffset(offsetBytes, offsetExtent) {
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, offsetBytes, "i32");
    marshalPoint(address + SIZE_OF_INT, offsetExtent);
    C._ts_tree_root_node_with_offset_wasm(this[0]);
    return unmarshalNode(this);
  }
  /**
   * Edit the syntax tree to keep it in sync with source code that has been
   * edited.
   *
   * You must describe the edit both in terms of byte offsets and in terms of
   * row/column coordinates.
   */
  edit(edit) {
    marshalEdit(edit);
    C._ts_tree_edit_wasm(this[0]);
  }
  /** Create a new {@link TreeCursor} starting from the root of the tree. */
  walk() {
    return this.rootNode.walk();
  }
  /**
   * Compare this old edited syntax tree to a new syntax tree representing
   * the same document, returning a sequence of ranges whose syntactic
   * structure has changed.
   *
   * For this to work correctly, this syntax tree must have been edited such
   * that its ranges match up to the new tree. Generally, you'll want to
   * call this method right after calling one of the [`Parser::parse`]
   * functions. Call it on the old tree that was passed to parse, and
   * pass the new tree that was returned from `parse`.
   */
  getChangedRanges(other) {
    if (!(other instanceof _Tree)) {
      throw new TypeError("Argument must be a Tree");
    }
    C._ts_tree_get_changed_ranges_wasm(this[0], other[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the included ranges that were used to parse the syntax tree. */
  getIncludedRanges() {
    C._ts_tree_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
};
var TreeCursor = class _TreeCursor {
  static {
    __name(this, "TreeCursor");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [1] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [2] = 0;
  // Internal handle for Wasm
  /** @internal */
  // @ts-expect-error: never read
  [3] = 0;
  // Internal handle for Wasm
  /** @internal */
  tree;
  /** @internal */
  constructor(internal, tree) {
    assertInternal(internal);
    this.tree = tree;
    unmarshalTreeCursor(this);
  }
  /** Creates a deep copy of the tree cursor. This allocates new memory. */
  copy() {
    const copy = new _TreeCursor(INTERNAL, this.tree);
    C._ts_tree_cursor_copy_wasm(this.tree[0]);
    unmarshalTreeCursor(copy);
    return copy;
  }
  /** Delete the tree cursor, freeing its resources. */
  delete() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_delete_wasm(this.tree[0]);
    this[0] = this[1] = this[2] = 0;
  }
  /** Get the tree cursor's current {@link Node}. */
  get currentNode() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_current_node_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the numerical field id of this tree cursor's current node.
   *
   * See also {@link TreeCursor#currentFieldName}.
   */
  get currentFieldId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_field_id_wasm(this.tree[0]);
  }
  /** Get the field name of this tree cursor's current node. */
  get currentFieldName() {
    return this.tree.language.fields[this.currentFieldId];
  }
  /**
   * Get the depth of the cursor's current node relative to the original
   * node that the cursor was constructed with.
   */
  get currentDepth() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_depth_wasm(this.tree[0]);
  }
  /**
   * Get the index of the cursor's current node out of all of the
   * descendants of the original node that the cursor was constructed with.
   */
  get currentDescendantIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_descendant_index_wasm(this.tree[0]);
  }
  /** Get the type of the cursor's current node. */
  get nodeType() {
    return this.tree.language.types[this.nodeTypeId] || "ERROR";
  }
  /** Get the type id of the cursor's current node. */
  get nodeTypeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_type_id_wasm(this.tree[0]);
  }
  /** Get the state id of the cursor's current node. */
  get nodeStateId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_state_id_wasm(this.tree[0]);
  }
  /** Get the id of the cursor's current node. */
  get nodeId() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_id_wasm(this.tree[0]);
  }
  /**
   * Check if the cursor's current node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get nodeIsNamed() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if the cursor's current node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get nodeIsMissing() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_current_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Get the string content of the cursor's current node. */
  get nodeText() {
    marshalTreeCursor(this);
    const startIndex = C._ts_tree_cursor_start_index_wasm(this.tree[0]);
    const endIndex = C._ts_tree_cursor_end_index_wasm(this.tree[0]);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    const startPosition = unmarshalPoint(TRANSFER_BUFFER);
    return getText(this.tree, startIndex, endIndex, startPosition);
  }
  /** Get the start position of the cursor's current node. */
  get startPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_start_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the end position of the cursor's current node. */
  get endPosition() {
    marshalTreeCursor(this);
    C._ts_tree_cursor_end_position_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the start index of the cursor's current node. */
  get startIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_start_index_wasm(this.tree[0]);
  }
  /** Get the end index of the cursor's current node. */
  get endIndex() {
    marshalTreeCursor(this);
    return C._ts_tree_cursor_end_index_wasm(this.tree[0]);
  }
  /**
   * Move this cursor to the first child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   */
  gotoFirstChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_first_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the last child of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there were no children.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoFirstChild} because it needs to
   * iterate through all the children to compute the child's position.
   */
  gotoLastChild() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_last_child_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the parent of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no parent node (the cursor was already on the
   * root node).
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoParent() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_parent_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the next sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no next sibling node.
   *
   * Note that the node the cursor was constructed with is considered the root
   * of the cursor, and the cursor cannot walk outside this node.
   */
  gotoNextSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_next_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the previous sibling of its current node.
   *
   * This returns `true` if the cursor successfully moved, and returns
   * `false` if there was no previous sibling node.
   *
   * Note that this function may be slower than
   * {@link TreeCursor#gotoNextSibling} due to how node
   * positions are stored. In the worst case, this will need to iterate
   * through all the children up to the previous sibling node to recalculate
   * its position. Also note that the node the cursor was constructed with is
   * considered the root of the cursor, and the cursor cannot walk outside this node.
   */
  gotoPreviousSibling() {
    marshalTreeCursor(this);
    const result = C._ts_tree_cursor_goto_previous_sibling_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move the cursor to the node that is the nth descendant of
   * the original node that the cursor was constructed with, where
   * zero represents the original node itself.
   */
  gotoDescendant(goalDescendantIndex) {
    marshalTreeCursor(this);
    C._ts_tree_cursor_goto_descendant_wasm(this.tree[0], goalDescendantIndex);
    unmarshalTreeCursor(this);
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns `true` if the cursor successfully moved to a child node, and returns
   * `false` if no such child was found.
   */
  gotoFirstChildForIndex(goalIndex) {
    marshalTreeCursor(this);
    C.setValue(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalIndex, "i32");
    const result = C._ts_tree_cursor_goto_first_child_for_index_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Move this cursor to the first child of its current node that contains or
   * starts after the given byte offset.
   *
   * This returns the index of the child node if one was found, and returns
   * `null` if no such child was found.
   */
  gotoFirstChildForPosition(goalPosition) {
    marshalTreeCursor(this);
    marshalPoint(TRANSFER_BUFFER + SIZE_OF_CURSOR, goalPosition);
    const result = C._ts_tree_cursor_goto_first_child_for_position_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
    return result === 1;
  }
  /**
   * Re-initialize this tree cursor to start at the original node that the
   * cursor was constructed with.
   */
  reset(node) {
    marshalNode(node);
    marshalTreeCursor(this, TRANSFER_BUFFER + SIZE_OF_NODE);
    C._ts_tree_cursor_reset_wasm(this.tree[0]);
    unmarshalTreeCursor(this);
  }
  /**
   * Re-initialize a tree cursor to the same position as another cursor.
   *
   * Unlike {@link TreeCursor#reset}, this will not lose parent
   * information and allows reusing already created cursors.
   */
  resetTo(cursor) {
    marshalTreeCursor(this, TRANSFER_BUFFER);
    marshalTreeCursor(cursor, TRANSFER_BUFFER + SIZE_OF_CURSOR);
    C._ts_tree_cursor_reset_to_wasm(this.tree[0], cursor.tree[0]);
    unmarshalTreeCursor(this);
  }
};
var Node = class {
  static {
    __name(this, "Node");
  }
  /** @internal */
  // @ts-expect-error: never read
  [0] = 0;
  // Internal handle for Wasm
  /** @internal */
  _children;
  /** @internal */
  _namedChildren;
  /** @internal */
  constructor(internal, {
    id,
    tree,
    startIndex,
    startPosition,
    other
  }) {
    assertInternal(internal);
    this[0] = other;
    this.id = id;
    this.tree = tree;
    this.startIndex = startIndex;
    this.startPosition = startPosition;
  }
  /**
   * The numeric id for this node that is unique.
   *
   * Within a given syntax tree, no two nodes have the same id. However:
   *
   * * If a new tree is created based on an older tree, and a node from the old tree is reused in
   *   the process, then that node will have the same id in both trees.
   *
   * * A node not marked as having changes does not guarantee it was reused.
   *
   * * If a node is marked as having changed in the old tree, it will not be reused.
   */
  id;
  /** The byte index where this node starts. */
  startIndex;
  /** The position where this node starts. */
  startPosition;
  /** The tree that this node belongs to. */
  tree;
  /** Get this node's type as a numerical id. */
  get typeId() {
    marshalNode(this);
    return C._ts_node_symbol_wasm(this.tree[0]);
  }
  /**
   * Get the node's type as a numerical id as it appears in the grammar,
   * ignoring aliases.
   */
  get grammarId() {
    marshalNode(this);
    return C._ts_node_grammar_symbol_wasm(this.tree[0]);
  }
  /** Get this node's type as a string. */
  get type() {
    return this.tree.language.types[this.typeId] || "ERROR";
  }
  /**
   * Get this node's symbol name as it appears in the grammar, ignoring
   * aliases as a string.
   */
  get grammarType() {
    return this.tree.language.types[this.grammarId] || "ERROR";
  }
  /**
   * Check if this node is *named*.
   *
   * Named nodes correspond to named rules in the grammar, whereas
   * *anonymous* nodes correspond to string literals in the grammar.
   */
  get isNamed() {
    marshalNode(this);
    return C._ts_node_is_named_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *extra*.
   *
   * Extra nodes represent things like comments, which are not required
   * by the grammar, but can appear anywhere.
   */
  get isExtra() {
    marshalNode(this);
    return C._ts_node_is_extra_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error.
   *
   * Syntax errors represent parts of the code that could not be incorporated
   * into a valid syntax tree.
   */
  get isError() {
    marshalNode(this);
    return C._ts_node_is_error_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node is *missing*.
   *
   * Missing nodes are inserted by the parser in order to recover from
   * certain kinds of syntax errors.
   */
  get isMissing() {
    marshalNode(this);
    return C._ts_node_is_missing_wasm(this.tree[0]) === 1;
  }
  /** Check if this node has been edited. */
  get hasChanges() {
    marshalNode(this);
    return C._ts_node_has_changes_wasm(this.tree[0]) === 1;
  }
  /**
   * Check if this node represents a syntax error or contains any syntax
   * errors anywhere within it.
   */
  get hasError() {
    marshalNode(this);
    return C._ts_node_has_error_wasm(this.tree[0]) === 1;
  }
  /** Get the byte index where this node ends. */
  get endIndex() {
    marshalNode(this);
    return C._ts_node_end_index_wasm(this.tree[0]);
  }
  /** Get the position where this node ends. */
  get endPosition() {
    marshalNode(this);
    C._ts_node_end_point_wasm(this.tree[0]);
    return unmarshalPoint(TRANSFER_BUFFER);
  }
  /** Get the string content of this node. */
  get text() {
    return getText(this.tree, this.startIndex, this.endIndex, this.startPosition);
  }
  /** Get this node's parse state. */
  get parseState() {
    marshalNode(this);
    return C._ts_node_parse_state_wasm(this.tree[0]);
  }
  /** Get the parse state after this node. */
  get nextParseState() {
    marshalNode(this);
    return C._ts_node_next_parse_state_wasm(this.tree[0]);
  }
  /** Check if this node is equal to another node. */
  equals(other) {
    return this.tree === other.tree && this.id === other.id;
  }
  /**
   * Get the node's child at the given index, where zero represents the first child.
   *
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#children} instead.
   */
  child(index) {
    marshalNode(this);
    C._ts_node_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's *named* child at the given index.
   *
   * See also {@link Node#isNamed}.
   * This method is fairly fast, but its cost is technically log(n), so if
   * you might be iterating over a long list of children, you should use
   * {@link Node#namedChildren} instead.
   */
  namedChild(index) {
    marshalNode(this);
    C._ts_node_named_child_wasm(this.tree[0], index);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's child with the given numerical field id.
   *
   * See also {@link Node#childForFieldName}. You can
   * convert a field name to an id using {@link Language#fieldIdForName}.
   */
  childForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_child_by_field_id_wasm(this.tree[0], fieldId);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the first child with the given field name.
   *
   * If multiple children may have the same field name, access them using
   * {@link Node#childrenForFieldName}.
   */
  childForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1) return this.childForFieldId(fieldId);
    return null;
  }
  /** Get the field name of this node's child at the given index. */
  fieldNameForChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /** Get the field name of this node's named child at the given index. */
  fieldNameForNamedChild(index) {
    marshalNode(this);
    const address = C._ts_node_field_name_for_named_child_wasm(this.tree[0], index);
    if (!address) return null;
    return C.AsciiToString(address);
  }
  /**
   * Get an array of this node's children with a given field name.
   *
   * See also {@link Node#children}.
   */
  childrenForFieldName(fieldName) {
    const fieldId = this.tree.language.fields.indexOf(fieldName);
    if (fieldId !== -1 && fieldId !== 0) return this.childrenForFieldId(fieldId);
    return [];
  }
  /**
    * Get an array of this node's children with a given field id.
    *
    * See also {@link Node#childrenForFieldName}.
    */
  childrenForFieldId(fieldId) {
    marshalNode(this);
    C._ts_node_children_by_field_id_wasm(this.tree[0], fieldId);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
      C._free(buffer);
    }
    return result;
  }
  /** Get the node's first child that contains or starts after the given byte offset. */
  firstChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's first named child that contains or starts after the given byte offset. */
  firstNamedChildForIndex(index) {
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, index, "i32");
    C._ts_node_first_named_child_for_byte_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's number of children. */
  get childCount() {
    marshalNode(this);
    return C._ts_node_child_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's number of *named* children.
   *
   * See also {@link Node#isNamed}.
   */
  get namedChildCount() {
    marshalNode(this);
    return C._ts_node_named_child_count_wasm(this.tree[0]);
  }
  /** Get this node's first child. */
  get firstChild() {
    return this.child(0);
  }
  /**
   * Get this node's first named child.
   *
   * See also {@link Node#isNamed}.
   */
  get firstNamedChild() {
    return this.namedChild(0);
  }
  /** Get this node's last child. */
  get lastChild() {
    return this.child(this.childCount - 1);
  }
  /**
   * Get this node's last named child.
   *
   * See also {@link Node#isNamed}.
   */
  get lastNamedChild() {
    return this.namedChild(this.namedChildCount - 1);
  }
  /**
   * Iterate over this node's children.
   *
   * If you're walking the tree recursively, you may want to use the
   * {@link TreeCursor} APIs directly instead.
   */
  get children() {
    if (!this._children) {
      marshalNode(this);
      C._ts_node_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._children = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._children[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._children;
  }
  /**
   * Iterate over this node's named children.
   *
   * See also {@link Node#children}.
   */
  get namedChildren() {
    if (!this._namedChildren) {
      marshalNode(this);
      C._ts_node_named_children_wasm(this.tree[0]);
      const count = C.getValue(TRANSFER_BUFFER, "i32");
      const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      this._namedChildren = new Array(count);
      if (count > 0) {
        let address = buffer;
        for (let i2 = 0; i2 < count; i2++) {
          this._namedChildren[i2] = unmarshalNode(this.tree, address);
          address += SIZE_OF_NODE;
        }
        C._free(buffer);
      }
    }
    return this._namedChildren;
  }
  /**
   * Get the descendants of this node that are the given type, or in the given types array.
   *
   * The types array should contain node type strings, which can be retrieved from {@link Language#types}.
   *
   * Additionally, a `startPosition` and `endPosition` can be passed in to restrict the search to a byte range.
   */
  descendantsOfType(types, startPosition = ZERO_POINT, endPosition = ZERO_POINT) {
    if (!Array.isArray(types)) types = [types];
    const symbols = [];
    const typesBySymbol = this.tree.language.types;
    for (const node_type of types) {
      if (node_type == "ERROR") {
        symbols.push(65535);
      }
    }
    for (let i2 = 0, n = typesBySymbol.length; i2 < n; i2++) {
      if (types.includes(typesBySymbol[i2])) {
        symbols.push(i2);
      }
    }
    const symbolsAddress = C._malloc(SIZE_OF_INT * symbols.length);
    for (let i2 = 0, n = symbols.length; i2 < n; i2++) {
      C.setValue(symbolsAddress + i2 * SIZE_OF_INT, symbols[i2], "i32");
    }
    marshalNode(this);
    C._ts_node_descendants_of_type_wasm(
      this.tree[0],
      symbolsAddress,
      symbols.length,
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column
    );
    const descendantCount = C.getValue(TRANSFER_BUFFER, "i32");
    const descendantAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(descendantCount);
    if (descendantCount > 0) {
      let address = descendantAddress;
      for (let i2 = 0; i2 < descendantCount; i2++) {
        result[i2] = unmarshalNode(this.tree, address);
        address += SIZE_OF_NODE;
      }
    }
    C._free(descendantAddress);
    C._free(symbolsAddress);
    return result;
  }
  /** Get this node's next sibling. */
  get nextSibling() {
    marshalNode(this);
    C._ts_node_next_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get this node's previous sibling. */
  get previousSibling() {
    marshalNode(this);
    C._ts_node_prev_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's next *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get nextNamedSibling() {
    marshalNode(this);
    C._ts_node_next_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get this node's previous *named* sibling.
   *
   * See also {@link Node#isNamed}.
   */
  get previousNamedSibling() {
    marshalNode(this);
    C._ts_node_prev_named_sibling_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the node's number of descendants, including one for the node itself. */
  get descendantCount() {
    marshalNode(this);
    return C._ts_node_descendant_count_wasm(this.tree[0]);
  }
  /**
   * Get this node's immediate parent.
   * Prefer {@link Node#childWithDescendant} for iterating over this node's ancestors.
   */
  get parent() {
    marshalNode(this);
    C._ts_node_parent_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Get the node that contains `descendant`.
   *
   * Note that this can return `descendant` itself.
   */
  childWithDescendant(descendant) {
    marshalNode(this);
    marshalNode(descendant, 1);
    C._ts_node_child_with_descendant_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given byte range. */
  descendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given byte range. */
  namedDescendantForIndex(start2, end = start2) {
    if (typeof start2 !== "number" || typeof end !== "number") {
      throw new Error("Arguments must be numbers");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    C.setValue(address, start2, "i32");
    C.setValue(address + SIZE_OF_INT, end, "i32");
    C._ts_node_named_descendant_for_index_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest node within this node that spans the given point range. */
  descendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /** Get the smallest named node within this node that spans the given point range. */
  namedDescendantForPosition(start2, end = start2) {
    if (!isPoint(start2) || !isPoint(end)) {
      throw new Error("Arguments must be {row, column} objects");
    }
    marshalNode(this);
    const address = TRANSFER_BUFFER + SIZE_OF_NODE;
    marshalPoint(address, start2);
    marshalPoint(address + SIZE_OF_POINT, end);
    C._ts_node_named_descendant_for_position_wasm(this.tree[0]);
    return unmarshalNode(this.tree);
  }
  /**
   * Create a new {@link TreeCursor} starting from this node.
   *
   * Note that the given node is considered the root of the cursor,
   * and the cursor cannot walk outside this node.
   */
  walk() {
    marshalNode(this);
    C._ts_tree_cursor_new_wasm(this.tree[0]);
    return new TreeCursor(INTERNAL, this.tree);
  }
  /**
   * Edit this node to keep it in-sync with source code that has been edited.
   *
   * This function is only rarely needed. When you edit a syntax tree with
   * the {@link Tree#edit} method, all of the nodes that you retrieve from
   * the tree afterward will already reflect the edit. You only need to
   * use {@link Node#edit} when you have a specific {@link Node} instance that
   * you want to keep and continue to use after an edit.
   */
  edit(edit) {
    if (this.startIndex >= edit.oldEndIndex) {
      this.startIndex = edit.newEndIndex + (this.startIndex - edit.oldEndIndex);
      let subbedPointRow;
      let subbedPointColumn;
      if (this.startPosition.row > edit.oldEndPosition.row) {
        subbedPointRow = this.startPosition.row - edit.oldEndPosition.row;
        subbedPointColumn = this.startPosition.column;
      } else {
        subbedPointRow = 0;
        subbedPointColumn = this.startPosition.column;
        if (this.startPosition.column >= edit.oldEndPosition.column) {
          subbedPointColumn = this.startPosition.column - edit.oldEndPosition.column;
        }
      }
      if (subbedPointRow > 0) {
        this.startPosition.row += subbedPointRow;
        this.startPosition.column = subbedPointColumn;
      } else {
        this.startPosition.column += subbedPointColumn;
      }
    } else if (this.startIndex > edit.startIndex) {
      this.startIndex = edit.newEndIndex;
      this.startPosition.row = edit.newEndPosition.row;
      this.startPosition.column = edit.newEndPosition.column;
    }
  }
  /** Get the S-expression representation of this node. */
  toString() {
    marshalNode(this);
    const address = C._ts_node_to_string_wasm(this.tree[0]);
    const result = C.AsciiToString(address);
    C._free(address);
    return result;
  }
};
function unmarshalCaptures(query, tree, address, patternIndex, result) {
  for (let i2 = 0, n = result.length; i2 < n; i2++) {
    const captureIndex = C.getValue(address, "i32");
    address += SIZE_OF_INT;
    const node = unmarshalNode(tree, address);
    address += SIZE_OF_NODE;
    result[i2] = { patternIndex, name: query.captureNames[captureIndex], node };
  }
  return address;
}
__name(unmarshalCaptures, "unmarshalCaptures");
function marshalNode(node, index = 0) {
  let address = TRANSFER_BUFFER + index * SIZE_OF_NODE;
  C.setValue(address, node.id, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.row, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node.startPosition.column, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, node[0], "i32");
}
__name(marshalNode, "marshalNode");
function unmarshalNode(tree, address = TRANSFER_BUFFER) {
  const id = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  if (id === 0) return null;
  const index = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const row = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const column = C.getValue(address, "i32");
  address += SIZE_OF_INT;
  const other = C.getValue(address, "i32");
  const result = new Node(INTERNAL, {
    id,
    tree,
    startIndex: index,
    startPosition: { row, column },
    other
  });
  return result;
}
__name(unmarshalNode, "unmarshalNode");
function marshalTreeCursor(cursor, address = TRANSFER_BUFFER) {
  C.setValue(address + 0 * SIZE_OF_INT, cursor[0], "i32");
  C.setValue(address + 1 * SIZE_OF_INT, cursor[1], "i32");
  C.setValue(address + 2 * SIZE_OF_INT, cursor[2], "i32");
  C.setValue(address + 3 * SIZE_OF_INT, cursor[3], "i32");
}
__name(marshalTreeCursor, "marshalTreeCursor");
function unmarshalTreeCursor(cursor) {
  cursor[0] = C.getValue(TRANSFER_BUFFER + 0 * SIZE_OF_INT, "i32");
  cursor[1] = C.getValue(TRANSFER_BUFFER + 1 * SIZE_OF_INT, "i32");
  cursor[2] = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
  cursor[3] = C.getValue(TRANSFER_BUFFER + 3 * SIZE_OF_INT, "i32");
}
__name(unmarshalTreeCursor, "unmarshalTreeCursor");
function marshalPoint(address, point) {
  C.setValue(address, point.row, "i32");
  C.setValue(address + SIZE_OF_INT, point.column, "i32");
}
__name(marshalPoint, "marshalPoint");
function unmarshalPoint(address) {
  const result = {
    row: C.getValue(address, "i32") >>> 0,
    column: C.getValue(address + SIZE_OF_INT, "i32") >>> 0
  };
  return result;
}
__name(unmarshalPoint, "unmarshalPoint");
function marshalRange(address, range) {
  marshalPoint(address, range.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, range.endPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, range.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, range.endIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalRange, "marshalRange");
function unmarshalRange(address) {
  const result = {};
  result.startPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.endPosition = unmarshalPoint(address);
  address += SIZE_OF_POINT;
  result.startIndex = C.getValue(address, "i32") >>> 0;
  address += SIZE_OF_INT;
  result.endIndex = C.getValue(address, "i32") >>> 0;
  return result;
}
__name(unmarshalRange, "unmarshalRange");
function marshalEdit(edit, address = TRANSFER_BUFFER) {
  marshalPoint(address, edit.startPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.oldEndPosition);
  address += SIZE_OF_POINT;
  marshalPoint(address, edit.newEndPosition);
  address += SIZE_OF_POINT;
  C.setValue(address, edit.startIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.oldEndIndex, "i32");
  address += SIZE_OF_INT;
  C.setValue(address, edit.newEndIndex, "i32");
  address += SIZE_OF_INT;
}
__name(marshalEdit, "marshalEdit");
function unmarshalLanguageMetadata(address) {
  const major_version = C.getValue(address, "i32");
  const minor_version = C.getValue(address += SIZE_OF_INT, "i32");
  const patch_version = C.getValue(address += SIZE_OF_INT, "i32");
  return { major_version, minor_version, patch_version };
}
__name(unmarshalLanguageMetadata, "unmarshalLanguageMetadata");
var PREDICATE_STEP_TYPE_CAPTURE = 1;
var PREDICATE_STEP_TYPE_STRING = 2;
var QUERY_WORD_REGEX = /[\w-]+/g;
var CaptureQuantifier = {
  Zero: 0,
  ZeroOrOne: 1,
  ZeroOrMore: 2,
  One: 3,
  OneOrMore: 4
};
var isCaptureStep = /* @__PURE__ */ __name((step) => step.type === "capture", "isCaptureStep");
var isStringStep = /* @__PURE__ */ __name((step) => step.type === "string", "isStringStep");
var QueryErrorKind = {
  Syntax: 1,
  NodeName: 2,
  FieldName: 3,
  CaptureName: 4,
  PatternStructure: 5
};
var QueryError = class _QueryError extends Error {
  constructor(kind, info2, index, length) {
    super(_QueryError.formatMessage(kind, info2));
    this.kind = kind;
    this.info = info2;
    this.index = index;
    this.length = length;
    this.name = "QueryError";
  }
  static {
    __name(this, "QueryError");
  }
  /** Formats an error message based on the error kind and info */
  static formatMessage(kind, info2) {
    switch (kind) {
      case QueryErrorKind.NodeName:
        return `Bad node name '${info2.word}'`;
      case QueryErrorKind.FieldName:
        return `Bad field name '${info2.word}'`;
      case QueryErrorKind.CaptureName:
        return `Bad capture name @${info2.word}`;
      case QueryErrorKind.PatternStructure:
        return `Bad pattern structure at offset ${info2.suffix}`;
      case QueryErrorKind.Syntax:
        return `Bad syntax at offset ${info2.suffix}`;
    }
  }
};
function parseAnyPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}`
    );
  }
  if (!isCaptureStep(steps[1])) {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}"`
    );
  }
  const isPositive = operator === "eq?" || operator === "any-eq?";
  const matchAll = !operator.startsWith("any-");
  if (isCaptureStep(steps[2])) {
    const captureName1 = steps[1].name;
    const captureName2 = steps[2].name;
    textPredicates[index].push((captures) => {
      const nodes1 = [];
      const nodes2 = [];
      for (const c of captures) {
        if (c.name === captureName1) nodes1.push(c.node);
        if (c.name === captureName2) nodes2.push(c.node);
      }
      const compare = /* @__PURE__ */ __name((n1, n2, positive) => {
        return positive ? n1.text === n2.text : n1.text !== n2.text;
      }, "compare");
      return matchAll ? nodes1.every((n1) => nodes2.some((n2) => compare(n1, n2, isPositive))) : nodes1.some((n1) => nodes2.some((n2) => compare(n1, n2, isPositive)));
    });
  } else {
    const captureName = steps[1].name;
    const stringValue = steps[2].value;
    const matches = /* @__PURE__ */ __name((n) => n.text === stringValue, "matches");
    const doesNotMatch = /* @__PURE__ */ __name((n) => n.text !== stringValue, "doesNotMatch");
    textPredicates[index].push((captures) => {
      const nodes = [];
      for (const c of captures) {
        if (c.name === captureName) nodes.push(c.node);
      }
      const test = isPositive ? matches : doesNotMatch;
      return matchAll ? nodes.every(test) : nodes.some(test);
    });
  }
}
__name(parseAnyPredicate, "parseAnyPredicate");
function parseMatchPredicate(steps, index, operator, textPredicates) {
  if (steps.length !== 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 2, got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  if (steps[2].type !== "string") {
    throw new Error(
      `Second argument of \`#${operator}\` predicate must be a string. Got @${steps[2].name}.`
    );
  }
  const isPositive = operator === "match?" || operator === "any-match?";
  const matchAll = !operator.startsWith("any-");
  const captureName = steps[1].name;
  const regex = new RegExp(steps[2].value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    const test = /* @__PURE__ */ __name((text, positive) => {
      return positive ? regex.test(text) : !regex.test(text);
    }, "test");
    if (nodes.length === 0) return !isPositive;
    return matchAll ? nodes.every((text) => test(text, isPositive)) : nodes.some((text) => test(text, isPositive));
  });
}
__name(parseMatchPredicate, "parseMatchPredicate");
function parseAnyOfPredicate(steps, index, operator, textPredicates) {
  if (steps.length < 2) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected at least 1. Got ${steps.length - 1}.`
    );
  }
  if (steps[1].type !== "capture") {
    throw new Error(
      `First argument of \`#${operator}\` predicate must be a capture. Got "${steps[1].value}".`
    );
  }
  const isPositive = operator === "any-of?";
  const captureName = steps[1].name;
  const stringSteps = steps.slice(2);
  if (!stringSteps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const values = stringSteps.map((s) => s.value);
  textPredicates[index].push((captures) => {
    const nodes = [];
    for (const c of captures) {
      if (c.name === captureName) nodes.push(c.node.text);
    }
    if (nodes.length === 0) return !isPositive;
    return nodes.every((text) => values.includes(text)) === isPositive;
  });
}
__name(parseAnyOfPredicate, "parseAnyOfPredicate");
function parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(
      `Wrong number of arguments to \`#${operator}\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`
    );
  }
  if (!steps.every(isStringStep)) {
    throw new Error(
      `Arguments to \`#${operator}\` predicate must be strings.".`
    );
  }
  const properties = operator === "is?" ? assertedProperties : refutedProperties;
  if (!properties[index]) properties[index] = {};
  properties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseIsPredicate, "parseIsPredicate");
function parseSetDirective(steps, index, setProperties) {
  if (steps.length < 2 || steps.length > 3) {
    throw new Error(`Wrong number of arguments to \`#set!\` predicate. Expected 1 or 2. Got ${steps.length - 1}.`);
  }
  if (!steps.every(isStringStep)) {
    throw new Error(`Arguments to \`#set!\` predicate must be strings.".`);
  }
  if (!setProperties[index]) setProperties[index] = {};
  setProperties[index][steps[1].value] = steps[2]?.value ?? null;
}
__name(parseSetDirective, "parseSetDirective");
function parsePattern(index, stepType, stepValueId, captureNames, stringValues, steps, textPredicates, predicates, setProperties, assertedProperties, refutedProperties) {
  if (stepType === PREDICATE_STEP_TYPE_CAPTURE) {
    const name2 = captureNames[stepValueId];
    steps.push({ type: "capture", name: name2 });
  } else if (stepType === PREDICATE_STEP_TYPE_STRING) {
    steps.push({ type: "string", value: stringValues[stepValueId] });
  } else if (steps.length > 0) {
    if (steps[0].type !== "string") {
      throw new Error("Predicates must begin with a literal value");
    }
    const operator = steps[0].value;
    switch (operator) {
      case "any-not-eq?":
      case "not-eq?":
      case "any-eq?":
      case "eq?":
        parseAnyPredicate(steps, index, operator, textPredicates);
        break;
      case "any-not-match?":
      case "not-match?":
      case "any-match?":
      case "match?":
        parseMatchPredicate(steps, index, operator, textPredicates);
        break;
      case "not-any-of?":
      case "any-of?":
        parseAnyOfPredicate(steps, index, operator, textPredicates);
        break;
      case "is?":
      case "is-not?":
        parseIsPredicate(steps, index, operator, assertedProperties, refutedProperties);
        break;
      case "set!":
        parseSetDirective(steps, index, setProperties);
        break;
      default:
        predicates[index].push({ operator, operands: steps.slice(1) });
    }
    steps.length = 0;
  }
}
__name(parsePattern, "parsePattern");
var Query = class {
  static {
    __name(this, "Query");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  exceededMatchLimit;
  /** @internal */
  textPredicates;
  /** The names of the captures used in the query. */
  captureNames;
  /** The quantifiers of the captures used in the query. */
  captureQuantifiers;
  /**
   * The other user-defined predicates associated with the given index.
   *
   * This includes predicates with operators other than:
   * - `match?`
   * - `eq?` and `not-eq?`
   * - `any-of?` and `not-any-of?`
   * - `is?` and `is-not?`
   * - `set!`
   */
  predicates;
  /** The properties for predicates with the operator `set!`. */
  setProperties;
  /** The properties for predicates with the operator `is?`. */
  assertedProperties;
  /** The properties for predicates with the operator `is-not?`. */
  refutedProperties;
  /** The maximum number of in-progress matches for this cursor. */
  matchLimit;
  /**
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  constructor(language, source) {
    const sourceLength = C.lengthBytesUTF8(source);
    const sourceAddress = C._malloc(sourceLength + 1);
    C.stringToUTF8(source, sourceAddress, sourceLength + 1);
    const address = C._ts_query_new(
      language[0],
      sourceAddress,
      sourceLength,
      TRANSFER_BUFFER,
      TRANSFER_BUFFER + SIZE_OF_INT
    );
    if (!address) {
      const errorId = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
      const errorByte = C.getValue(TRANSFER_BUFFER, "i32");
      const errorIndex = C.UTF8ToString(sourceAddress, errorByte).length;
      const suffix = source.slice(errorIndex, errorIndex + 100).split("\n")[0];
      const word = suffix.match(QUERY_WORD_REGEX)?.[0] ?? "";
      C._free(sourceAddress);
      switch (errorId) {
        case QueryErrorKind.Syntax:
          throw new QueryError(QueryErrorKind.Syntax, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
        case QueryErrorKind.NodeName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.FieldName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.CaptureName:
          throw new QueryError(errorId, { word }, errorIndex, word.length);
        case QueryErrorKind.PatternStructure:
          throw new QueryError(errorId, { suffix: `${errorIndex}: '${suffix}'...` }, errorIndex, 0);
      }
    }
    const stringCount = C._ts_query_string_count(address);
    const captureCount = C._ts_query_capture_count(address);
    const patternCount = C._ts_query_pattern_count(address);
    const captureNames = new Array(captureCount);
    const captureQuantifiers = new Array(patternCount);
    const stringValues = new Array(stringCount);
    for (let i2 = 0; i2 < captureCount; i2++) {
      const nameAddress = C._ts_query_capture_name_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      captureNames[i2] = C.UTF8ToString(nameAddress, nameLength);
    }
    for (let i2 = 0; i2 < patternCount; i2++) {
      const captureQuantifiersArray = new Array(captureCount);
      for (let j = 0; j < captureCount; j++) {
        const quantifier = C._ts_query_capture_quantifier_for_id(address, i2, j);
        captureQuantifiersArray[j] = quantifier;
      }
      captureQuantifiers[i2] = captureQuantifiersArray;
    }
    for (let i2 = 0; i2 < stringCount; i2++) {
      const valueAddress = C._ts_query_string_value_for_id(
        address,
        i2,
        TRANSFER_BUFFER
      );
      const nameLength = C.getValue(TRANSFER_BUFFER, "i32");
      stringValues[i2] = C.UTF8ToString(valueAddress, nameLength);
    }
    const setProperties = new Array(patternCount);
    const assertedProperties = new Array(patternCount);
    const refutedProperties = new Array(patternCount);
    const predicates = new Array(patternCount);
    const textPredicates = new Array(patternCount);
    for (let i2 = 0; i2 < patternCount; i2++) {
      const predicatesAddress = C._ts_query_predicates_for_pattern(address, i2, TRANSFER_BUFFER);
      const stepCount = C.getValue(TRANSFER_BUFFER, "i32");
      predicates[i2] = [];
      textPredicates[i2] = [];
      const steps = new Array();
      let stepAddress = predicatesAddress;
      for (let j = 0; j < stepCount; j++) {
        const stepType = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        const stepValueId = C.getValue(stepAddress, "i32");
        stepAddress += SIZE_OF_INT;
        parsePattern(
          i2,
          stepType,
          stepValueId,
          captureNames,
          stringValues,
          steps,
          textPredicates,
          predicates,
          setProperties,
          assertedProperties,
          refutedProperties
        );
      }
      Object.freeze(textPredicates[i2]);
      Object.freeze(predicates[i2]);
      Object.freeze(setProperties[i2]);
      Object.freeze(assertedProperties[i2]);
      Object.freeze(refutedProperties[i2]);
    }
    C._free(sourceAddress);
    this[0] = address;
    this.captureNames = captureNames;
    this.captureQuantifiers = captureQuantifiers;
    this.textPredicates = textPredicates;
    this.predicates = predicates;
    this.setProperties = setProperties;
    this.assertedProperties = assertedProperties;
    this.refutedProperties = refutedProperties;
    this.exceededMatchLimit = false;
  }
  /** Delete the query, freeing its resources. */
  delete() {
    C._ts_query_delete(this[0]);
    this[0] = 0;
  }
  /**
   * Iterate over all of the matches in the order that they were found.
   *
   * Each match contains the index of the pattern that matched, and a list of
   * captures. Because multiple patterns can match the same set of nodes,
   * one match may contain captures that appear *before* some of the
   * captures from a previous match.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  matches(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_matches_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const rawCount = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array(rawCount);
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    let filteredCount = 0;
    let address = startAddress;
    for (let i2 = 0; i2 < rawCount; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captures = new Array(captureCount);
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        result[filteredCount] = { pattern: patternIndex, patternIndex, captures };
        const setProperties = this.setProperties[patternIndex];
        result[filteredCount].setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        result[filteredCount].assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        result[filteredCount].refutedProperties = refutedProperties;
        filteredCount++;
      }
    }
    result.length = filteredCount;
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /**
   * Iterate over all of the individual captures in the order that they
   * appear.
   *
   * This is useful if you don't care about which pattern matched, and just
   * want a single, ordered sequence of captures.
   *
   * @param {Node} node - The node to execute the query on.
   *
   * @param {QueryOptions} options - Options for query execution.
   */
  captures(node, options = {}) {
    const startPosition = options.startPosition ?? ZERO_POINT;
    const endPosition = options.endPosition ?? ZERO_POINT;
    const startIndex = options.startIndex ?? 0;
    const endIndex = options.endIndex ?? 0;
    const matchLimit = options.matchLimit ?? 4294967295;
    const maxStartDepth = options.maxStartDepth ?? 4294967295;
    const timeoutMicros = options.timeoutMicros ?? 0;
    const progressCallback = options.progressCallback;
    if (typeof matchLimit !== "number") {
      throw new Error("Arguments must be numbers");
    }
    this.matchLimit = matchLimit;
    if (endIndex !== 0 && startIndex > endIndex) {
      throw new Error("`startIndex` cannot be greater than `endIndex`");
    }
    if (endPosition !== ZERO_POINT && (startPosition.row > endPosition.row || startPosition.row === endPosition.row && startPosition.column > endPosition.column)) {
      throw new Error("`startPosition` cannot be greater than `endPosition`");
    }
    if (progressCallback) {
      C.currentQueryProgressCallback = progressCallback;
    }
    marshalNode(node);
    C._ts_query_captures_wasm(
      this[0],
      node.tree[0],
      startPosition.row,
      startPosition.column,
      endPosition.row,
      endPosition.column,
      startIndex,
      endIndex,
      matchLimit,
      maxStartDepth,
      timeoutMicros
    );
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const startAddress = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const didExceedMatchLimit = C.getValue(TRANSFER_BUFFER + 2 * SIZE_OF_INT, "i32");
    const result = new Array();
    this.exceededMatchLimit = Boolean(didExceedMatchLimit);
    const captures = new Array();
    let address = startAddress;
    for (let i2 = 0; i2 < count; i2++) {
      const patternIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureCount = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      const captureIndex = C.getValue(address, "i32");
      address += SIZE_OF_INT;
      captures.length = captureCount;
      address = unmarshalCaptures(this, node.tree, address, patternIndex, captures);
      if (this.textPredicates[patternIndex].every((p) => p(captures))) {
        const capture = captures[captureIndex];
        const setProperties = this.setProperties[patternIndex];
        capture.setProperties = setProperties;
        const assertedProperties = this.assertedProperties[patternIndex];
        capture.assertedProperties = assertedProperties;
        const refutedProperties = this.refutedProperties[patternIndex];
        capture.refutedProperties = refutedProperties;
        result.push(capture);
      }
    }
    C._free(startAddress);
    C.currentQueryProgressCallback = null;
    return result;
  }
  /** Get the predicates for a given pattern. */
  predicatesForPattern(patternIndex) {
    return this.predicates[patternIndex];
  }
  /**
   * Disable a certain capture within a query.
   *
   * This prevents the capture from being returned in matches, and also
   * avoids any resource usage associated with recording the capture.
   */
  disableCapture(captureName) {
    const captureNameLength = C.lengthBytesUTF8(captureName);
    const captureNameAddress = C._malloc(captureNameLength + 1);
    C.stringToUTF8(captureName, captureNameAddress, captureNameLength + 1);
    C._ts_query_disable_capture(this[0], captureNameAddress, captureNameLength);
    C._free(captureNameAddress);
  }
  /**
   * Disable a certain pattern within a query.
   *
   * This prevents the pattern from matching, and also avoids any resource
   * usage associated with the pattern. This throws an error if the pattern
   * index is out of bounds.
   */
  disablePattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    C._ts_query_disable_pattern(this[0], patternIndex);
  }
  /**
   * Check if, on its last execution, this cursor exceeded its maximum number
   * of in-progress matches.
   */
  didExceedMatchLimit() {
    return this.exceededMatchLimit;
  }
  /** Get the byte offset where the given pattern starts in the query's source. */
  startIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_start_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the byte offset where the given pattern ends in the query's source. */
  endIndexForPattern(patternIndex) {
    if (patternIndex >= this.predicates.length) {
      throw new Error(
        `Pattern index is ${patternIndex} but the pattern count is ${this.predicates.length}`
      );
    }
    return C._ts_query_end_byte_for_pattern(this[0], patternIndex);
  }
  /** Get the number of patterns in the query. */
  patternCount() {
    return C._ts_query_pattern_count(this[0]);
  }
  /** Get the index for a given capture name. */
  captureIndexForName(captureName) {
    return this.captureNames.indexOf(captureName);
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternRooted(patternIndex) {
    return C._ts_query_is_pattern_rooted(this[0], patternIndex) === 1;
  }
  /** Check if a given pattern within a query has a single root node. */
  isPatternNonLocal(patternIndex) {
    return C._ts_query_is_pattern_non_local(this[0], patternIndex) === 1;
  }
  /**
   * Check if a given step in a query is 'definite'.
   *
   * A query step is 'definite' if its parent pattern will be guaranteed to
   * match successfully once it reaches the step.
   */
  isPatternGuaranteedAtStep(byteIndex) {
    return C._ts_query_is_pattern_guaranteed_at_step(this[0], byteIndex) === 1;
  }
};
var LANGUAGE_FUNCTION_REGEX = /^tree_sitter_\w+$/;
var Language = class _Language {
  static {
    __name(this, "Language");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /**
   * A list of all node types in the language. The index of each type in this
   * array is its node type id.
   */
  types;
  /**
   * A list of all field names in the language. The index of each field name in
   * this array is its field id.
   */
  fields;
  /** @internal */
  constructor(internal, address) {
    assertInternal(internal);
    this[0] = address;
    this.types = new Array(C._ts_language_symbol_count(this[0]));
    for (let i2 = 0, n = this.types.length; i2 < n; i2++) {
      if (C._ts_language_symbol_type(this[0], i2) < 2) {
        this.types[i2] = C.UTF8ToString(C._ts_language_symbol_name(this[0], i2));
      }
    }
    this.fields = new Array(C._ts_language_field_count(this[0]) + 1);
    for (let i2 = 0, n = this.fields.length; i2 < n; i2++) {
      const fieldName = C._ts_language_field_name_for_id(this[0], i2);
      if (fieldName !== 0) {
        this.fields[i2] = C.UTF8ToString(fieldName);
      } else {
        this.fields[i2] = null;
      }
    }
  }
  /**
   * Gets the name of the language.
   */
  get name() {
    const ptr = C._ts_language_name(this[0]);
    if (ptr === 0) return null;
    return C.UTF8ToString(ptr);
  }
  /**
   * @deprecated since version 0.25.0, use {@link Language#abiVersion} instead
   * Gets the version of the language.
   */
  get version() {
    return C._ts_language_version(this[0]);
  }
  /**
   * Gets the ABI version of the language.
   */
  get abiVersion() {
    return C._ts_language_abi_version(this[0]);
  }
  /**
  * Get the metadata for this language. This information is generated by the
  * CLI, and relies on the language author providing the correct metadata in
  * the language's `tree-sitter.json` file.
  */
  get metadata() {
    C._ts_language_metadata(this[0]);
    const length = C.getValue(TRANSFER_BUFFER, "i32");
    const address = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    if (length === 0) return null;
    return unmarshalLanguageMetadata(address);
  }
  /**
   * Gets the number of fields in the language.
   */
  get fieldCount() {
    return this.fields.length - 1;
  }
  /**
   * Gets the number of states in the language.
   */
  get stateCount() {
    return C._ts_language_state_count(this[0]);
  }
  /**
   * Get the field id for a field name.
   */
  fieldIdForName(fieldName) {
    const result = this.fields.indexOf(fieldName);
    return result !== -1 ? result : null;
  }
  /**
   * Get the field name for a field id.
   */
  fieldNameForId(fieldId) {
    return this.fields[fieldId] ?? null;
  }
  /**
   * Get the node type id for a node type name.
   */
  idForNodeType(type, named2) {
    const typeLength = C.lengthBytesUTF8(type);
    const typeAddress = C._malloc(typeLength + 1);
    C.stringToUTF8(type, typeAddress, typeLength + 1);
    const result = C._ts_language_symbol_for_name(this[0], typeAddress, typeLength, named2 ? 1 : 0);
    C._free(typeAddress);
    return result || null;
  }
  /**
   * Gets the number of node types in the language.
   */
  get nodeTypeCount() {
    return C._ts_language_symbol_count(this[0]);
  }
  /**
   * Get the node type name for a node type id.
   */
  nodeTypeForId(typeId) {
    const name2 = C._ts_language_symbol_name(this[0], typeId);
    return name2 ? C.UTF8ToString(name2) : null;
  }
  /**
   * Check if a node type is named.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/2-basic-parsing.html#named-vs-anonymous-nodes}
   */
  nodeTypeIsNamed(typeId) {
    return C._ts_language_type_is_named_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Check if a node type is visible.
   */
  nodeTypeIsVisible(typeId) {
    return C._ts_language_type_is_visible_wasm(this[0], typeId) ? true : false;
  }
  /**
   * Get the supertypes ids of this language.
   *
   * @see {@link https://tree-sitter.github.io/tree-sitter/using-parsers/6-static-node-types.html?highlight=supertype#supertype-nodes}
   */
  get supertypes() {
    C._ts_language_supertypes_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the subtype ids for a given supertype node id.
   */
  subtypes(supertype) {
    C._ts_language_subtypes_wasm(this[0], supertype);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = C.getValue(address, "i16");
        address += SIZE_OF_SHORT;
      }
    }
    return result;
  }
  /**
   * Get the next state id for a given state id and node type id.
   */
  nextState(stateId, typeId) {
    return C._ts_language_next_state(this[0], stateId, typeId);
  }
  /**
   * Create a new lookahead iterator for this language and parse state.
   *
   * This returns `null` if state is invalid for this language.
   *
   * Iterating {@link LookaheadIterator} will yield valid symbols in the given
   * parse state. Newly created lookahead iterators will return the `ERROR`
   * symbol from {@link LookaheadIterator#currentType}.
   *
   * Lookahead iterators can be useful for generating suggestions and improving
   * syntax error diagnostics. To get symbols valid in an `ERROR` node, use the
   * lookahead iterator on its first leaf node state. For `MISSING` nodes, a
   * lookahead iterator created on the previous non-extra leaf node may be
   * appropriate.
   */
  lookaheadIterator(stateId) {
    const address = C._ts_lookahead_iterator_new(this[0], stateId);
    if (address) return new LookaheadIterator(INTERNAL, address, this);
    return null;
  }
  /**
   * @deprecated since version 0.25.0, call `new` on a {@link Query} instead
   *
   * Create a new query from a string containing one or more S-expression
   * patterns.
   *
   * The query is associated with a particular language, and can only be run
   * on syntax nodes parsed with that language. References to Queries can be
   * shared between multiple threads.
   *
   * @link {@see https://tree-sitter.github.io/tree-sitter/using-parsers/queries}
   */
  query(source) {
    console.warn("Language.query is deprecated. Use new Query(language, source) instead.");
    return new Query(this, source);
  }
  /**
   * Load a language from a WebAssembly module.
   * The module can be provided as a path to a file or as a buffer.
   */
  static async load(input2) {
    let bytes;
    if (input2 instanceof Uint8Array) {
      bytes = Promise.resolve(input2);
    } else {
      if (globalThis.process?.versions.node) {
        const fs2 = await import("fs/promises");
        bytes = fs2.readFile(input2);
      } else {
        bytes = fetch(input2).then((response) => response.arrayBuffer().then((buffer) => {
          if (response.ok) {
            return new Uint8Array(buffer);
          } else {
            const body2 = new TextDecoder("utf-8").decode(buffer);
            throw new Error(`Language.load failed with status ${response.status}.

${body2}`);
          }
        }));
      }
    }
    const mod = await C.loadWebAssemblyModule(await bytes, { loadAsync: true });
    const symbolNames = Object.keys(mod);
    const functionName = symbolNames.find((key) => LANGUAGE_FUNCTION_REGEX.test(key) && !key.includes("external_scanner_"));
    if (!functionName) {
      console.log(`Couldn't find language function in WASM file. Symbols:
${JSON.stringify(symbolNames, null, 2)}`);
      throw new Error("Language.load failed: no language function found in WASM file");
    }
    const languageAddress = mod[functionName]();
    return new _Language(INTERNAL, languageAddress);
  }
};
var Module2 = (() => {
  var _scriptName = import.meta.url;
  return async function(moduleArg = {}) {
    var moduleRtn;
    var Module = moduleArg;
    var readyPromiseResolve, readyPromiseReject;
    var readyPromise = new Promise((resolve, reject) => {
      readyPromiseResolve = resolve;
      readyPromiseReject = reject;
    });
    var ENVIRONMENT_IS_WEB = typeof window == "object";
    var ENVIRONMENT_IS_WORKER = typeof WorkerGlobalScope != "undefined";
    var ENVIRONMENT_IS_NODE = typeof process == "object" && typeof process.versions == "object" && typeof process.versions.node == "string" && process.type != "renderer";
    var ENVIRONMENT_IS_SHELL = !ENVIRONMENT_IS_WEB && !ENVIRONMENT_IS_NODE && !ENVIRONMENT_IS_WORKER;
    if (ENVIRONMENT_IS_NODE) {
      const { createRequire: createRequire2 } = await import("module");
      var require = createRequire2(import.meta.url);
    }
    Module.currentQueryProgressCallback = null;
    Module.currentProgressCallback = null;
    Module.currentLogCallback = null;
    Module.currentParseCallback = null;
    var moduleOverrides = Object.assign({}, Module);
    var arguments_ = [];
    var thisProgram = "./this.program";
    var quit_ = /* @__PURE__ */ __name((status, toThrow) => {
      throw toThrow;
    }, "quit_");
    var scriptDirectory = "";
    function locateFile(path) {
      if (Module["locateFile"]) {
        return Module["locateFile"](path, scriptDirectory);
      }
      return scriptDirectory + path;
    }
    __name(locateFile, "locateFile");
    var readAsync, readBinary;
    if (ENVIRONMENT_IS_NODE) {
      var fs = require("fs");
      var nodePath = require("path");
      if (!import.meta.url.startsWith("data:")) {
        scriptDirectory = nodePath.dirname(require("url").fileURLToPath(import.meta.url)) + "/";
      }
      readBinary = /* @__PURE__ */ __name((filename) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename);
        return ret;
      }, "readBinary");
      readAsync = /* @__PURE__ */ __name(async (filename, binary2 = true) => {
        filename = isFileURI(filename) ? new URL(filename) : filename;
        var ret = fs.readFileSync(filename, binary2 ? void 0 : "utf8");
        return ret;
      }, "readAsync");
      if (!Module["thisProgram"] && process.argv.length > 1) {
        thisProgram = process.argv[1].replace(/\\/g, "/");
      }
      arguments_ = process.argv.slice(2);
      quit_ = /* @__PURE__ */ __name((status, toThrow) => {
        process.exitCode = status;
        throw toThrow;
      }, "quit_");
    } else if (ENVIRONMENT_IS_WEB || ENVIRONMENT_IS_WORKER) {
      if (ENVIRONMENT_IS_WORKER) {
        scriptDirectory = self.location.href;
      } else if (typeof document != "undefined" && document.currentScript) {
        scriptDirectory = document.currentScript.src;
      }
      if (_scriptName) {
        scriptDirectory = _scriptName;
      }
      if (scriptDirectory.startsWith("blob:")) {
        scriptDirectory = "";
      } else {
        scriptDirectory = scriptDirectory.slice(0, scriptDirectory.replace(/[?#].*/, "").lastIndexOf("/") + 1);
      }
      {
        if (ENVIRONMENT_IS_WORKER) {
          readBinary = /* @__PURE__ */ __name((url) => {
            var xhr = new XMLHttpRequest();
            xhr.open("GET", url, false);
            xhr.responseType = "arraybuffer";
            xhr.send(null);
            return new Uint8Array(
              /** @type{!ArrayBuffer} */
              xhr.response
            );
          }, "readBinary");
        }
        readAsync = /* @__PURE__ */ __name(async (url) => {
          if (isFileURI(url)) {
            return new Promise((resolve, reject) => {
              var xhr = new XMLHttpRequest();
              xhr.open("GET", url, true);
              xhr.responseType = "arraybuffer";
              xhr.onload = () => {
                if (xhr.status == 200 || xhr.status == 0 && xhr.response) {
                  resolve(xhr.response);
                  return;
                }
                reject(xhr.status);
              };
              xhr.onerror = reject;
              xhr.send(null);
            });
          }
          var response = await fetch(url, {
            credentials: "same-origin"
          });
          if (response.ok) {
            return response.arrayBuffer();
          }
          throw new Error(response.status + " : " + response.url);
        }, "readAsync");
      }
    } else {
    }
    var out = Module["print"] || console.log.bind(console);
    var err = Module["printErr"] || console.error.bind(console);
    Object.assign(Module, moduleOverrides);
    moduleOverrides = null;
    if (Module["arguments"]) arguments_ = Module["arguments"];
    if (Module["thisProgram"]) thisProgram = Module["thisProgram"];
    var dynamicLibraries = Module["dynamicLibraries"] || [];
    var wasmBinary = Module["wasmBinary"];
    var wasmMemory;
    var ABORT = false;
    var EXITSTATUS;
    function assert(condition, text) {
      if (!condition) {
        abort(text);
      }
    }
    __name(assert, "assert");
    var HEAP, HEAP8, HEAPU8, HEAP16, HEAPU16, HEAP32, HEAPU32, HEAPF32, HEAP64, HEAPU64, HEAPF64;
    var HEAP_DATA_VIEW;
    var runtimeInitialized = false;
    var isFileURI = /* @__PURE__ */ __name((filename) => filename.startsWith("file://"), "isFileURI");
    function updateMemoryViews() {
      var b = wasmMemory.buffer;
      Module["HEAP_DATA_VIEW"] = HEAP_DATA_VIEW = new DataView(b);
      Module["HEAP8"] = HEAP8 = new Int8Array(b);
      Module["HEAP16"] = HEAP16 = new Int16Array(b);
      Module["HEAPU8"] = HEAPU8 = new Uint8Array(b);
      Module["HEAPU16"] = HEAPU16 = new Uint16Array(b);
      Module["HEAP32"] = HEAP32 = new Int32Array(b);
      Module["HEAPU32"] = HEAPU32 = new Uint32Array(b);
      Module["HEAPF32"] = HEAPF32 = new Float32Array(b);
      Module["HEAPF64"] = HEAPF64 = new Float64Array(b);
      Module["HEAP64"] = HEAP64 = new BigInt64Array(b);
      Module["HEAPU64"] = HEAPU64 = new BigUint64Array(b);
    }
    __name(updateMemoryViews, "updateMemoryViews");
    if (Module["wasmMemory"]) {
      wasmMemory = Module["wasmMemory"];
    } else {
      var INITIAL_MEMORY = Module["INITIAL_MEMORY"] || 33554432;
      wasmMemory = new WebAssembly.Memory({
        "initial": INITIAL_MEMORY / 65536,
        // In theory we should not need to emit the maximum if we want "unlimited"
        // or 4GB of memory, but VMs error on that atm, see
        // https://github.com/emscripten-core/emscripten/issues/14130
        // And in the pthreads case we definitely need to emit a maximum. So
        // always emit one.
        "maximum": 32768
      });
    }
    updateMemoryViews();
    var __RELOC_FUNCS__ = [];
    function preRun() {
      if (Module["preRun"]) {
        if (typeof Module["preRun"] == "function") Module["preRun"] = [Module["preRun"]];
        while (Module["preRun"].length) {
          addOnPreRun(Module["preRun"].shift());
        }
      }
      callRuntimeCallbacks(onPreRuns);
    }
    __name(preRun, "preRun");
    function initRuntime() {
      runtimeInitialized = true;
      callRuntimeCallbacks(__RELOC_FUNCS__);
      wasmExports["__wasm_call_ctors"]();
      callRuntimeCallbacks(onPostCtors);
    }
    __name(initRuntime, "initRuntime");
    function preMain() {
    }
    __name(preMain, "preMain");
    function postRun() {
      if (Module["postRun"]) {
        if (typeof Module["postRun"] == "function") Module["postRun"] = [Module["postRun"]];
        while (Module["postRun"].length) {
          addOnPostRun(Module["postRun"].shift());
        }
      }
      callRuntimeCallbacks(onPostRuns);
    }
    __name(postRun, "postRun");
    var runDependencies = 0;
    var dependenciesFulfilled = null;
    function getUniqueRunDependency(id) {
      return id;
    }
    __name(getUniqueRunDependency, "getUniqueRunDependency");
    function addRunDependency(id) {
      runDependencies++;
      Module["monitorRunDependencies"]?.(runDependencies);
    }
    __name(addRunDependency, "addRunDependency");
    function removeRunDependency(id) {
      runDependencies--;
      Module["monitorRunDependencies"]?.(runDependencies);
      if (runDependencies == 0) {
        if (dependenciesFulfilled) {
          var callback = dependenciesFulfilled;
          dependenciesFulfilled = null;
          callback();
        }
      }
    }
    __name(removeRunDependency, "removeRunDependency");
    function abort(what) {
      Module["onAbort"]?.(what);
      what = "Aborted(" + what + ")";
      err(what);
      ABORT = true;
      what += ". Build with -sASSERTIONS for more info.";
      var e = new WebAssembly.RuntimeError(what);
      readyPromiseReject(e);
      throw e;
    }
    __name(abort, "abort");
    var wasmBinaryFile;
    function findWasmBinary() {
      if (Module["locateFile"]) {
        return locateFile("tree-sitter.wasm");
      }
      return new URL("tree-sitter.wasm", import.meta.url).href;
    }
    __name(findWasmBinary, "findWasmBinary");
    function getBinarySync(file) {
      if (file == wasmBinaryFile && wasmBinary) {
        return new Uint8Array(wasmBinary);
      }
      if (readBinary) {
        return readBinary(file);
      }
      throw "both async and sync fetching of the wasm failed";
    }
    __name(getBinarySync, "getBinarySync");
    async function getWasmBinary(binaryFile) {
      if (!wasmBinary) {
        try {
          var response = await readAsync(binaryFile);
          return new Uint8Array(response);
        } catch {
        }
      }
      return getBinarySync(binaryFile);
    }
    __name(getWasmBinary, "getWasmBinary");
    async function instantiateArrayBuffer(binaryFile, imports) {
      try {
        var binary2 = await getWasmBinary(binaryFile);
        var instance2 = await WebAssembly.instantiate(binary2, imports);
        return instance2;
      } catch (reason) {
        err(`failed to asynchronously prepare wasm: ${reason}`);
        abort(reason);
      }
    }
    __name(instantiateArrayBuffer, "instantiateArrayBuffer");
    async function instantiateAsync(binary2, binaryFile, imports) {
      if (!binary2 && typeof WebAssembly.instantiateStreaming == "function" && !isFileURI(binaryFile) && !ENVIRONMENT_IS_NODE) {
        try {
          var response = fetch(binaryFile, {
            credentials: "same-origin"
          });
          var instantiationResult = await WebAssembly.instantiateStreaming(response, imports);
          return instantiationResult;
        } catch (reason) {
          err(`wasm streaming compile failed: ${reason}`);
          err("falling back to ArrayBuffer instantiation");
        }
      }
      return instantiateArrayBuffer(binaryFile, imports);
    }
    __name(instantiateAsync, "instantiateAsync");
    function getWasmImports() {
      return {
        "env": wasmImports,
        "wasi_snapshot_preview1": wasmImports,
        "GOT.mem": new Proxy(wasmImports, GOTHandler),
        "GOT.func": new Proxy(wasmImports, GOTHandler)
      };
    }
    __name(getWasmImports, "getWasmImports");
    async function createWasm() {
      function receiveInstance(instance2, module2) {
        wasmExports = instance2.exports;
        wasmExports = relocateExports(wasmExports, 1024);
        var metadata2 = getDylinkMetadata(module2);
        if (metadata2.neededDynlibs) {
          dynamicLibraries = metadata2.neededDynlibs.concat(dynamicLibraries);
        }
        mergeLibSymbols(wasmExports, "main");
        LDSO.init();
        loadDylibs();
        __RELOC_FUNCS__.push(wasmExports["__wasm_apply_data_relocs"]);
        removeRunDependency("wasm-instantiate");
        return wasmExports;
      }
      __name(receiveInstance, "receiveInstance");
      addRunDependency("wasm-instantiate");
      function receiveInstantiationResult(result2) {
        return receiveInstance(result2["instance"], result2["module"]);
      }
      __name(receiveInstantiationResult, "receiveInstantiationResult");
      var info2 = getWasmImports();
      if (Module["instantiateWasm"]) {
        return new Promise((resolve, reject) => {
          Module["instantiateWasm"](info2, (mod, inst) => {
            receiveInstance(mod, inst);
            resolve(mod.exports);
          });
        });
      }
      wasmBinaryFile ??= findWasmBinary();
      try {
        var result = await instantiateAsync(wasmBinary, wasmBinaryFile, info2);
        var exports = receiveInstantiationResult(result);
        return exports;
      } catch (e) {
        readyPromiseReject(e);
        return Promise.reject(e);
      }
    }
    __name(createWasm, "createWasm");
    var ASM_CONSTS = {};
    class ExitStatus {
      static {
        __name(this, "ExitStatus");
      }
      name = "ExitStatus";
      constructor(status) {
        this.message = `Program terminated with exit(${status})`;
        this.status = status;
      }
    }
    var GOT = {};
    var currentModuleWeakSymbols = /* @__PURE__ */ new Set([]);
    var GOTHandler = {
      get(obj, symName) {
        var rtn = GOT[symName];
        if (!rtn) {
          rtn = GOT[symName] = new WebAssembly.Global({
            "value": "i32",
            "mutable": true
          });
        }
        if (!currentModuleWeakSymbols.has(symName)) {
          rtn.required = true;
        }
        return rtn;
      }
    };
    var LE_HEAP_LOAD_F32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat32(byteOffset, true), "LE_HEAP_LOAD_F32");
    var LE_HEAP_LOAD_F64 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getFloat64(byteOffset, true), "LE_HEAP_LOAD_F64");
    var LE_HEAP_LOAD_I16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt16(byteOffset, true), "LE_HEAP_LOAD_I16");
    var LE_HEAP_LOAD_I32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getInt32(byteOffset, true), "LE_HEAP_LOAD_I32");
    var LE_HEAP_LOAD_U16 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint16(byteOffset, true), "LE_HEAP_LOAD_U16");
    var LE_HEAP_LOAD_U32 = /* @__PURE__ */ __name((byteOffset) => HEAP_DATA_VIEW.getUint32(byteOffset, true), "LE_HEAP_LOAD_U32");
    var LE_HEAP_STORE_F32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat32(byteOffset, value, true), "LE_HEAP_STORE_F32");
    var LE_HEAP_STORE_F64 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setFloat64(byteOffset, value, true), "LE_HEAP_STORE_F64");
    var LE_HEAP_STORE_I16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt16(byteOffset, value, true), "LE_HEAP_STORE_I16");
    var LE_HEAP_STORE_I32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setInt32(byteOffset, value, true), "LE_HEAP_STORE_I32");
    var LE_HEAP_STORE_U16 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint16(byteOffset, value, true), "LE_HEAP_STORE_U16");
    var LE_HEAP_STORE_U32 = /* @__PURE__ */ __name((byteOffset, value) => HEAP_DATA_VIEW.setUint32(byteOffset, value, true), "LE_HEAP_STORE_U32");
    var callRuntimeCallbacks = /* @__PURE__ */ __name((callbacks) => {
      while (callbacks.length > 0) {
        callbacks.shift()(Module);
      }
    }, "callRuntimeCallbacks");
    var onPostRuns = [];
    var addOnPostRun = /* @__PURE__ */ __name((cb) => onPostRuns.unshift(cb), "addOnPostRun");
    var onPreRuns = [];
    var addOnPreRun = /* @__PURE__ */ __name((cb) => onPreRuns.unshift(cb), "addOnPreRun");
    var UTF8Decoder = typeof TextDecoder != "undefined" ? new TextDecoder() : void 0;
    var UTF8ArrayToString = /* @__PURE__ */ __name((heapOrArray, idx = 0, maxBytesToRead = NaN) => {
      var endIdx = idx + maxBytesToRead;
      var endPtr = idx;
      while (heapOrArray[endPtr] && !(endPtr >= endIdx)) ++endPtr;
      if (endPtr - idx > 16 && heapOrArray.buffer && UTF8Decoder) {
        return UTF8Decoder.decode(heapOrArray.subarray(idx, endPtr));
      }
      var str = "";
      while (idx < endPtr) {
        var u0 = heapOrArray[idx++];
        if (!(u0 & 128)) {
          str += String.fromCharCode(u0);
          continue;
        }
        var u1 = heapOrArray[idx++] & 63;
        if ((u0 & 224) == 192) {
          str += String.fromCharCode((u0 & 31) << 6 | u1);
          continue;
        }
        var u2 = heapOrArray[idx++] & 63;
        if ((u0 & 240) == 224) {
          u0 = (u0 & 15) << 12 | u1 << 6 | u2;
        } else {
          u0 = (u0 & 7) << 18 | u1 << 12 | u2 << 6 | heapOrArray[idx++] & 63;
        }
        if (u0 < 65536) {
          str += String.fromCharCode(u0);
        } else {
          var ch = u0 - 65536;
          str += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
        }
      }
      return str;
    }, "UTF8ArrayToString");
    var getDylinkMetadata = /* @__PURE__ */ __name((binary2) => {
      var offset = 0;
      var end = 0;
      function getU8() {
        return binary2[offset++];
      }
      __name(getU8, "getU8");
      function getLEB() {
        var ret = 0;
        var mul = 1;
        while (1) {
          var byte = binary2[offset++];
          ret += (byte & 127) * mul;
          mul *= 128;
          if (!(byte & 128)) break;
        }
        return ret;
      }
      __name(getLEB, "getLEB");
      function getString() {
        var len = getLEB();
        offset += len;
        return UTF8ArrayToString(binary2, offset - len, len);
      }
      __name(getString, "getString");
      function failIf(condition, message) {
        if (condition) throw new Error(message);
      }
      __name(failIf, "failIf");
      var name2 = "dylink.0";
      if (binary2 instanceof WebAssembly.Module) {
        var dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        if (dylinkSection.length === 0) {
          name2 = "dylink";
          dylinkSection = WebAssembly.Module.customSections(binary2, name2);
        }
        failIf(dylinkSection.length === 0, "need dylink section");
        binary2 = new Uint8Array(dylinkSection[0]);
        end = binary2.length;
      } else {
        var int32View = new Uint32Array(new Uint8Array(binary2.subarray(0, 24)).buffer);
        var magicNumberFound = int32View[0] == 1836278016 || int32View[0] == 6386541;
        failIf(!magicNumberFound, "need to see wasm magic number");
        failIf(binary2[8] !== 0, "need the dylink section to be first");
        offset = 9;
        var section_size = getLEB();
        end = offset + section_size;
        name2 = getString();
      }
      var customSection = {
        neededDynlibs: [],
        tlsExports: /* @__PURE__ */ new Set(),
        weakImports: /* @__PURE__ */ new Set()
      };
      if (name2 == "dylink") {
        customSection.memorySize = getLEB();
        customSection.memoryAlign = getLEB();
        customSection.tableSize = getLEB();
        customSection.tableAlign = getLEB();
        var neededDynlibsCount = getLEB();
        for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
          var libname = getString();
          customSection.neededDynlibs.push(libname);
        }
      } else {
        failIf(name2 !== "dylink.0");
        var WASM_DYLINK_MEM_INFO = 1;
        var WASM_DYLINK_NEEDED = 2;
        var WASM_DYLINK_EXPORT_INFO = 3;
        var WASM_DYLINK_IMPORT_INFO = 4;
        var WASM_SYMBOL_TLS = 256;
        var WASM_SYMBOL_BINDING_MASK = 3;
        var WASM_SYMBOL_BINDING_WEAK = 1;
        while (offset < end) {
          var subsectionType = getU8();
          var subsectionSize = getLEB();
          if (subsectionType === WASM_DYLINK_MEM_INFO) {
            customSection.memorySize = getLEB();
            customSection.memoryAlign = getLEB();
            customSection.tableSize = getLEB();
            customSection.tableAlign = getLEB();
          } else if (subsectionType === WASM_DYLINK_NEEDED) {
            var neededDynlibsCount = getLEB();
            for (var i2 = 0; i2 < neededDynlibsCount; ++i2) {
              libname = getString();
              customSection.neededDynlibs.push(libname);
            }
          } else if (subsectionType === WASM_DYLINK_EXPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var symname = getString();
              var flags2 = getLEB();
              if (flags2 & WASM_SYMBOL_TLS) {
                customSection.tlsExports.add(symname);
              }
            }
          } else if (subsectionType === WASM_DYLINK_IMPORT_INFO) {
            var count = getLEB();
            while (count--) {
              var modname = getString();
              var symname = getString();
              var flags2 = getLEB();
              if ((flags2 & WASM_SYMBOL_BINDING_MASK) == WASM_SYMBOL_BINDING_WEAK) {
                customSection.weakImports.add(symname);
              }
            }
          } else {
            offset += subsectionSize;
          }
        }
      }
      return customSection;
    }, "getDylinkMetadata");
    function getValue(ptr, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          return HEAP8[ptr];
        case "i8":
          return HEAP8[ptr];
        case "i16":
          return LE_HEAP_LOAD_I16((ptr >> 1) * 2);
        case "i32":
          return LE_HEAP_LOAD_I32((ptr >> 2) * 4);
        case "i64":
          return HEAP64[ptr >> 3];
        case "float":
          return LE_HEAP_LOAD_F32((ptr >> 2) * 4);
        case "double":
          return LE_HEAP_LOAD_F64((ptr >> 3) * 8);
        case "*":
          return LE_HEAP_LOAD_U32((ptr >> 2) * 4);
        default:
          abort(`invalid type for getValue: ${type}`);
      }
    }
    __name(getValue, "getValue");
    var newDSO = /* @__PURE__ */ __name((name2, handle2, syms) => {
      var dso = {
        refcount: Infinity,
        name: name2,
        exports: syms,
        global: true
      };
      LDSO.loadedLibsByName[name2] = dso;
      if (handle2 != void 0) {
        LDSO.loadedLibsByHandle[handle2] = dso;
      }
      return dso;
    }, "newDSO");
    var LDSO = {
      loadedLibsByName: {},
      loadedLibsByHandle: {},
      init() {
        newDSO("__main__", 0, wasmImports);
      }
    };
    var ___heap_base = 78224;
    var alignMemory = /* @__PURE__ */ __name((size, alignment) => Math.ceil(size / alignment) * alignment, "alignMemory");
    var getMemory = /* @__PURE__ */ __name((size) => {
      if (runtimeInitialized) {
        return _calloc(size, 1);
      }
      var ret = ___heap_base;
      var end = ret + alignMemory(size, 16);
      ___heap_base = end;
      GOT["__heap_base"].value = end;
      return ret;
    }, "getMemory");
    var isInternalSym = /* @__PURE__ */ __name((symName) => ["__cpp_exception", "__c_longjmp", "__wasm_apply_data_relocs", "__dso_handle", "__tls_size", "__tls_align", "__set_stack_limits", "_emscripten_tls_init", "__wasm_init_tls", "__wasm_call_ctors", "__start_em_asm", "__stop_em_asm", "__start_em_js", "__stop_em_js"].includes(symName) || symName.startsWith("__em_js__"), "isInternalSym");
    var uleb128Encode = /* @__PURE__ */ __name((n, target) => {
      if (n < 128) {
        target.push(n);
      } else {
        target.push(n % 128 | 128, n >> 7);
      }
    }, "uleb128Encode");
    var sigToWasmTypes = /* @__PURE__ */ __name((sig) => {
      var typeNames = {
        "i": "i32",
        "j": "i64",
        "f": "f32",
        "d": "f64",
        "e": "externref",
        "p": "i32"
      };
      var type = {
        parameters: [],
        results: sig[0] == "v" ? [] : [typeNames[sig[0]]]
      };
      for (var i2 = 1; i2 < sig.length; ++i2) {
        type.parameters.push(typeNames[sig[i2]]);
      }
      return type;
    }, "sigToWasmTypes");
    var generateFuncType = /* @__PURE__ */ __name((sig, target) => {
      var sigRet = sig.slice(0, 1);
      var sigParam = sig.slice(1);
      var typeCodes = {
        "i": 127,
        // i32
        "p": 127,
        // i32
        "j": 126,
        // i64
        "f": 125,
        // f32
        "d": 124,
        // f64
        "e": 111
      };
      target.push(96);
      uleb128Encode(sigParam.length, target);
      for (var i2 = 0; i2 < sigParam.length; ++i2) {
        target.push(typeCodes[sigParam[i2]]);
      }
      if (sigRet == "v") {
        target.push(0);
      } else {
        target.push(1, typeCodes[sigRet]);
      }
    }, "generateFuncType");
    var convertJsFunctionToWasm = /* @__PURE__ */ __name((func2, sig) => {
      if (typeof WebAssembly.Function == "function") {
        return new WebAssembly.Function(sigToWasmTypes(sig), func2);
      }
      var typeSectionBody = [1];
      generateFuncType(sig, typeSectionBody);
      var bytes = [
        0,
        97,
        115,
        109,
        // magic ("\0asm")
        1,
        0,
        0,
        0,
        // version: 1
        1
      ];
      uleb128Encode(typeSectionBody.length, bytes);
      bytes.push(...typeSectionBody);
      bytes.push(
        2,
        7,
        // import section
        // (import "e" "f" (func 0 (type 0)))
        1,
        1,
        101,
        1,
        102,
        0,
        0,
        7,
        5,
        // export section
        // (export "f" (func 0 (type 0)))
        1,
        1,
        102,
        0,
        0
      );
      var module2 = new WebAssembly.Module(new Uint8Array(bytes));
      var instance2 = new WebAssembly.Instance(module2, {
        "e": {
          "f": func2
        }
      });
      var wrappedFunc = instance2.exports["f"];
      return wrappedFunc;
    }, "convertJsFunctionToWasm");
    var wasmTableMirror = [];
    var wasmTable = new WebAssembly.Table({
      "initial": 31,
      "element": "anyfunc"
    });
    var getWasmTableEntry = /* @__PURE__ */ __name((funcPtr) => {
      var func2 = wasmTableMirror[funcPtr];
      if (!func2) {
        if (funcPtr >= wasmTableMirror.length) wasmTableMirror.length = funcPtr + 1;
        wasmTableMirror[funcPtr] = func2 = wasmTable.get(funcPtr);
      }
      return func2;
    }, "getWasmTableEntry");
    var updateTableMap = /* @__PURE__ */ __name((offset, count) => {
      if (functionsInTableMap) {
        for (var i2 = offset; i2 < offset + count; i2++) {
          var item = getWasmTableEntry(i2);
          if (item) {
            functionsInTableMap.set(item, i2);
          }
        }
      }
    }, "updateTableMap");
    var functionsInTableMap;
    var getFunctionAddress = /* @__PURE__ */ __name((func2) => {
      if (!functionsInTableMap) {
        functionsInTableMap = /* @__PURE__ */ new WeakMap();
        updateTableMap(0, wasmTable.length);
      }
      return functionsInTableMap.get(func2) || 0;
    }, "getFunctionAddress");
    var freeTableIndexes = [];
    var getEmptyTableSlot = /* @__PURE__ */ __name(() => {
      if (freeTableIndexes.length) {
        return freeTableIndexes.pop();
      }
      try {
        wasmTable.grow(1);
      } catch (err2) {
        if (!(err2 instanceof RangeError)) {
          throw err2;
        }
        throw "Unable to grow wasm table. Set ALLOW_TABLE_GROWTH.";
      }
      return wasmTable.length - 1;
    }, "getEmptyTableSlot");
    var setWasmTableEntry = /* @__PURE__ */ __name((idx, func2) => {
      wasmTable.set(idx, func2);
      wasmTableMirror[idx] = wasmTable.get(idx);
    }, "setWasmTableEntry");
    var addFunction = /* @__PURE__ */ __name((func2, sig) => {
      var rtn = getFunctionAddress(func2);
      if (rtn) {
        return rtn;
      }
      var ret = getEmptyTableSlot();
      try {
        setWasmTableEntry(ret, func2);
      } catch (err2) {
        if (!(err2 instanceof TypeError)) {
          throw err2;
        }
        var wrapped = convertJsFunctionToWasm(func2, sig);
        setWasmTableEntry(ret, wrapped);
      }
      functionsInTableMap.set(func2, ret);
      return ret;
    }, "addFunction");
    var updateGOT = /* @__PURE__ */ __name((exports, replace) => {
      for (var symName in exports) {
        if (isInternalSym(symName)) {
          continue;
        }
        var value = exports[symName];
        GOT[symName] ||= new WebAssembly.Global({
          "value": "i32",
          "mutable": true
        });
        if (replace || GOT[symName].value == 0) {
          if (typeof value == "function") {
            GOT[symName].value = addFunction(value);
          } else if (typeof value == "number") {
            GOT[symName].value = value;
          } else {
            err(`unhandled export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "updateGOT");
    var relocateExports = /* @__PURE__ */ __name((exports, memoryBase2, replace) => {
      var relocated = {};
      for (var e in exports) {
        var value = exports[e];
        if (typeof value == "object") {
          value = value.value;
        }
        if (typeof value == "number") {
          value += memoryBase2;
        }
        relocated[e] = value;
      }
      updateGOT(relocated, replace);
      return relocated;
    }, "relocateExports");
    var isSymbolDefined = /* @__PURE__ */ __name((symName) => {
      var existing = wasmImports[symName];
      if (!existing || existing.stub) {
        return false;
      }
      return true;
    }, "isSymbolDefined");
    var dynCall = /* @__PURE__ */ __name((sig, ptr, args2 = []) => {
      var rtn = getWasmTableEntry(ptr)(...args2);
      return rtn;
    }, "dynCall");
    var stackSave = /* @__PURE__ */ __name(() => _emscripten_stack_get_current(), "stackSave");
    var stackRestore = /* @__PURE__ */ __name((val) => __emscripten_stack_restore(val), "stackRestore");
    var createInvokeFunction = /* @__PURE__ */ __name((sig) => (ptr, ...args2) => {
      var sp = stackSave();
      try {
        return dynCall(sig, ptr, args2);
      } catch (e) {
        stackRestore(sp);
        if (e !== e + 0) throw e;
        _setThrew(1, 0);
        if (sig[0] == "j") return 0n;
      }
    }, "createInvokeFunction");
    var resolveGlobalSymbol = /* @__PURE__ */ __name((symName, direct = false) => {
      var sym;
      if (isSymbolDefined(symName)) {
        sym = wasmImports[symName];
      } else if (symName.startsWith("invoke_")) {
        sym = wasmImports[symName] = createInvokeFunction(symName.split("_")[1]);
      }
      return {
        sym,
        name: symName
      };
    }, "resolveGlobalSymbol");
    var onPostCtors = [];
    var addOnPostCtor = /* @__PURE__ */ __name((cb) => onPostCtors.unshift(cb), "addOnPostCtor");
    var UTF8ToString = /* @__PURE__ */ __name((ptr, maxBytesToRead) => ptr ? UTF8ArrayToString(HEAPU8, ptr, maxBytesToRead) : "", "UTF8ToString");
    var loadWebAssemblyModule = /* @__PURE__ */ __name((binary, flags, libName, localScope, handle) => {
      var metadata = getDylinkMetadata(binary);
      currentModuleWeakSymbols = metadata.weakImports;
      function loadModule() {
        var memAlign = Math.pow(2, metadata.memoryAlign);
        var memoryBase = metadata.memorySize ? alignMemory(getMemory(metadata.memorySize + memAlign), memAlign) : 0;
        var tableBase = metadata.tableSize ? wasmTable.length : 0;
        if (handle) {
          HEAP8[handle + 8] = 1;
          LE_HEAP_STORE_U32((handle + 12 >> 2) * 4, memoryBase);
          LE_HEAP_STORE_I32((handle + 16 >> 2) * 4, metadata.memorySize);
          LE_HEAP_STORE_U32((handle + 20 >> 2) * 4, tableBase);
          LE_HEAP_STORE_I32((handle + 24 >> 2) * 4, metadata.tableSize);
        }
        if (metadata.tableSize) {
          wasmTable.grow(metadata.tableSize);
        }
        var moduleExports;
        function resolveSymbol(sym) {
          var resolved = resolveGlobalSymbol(sym).sym;
          if (!resolved && localScope) {
            resolved = localScope[sym];
          }
          if (!resolved) {
            resolved = moduleExports[sym];
          }
          return resolved;
        }
        __name(resolveSymbol, "resolveSymbol");
        var proxyHandler = {
          get(stubs, prop) {
            switch (prop) {
              case "__memory_base":
                return memoryBase;
              case "__table_base":
                return tableBase;
            }
            if (prop in wasmImports && !wasmImports[prop].stub) {
              var res = wasmImports[prop];
              return res;
            }
            if (!(prop in stubs)) {
              var resolved;
              stubs[prop] = (...args2) => {
                resolved ||= resolveSymbol(prop);
                return resolved(...args2);
              };
            }
            return stubs[prop];
          }
        };
        var proxy = new Proxy({}, proxyHandler);
        var info = {
          "GOT.mem": new Proxy({}, GOTHandler),
          "GOT.func": new Proxy({}, GOTHandler),
          "env": proxy,
          "wasi_snapshot_preview1": proxy
        };
        function postInstantiation(module, instance) {
          updateTableMap(tableBase, metadata.tableSize);
          moduleExports = relocateExports(instance.exports, memoryBase);
          if (!flags.allowUndefined) {
            reportUndefinedSymbols();
          }
          function addEmAsm(addr, body) {
            var args = [];
            var arity = 0;
            for (; arity < 16; arity++) {
              if (body.indexOf("$" + arity) != -1) {
                args.push("$" + arity);
              } else {
                break;
              }
            }
            args = args.join(",");
            var func = `(${args}) => { ${body} };`;
            ASM_CONSTS[start] = eval(func);
          }
          __name(addEmAsm, "addEmAsm");
          if ("__start_em_asm" in moduleExports) {
            var start = moduleExports["__start_em_asm"];
            var stop = moduleExports["__stop_em_asm"];
            while (start < stop) {
              var jsString = UTF8ToString(start);
              addEmAsm(start, jsString);
              start = HEAPU8.indexOf(0, start) + 1;
            }
          }
          function addEmJs(name, cSig, body) {
            var jsArgs = [];
            cSig = cSig.slice(1, -1);
            if (cSig != "void") {
              cSig = cSig.split(",");
              for (var i in cSig) {
                var jsArg = cSig[i].split(" ").pop();
                jsArgs.push(jsArg.replace("*", ""));
              }
            }
            var func = `(${jsArgs}) => ${body};`;
            moduleExports[name] = eval(func);
          }
          __name(addEmJs, "addEmJs");
          for (var name in moduleExports) {
            if (name.startsWith("__em_js__")) {
              var start = moduleExports[name];
              var jsString = UTF8ToString(start);
              var parts = jsString.split("<::>");
              addEmJs(name.replace("__em_js__", ""), parts[0], parts[1]);
              delete moduleExports[name];
            }
          }
          var applyRelocs = moduleExports["__wasm_apply_data_relocs"];
          if (applyRelocs) {
            if (runtimeInitialized) {
              applyRelocs();
            } else {
              __RELOC_FUNCS__.push(applyRelocs);
            }
          }
          var init = moduleExports["__wasm_call_ctors"];
          if (init) {
            if (runtimeInitialized) {
              init();
            } else {
              addOnPostCtor(init);
            }
          }
          return moduleExports;
        }
        __name(postInstantiation, "postInstantiation");
        if (flags.loadAsync) {
          if (binary instanceof WebAssembly.Module) {
            var instance = new WebAssembly.Instance(binary, info);
            return Promise.resolve(postInstantiation(binary, instance));
          }
          return WebAssembly.instantiate(binary, info).then((result) => postInstantiation(result.module, result.instance));
        }
        var module = binary instanceof WebAssembly.Module ? binary : new WebAssembly.Module(binary);
        var instance = new WebAssembly.Instance(module, info);
        return postInstantiation(module, instance);
      }
      __name(loadModule, "loadModule");
      if (flags.loadAsync) {
        return metadata.neededDynlibs.reduce((chain, dynNeeded) => chain.then(() => loadDynamicLibrary(dynNeeded, flags, localScope)), Promise.resolve()).then(loadModule);
      }
      metadata.neededDynlibs.forEach((needed) => loadDynamicLibrary(needed, flags, localScope));
      return loadModule();
    }, "loadWebAssemblyModule");
    var mergeLibSymbols = /* @__PURE__ */ __name((exports, libName2) => {
      for (var [sym, exp] of Object.entries(exports)) {
        const setImport = /* @__PURE__ */ __name((target) => {
          if (!isSymbolDefined(target)) {
            wasmImports[target] = exp;
          }
        }, "setImport");
        setImport(sym);
        const main_alias = "__main_argc_argv";
        if (sym == "main") {
          setImport(main_alias);
        }
        if (sym == main_alias) {
          setImport("main");
        }
      }
    }, "mergeLibSymbols");
    var asyncLoad = /* @__PURE__ */ __name(async (url) => {
      var arrayBuffer = await readAsync(url);
      return new Uint8Array(arrayBuffer);
    }, "asyncLoad");
    function loadDynamicLibrary(libName2, flags2 = {
      global: true,
      nodelete: true
    }, localScope2, handle2) {
      var dso = LDSO.loadedLibsByName[libName2];
      if (dso) {
        if (!flags2.global) {
          if (localScope2) {
            Object.assign(localScope2, dso.exports);
          }
        } else if (!dso.global) {
          dso.global = true;
          mergeLibSymbols(dso.exports, libName2);
        }
        if (flags2.nodelete && dso.refcount !== Infinity) {
          dso.refcount = Infinity;
        }
        dso.refcount++;
        if (handle2) {
          LDSO.loadedLibsByHandle[handle2] = dso;
        }
        return flags2.loadAsync ? Promise.resolve(true) : true;
      }
      dso = newDSO(libName2, handle2, "loading");
      dso.refcount = flags2.nodelete ? Infinity : 1;
      dso.global = flags2.global;
      function loadLibData() {
        if (handle2) {
          var data = LE_HEAP_LOAD_U32((handle2 + 28 >> 2) * 4);
          var dataSize = LE_HEAP_LOAD_U32((handle2 + 32 >> 2) * 4);
          if (data && dataSize) {
            var libData = HEAP8.slice(data, data + dataSize);
            return flags2.loadAsync ? Promise.resolve(libData) : libData;
          }
        }
        var libFile = locateFile(libName2);
        if (flags2.loadAsync) {
          return asyncLoad(libFile);
        }
        if (!readBinary) {
          throw new Error(`${libFile}: file not found, and synchronous loading of external files is not available`);
        }
        return readBinary(libFile);
      }
      __name(loadLibData, "loadLibData");
      function getExports() {
        if (flags2.loadAsync) {
          return loadLibData().then((libData) => loadWebAssemblyModule(libData, flags2, libName2, localScope2, handle2));
        }
        return loadWebAssemblyModule(loadLibData(), flags2, libName2, localScope2, handle2);
      }
      __name(getExports, "getExports");
      function moduleLoaded(exports) {
        if (dso.global) {
          mergeLibSymbols(exports, libName2);
        } else if (localScope2) {
          Object.assign(localScope2, exports);
        }
        dso.exports = exports;
      }
      __name(moduleLoaded, "moduleLoaded");
      if (flags2.loadAsync) {
        return getExports().then((exports) => {
          moduleLoaded(exports);
          return true;
        });
      }
      moduleLoaded(getExports());
      return true;
    }
    __name(loadDynamicLibrary, "loadDynamicLibrary");
    var reportUndefinedSymbols = /* @__PURE__ */ __name(() => {
      for (var [symName, entry] of Object.entries(GOT)) {
        if (entry.value == 0) {
          var value = resolveGlobalSymbol(symName, true).sym;
          if (!value && !entry.required) {
            continue;
          }
          if (typeof value == "function") {
            entry.value = addFunction(value, value.sig);
          } else if (typeof value == "number") {
            entry.value = value;
          } else {
            throw new Error(`bad export type for '${symName}': ${typeof value}`);
          }
        }
      }
    }, "reportUndefinedSymbols");
    var loadDylibs = /* @__PURE__ */ __name(() => {
      if (!dynamicLibraries.length) {
        reportUndefinedSymbols();
        return;
      }
      addRunDependency("loadDylibs");
      dynamicLibraries.reduce((chain, lib) => chain.then(() => loadDynamicLibrary(lib, {
        loadAsync: true,
        global: true,
        nodelete: true,
        allowUndefined: true
      })), Promise.resolve()).then(() => {
        reportUndefinedSymbols();
        removeRunDependency("loadDylibs");
      });
    }, "loadDylibs");
    var noExitRuntime = Module["noExitRuntime"] || true;
    function setValue(ptr, value, type = "i8") {
      if (type.endsWith("*")) type = "*";
      switch (type) {
        case "i1":
          HEAP8[ptr] = value;
          break;
        case "i8":
          HEAP8[ptr] = value;
          break;
        case "i16":
          LE_HEAP_STORE_I16((ptr >> 1) * 2, value);
          break;
        case "i32":
          LE_HEAP_STORE_I32((ptr >> 2) * 4, value);
          break;
        case "i64":
          HEAP64[ptr >> 3] = BigInt(value);
          break;
        case "float":
          LE_HEAP_STORE_F32((ptr >> 2) * 4, value);
          break;
        case "double":
          LE_HEAP_STORE_F64((ptr >> 3) * 8, value);
          break;
        case "*":
          LE_HEAP_STORE_U32((ptr >> 2) * 4, value);
          break;
        default:
          abort(`invalid type for setValue: ${type}`);
      }
    }
    __name(setValue, "setValue");
    var ___memory_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1024);
    var ___stack_pointer = new WebAssembly.Global({
      "value": "i32",
      "mutable": true
    }, 78224);
    var ___table_base = new WebAssembly.Global({
      "value": "i32",
      "mutable": false
    }, 1);
    var __abort_js = /* @__PURE__ */ __name(() => abort(""), "__abort_js");
    __abort_js.sig = "v";
    var _emscripten_get_now = /* @__PURE__ */ __name(() => performance.now(), "_emscripten_get_now");
    _emscripten_get_now.sig = "d";
    var _emscripten_date_now = /* @__PURE__ */ __name(() => Date.now(), "_emscripten_date_now");
    _emscripten_date_now.sig = "d";
    var nowIsMonotonic = 1;
    var checkWasiClock = /* @__PURE__ */ __name((clock_id) => clock_id >= 0 && clock_id <= 3, "checkWasiClock");
    var INT53_MAX = 9007199254740992;
    var INT53_MIN = -9007199254740992;
    var bigintToI53Checked = /* @__PURE__ */ __name((num) => num < INT53_MIN || num > INT53_MAX ? NaN : Number(num), "bigintToI53Checked");
    function _clock_time_get(clk_id, ignored_precision, ptime) {
      ignored_precision = bigintToI53Checked(ignored_precision);
      if (!checkWasiClock(clk_id)) {
        return 28;
      }
      var now;
      if (clk_id === 0) {
        now = _emscripten_date_now();
      } else if (nowIsMonotonic) {
        now = _emscripten_get_now();
      } else {
        return 52;
      }
      var nsec = Math.round(now * 1e3 * 1e3);
      HEAP64[ptime >> 3] = BigInt(nsec);
      return 0;
    }
    __name(_clock_time_get, "_clock_time_get");
    _clock_time_get.sig = "iijp";
    var getHeapMax = /* @__PURE__ */ __name(() => (
      // Stay one Wasm page short of 4GB: while e.g. Chrome is able to allocate
      // full 4GB Wasm memories, the size will wrap back to 0 bytes in Wasm side
      // for any code that deals with heap sizes, which would require special
      // casing all heap size related code to treat 0 specially.
      2147483648
    ), "getHeapMax");
    var growMemory = /* @__PURE__ */ __name((size) => {
      var b = wasmMemory.buffer;
      var pages = (size - b.byteLength + 65535) / 65536 | 0;
      try {
        wasmMemory.grow(pages);
        updateMemoryViews();
        return 1;
      } catch (e) {
      }
    }, "growMemory");
    var _emscripten_resize_heap = /* @__PURE__ */ __name((requestedSize) => {
      var oldSize = HEAPU8.length;
      requestedSize >>>= 0;
      var maxHeapSize = getHeapMax();
      if (requestedSize > maxHeapSize) {
        return false;
      }
      for (var cutDown = 1; cutDown <= 4; cutDown *= 2) {
        var overGrownHeapSize = oldSize * (1 + 0.2 / cutDown);
        overGrownHeapSize = Math.min(overGrownHeapSize, requestedSize + 100663296);
        var newSize = Math.min(maxHeapSize, alignMemory(Math.max(requestedSize, overGrownHeapSize), 65536));
        var replacement = growMemory(newSize);
        if (replacement) {
          return true;
        }
      }
      return false;
    }, "_emscripten_resize_heap");
    _emscripten_resize_heap.sig = "ip";
    var _fd_close = /* @__PURE__ */ __name((fd) => 52, "_fd_close");
    _fd_close.sig = "ii";
    function _fd_seek(fd, offset, whence, newOffset) {
      offset = bigintToI53Checked(offset);
      return 70;
    }
    __name(_fd_seek, "_fd_seek");
    _fd_seek.sig = "iijip";
    var printCharBuffers = [null, [], []];
    var printChar = /* @__PURE__ */ __name((stream, curr) => {
      var buffer = printCharBuffers[stream];
      if (curr === 0 || curr === 10) {
        (stream === 1 ? out : err)(UTF8ArrayToString(buffer));
        buffer.length = 0;
      } else {
        buffer.push(curr);
      }
    }, "printChar");
    var flush_NO_FILESYSTEM = /* @__PURE__ */ __name(() => {
      if (printCharBuffers[1].length) printChar(1, 10);
      if (printCharBuffers[2].length) printChar(2, 10);
    }, "flush_NO_FILESYSTEM");
    var SYSCALLS = {
      varargs: void 0,
      getStr(ptr) {
        var ret = UTF8ToString(ptr);
        return ret;
      }
    };
    var _fd_write = /* @__PURE__ */ __name((fd, iov, iovcnt, pnum) => {
      var num = 0;
      for (var i2 = 0; i2 < iovcnt; i2++) {
        var ptr = LE_HEAP_LOAD_U32((iov >> 2) * 4);
        var len = LE_HEAP_LOAD_U32((iov + 4 >> 2) * 4);
        iov += 8;
        for (var j = 0; j < len; j++) {
          printChar(fd, HEAPU8[ptr + j]);
        }
        num += len;
      }
      LE_HEAP_STORE_U32((pnum >> 2) * 4, num);
      return 0;
    }, "_fd_write");
    _fd_write.sig = "iippp";
    function _tree_sitter_log_callback(isLexMessage, messageAddress) {
      if (Module.currentLogCallback) {
        const message = UTF8ToString(messageAddress);
        Module.currentLogCallback(message, isLexMessage !== 0);
      }
    }
    __name(_tree_sitter_log_callback, "_tree_sitter_log_callback");
    function _tree_sitter_parse_callback(inputBufferAddress, index, row, column, lengthAddress) {
      const INPUT_BUFFER_SIZE = 10 * 1024;
      const string = Module.currentParseCallback(index, {
        row,
        column
      });
      if (typeof string === "string") {
        setValue(lengthAddress, string.length, "i32");
        stringToUTF16(string, inputBufferAddress, INPUT_BUFFER_SIZE);
      } else {
        setValue(lengthAddress, 0, "i32");
      }
    }
    __name(_tree_sitter_parse_callback, "_tree_sitter_parse_callback");
    function _tree_sitter_progress_callback(currentOffset, hasError) {
      if (Module.currentProgressCallback) {
        return Module.currentProgressCallback({
          currentOffset,
          hasError
        });
      }
      return false;
    }
    __name(_tree_sitter_progress_callback, "_tree_sitter_progress_callback");
    function _tree_sitter_query_progress_callback(currentOffset) {
      if (Module.currentQueryProgressCallback) {
        return Module.currentQueryProgressCallback({
          currentOffset
        });
      }
      return false;
    }
    __name(_tree_sitter_query_progress_callback, "_tree_sitter_query_progress_callback");
    var runtimeKeepaliveCounter = 0;
    var keepRuntimeAlive = /* @__PURE__ */ __name(() => noExitRuntime || runtimeKeepaliveCounter > 0, "keepRuntimeAlive");
    var _proc_exit = /* @__PURE__ */ __name((code) => {
      EXITSTATUS = code;
      if (!keepRuntimeAlive()) {
        Module["onExit"]?.(code);
        ABORT = true;
      }
      quit_(code, new ExitStatus(code));
    }, "_proc_exit");
    _proc_exit.sig = "vi";
    var exitJS = /* @__PURE__ */ __name((status, implicit) => {
      EXITSTATUS = status;
      _proc_exit(status);
    }, "exitJS");
    var handleException = /* @__PURE__ */ __name((e) => {
      if (e instanceof ExitStatus || e == "unwind") {
        return EXITSTATUS;
      }
      quit_(1, e);
    }, "handleException");
    var lengthBytesUTF8 = /* @__PURE__ */ __name((str) => {
      var len = 0;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var c = str.charCodeAt(i2);
        if (c <= 127) {
          len++;
        } else if (c <= 2047) {
          len += 2;
        } else if (c >= 55296 && c <= 57343) {
          len += 4;
          ++i2;
        } else {
          len += 3;
        }
      }
      return len;
    }, "lengthBytesUTF8");
    var stringToUTF8Array = /* @__PURE__ */ __name((str, heap, outIdx, maxBytesToWrite) => {
      if (!(maxBytesToWrite > 0)) return 0;
      var startIdx = outIdx;
      var endIdx = outIdx + maxBytesToWrite - 1;
      for (var i2 = 0; i2 < str.length; ++i2) {
        var u = str.charCodeAt(i2);
        if (u >= 55296 && u <= 57343) {
          var u1 = str.charCodeAt(++i2);
          u = 65536 + ((u & 1023) << 10) | u1 & 1023;
        }
        if (u <= 127) {
          if (outIdx >= endIdx) break;
          heap[outIdx++] = u;
        } else if (u <= 2047) {
          if (outIdx + 1 >= endIdx) break;
          heap[outIdx++] = 192 | u >> 6;
          heap[outIdx++] = 128 | u & 63;
        } else if (u <= 65535) {
          if (outIdx + 2 >= endIdx) break;
          heap[outIdx++] = 224 | u >> 12;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        } else {
          if (outIdx + 3 >= endIdx) break;
          heap[outIdx++] = 240 | u >> 18;
          heap[outIdx++] = 128 | u >> 12 & 63;
          heap[outIdx++] = 128 | u >> 6 & 63;
          heap[outIdx++] = 128 | u & 63;
        }
      }
      heap[outIdx] = 0;
      return outIdx - startIdx;
    }, "stringToUTF8Array");
    var stringToUTF8 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => stringToUTF8Array(str, HEAPU8, outPtr, maxBytesToWrite), "stringToUTF8");
    var stackAlloc = /* @__PURE__ */ __name((sz) => __emscripten_stack_alloc(sz), "stackAlloc");
    var stringToUTF8OnStack = /* @__PURE__ */ __name((str) => {
      var size = lengthBytesUTF8(str) + 1;
      var ret = stackAlloc(size);
      stringToUTF8(str, ret, size);
      return ret;
    }, "stringToUTF8OnStack");
    var AsciiToString = /* @__PURE__ */ __name((ptr) => {
      var str = "";
      while (1) {
        var ch = HEAPU8[ptr++];
        if (!ch) return str;
        str += String.fromCharCode(ch);
      }
    }, "AsciiToString");
    var stringToUTF16 = /* @__PURE__ */ __name((str, outPtr, maxBytesToWrite) => {
      maxBytesToWrite ??= 2147483647;
      if (maxBytesToWrite < 2) return 0;
      maxBytesToWrite -= 2;
      var startPtr = outPtr;
      var numCharsToWrite = maxBytesToWrite < str.length * 2 ? maxBytesToWrite / 2 : str.length;
      for (var i2 = 0; i2 < numCharsToWrite; ++i2) {
        var codeUnit = str.charCodeAt(i2);
        LE_HEAP_STORE_I16((outPtr >> 1) * 2, codeUnit);
        outPtr += 2;
      }
      LE_HEAP_STORE_I16((outPtr >> 1) * 2, 0);
      return outPtr - startPtr;
    }, "stringToUTF16");
    var wasmImports = {
      /** @export */
      __heap_base: ___heap_base,
      /** @export */
      __indirect_function_table: wasmTable,
      /** @export */
      __memory_base: ___memory_base,
      /** @export */
      __stack_pointer: ___stack_pointer,
      /** @export */
      __table_base: ___table_base,
      /** @export */
      _abort_js: __abort_js,
      /** @export */
      clock_time_get: _clock_time_get,
      /** @export */
      emscripten_resize_heap: _emscripten_resize_heap,
      /** @export */
      fd_close: _fd_close,
      /** @export */
      fd_seek: _fd_seek,
      /** @export */
      fd_write: _fd_write,
      /** @export */
      memory: wasmMemory,
      /** @export */
      tree_sitter_log_callback: _tree_sitter_log_callback,
      /** @export */
      tree_sitter_parse_callback: _tree_sitter_parse_callback,
      /** @export */
      tree_sitter_progress_callback: _tree_sitter_progress_callback,
      /** @export */
      tree_sitter_query_progress_callback: _tree_sitter_query_progress_callback
    };
    var wasmExports = await createWasm();
    var ___wasm_call_ctors = wasmExports["__wasm_call_ctors"];
    var _malloc = Module["_malloc"] = wasmExports["malloc"];
    var _calloc = Module["_calloc"] = wasmExports["calloc"];
    var _realloc = Module["_realloc"] = wasmExports["realloc"];
    var _free = Module["_free"] = wasmExports["free"];
    var _memcmp = Module["_memcmp"] = wasmExports["memcmp"];
    var _ts_language_symbol_count = Module["_ts_language_symbol_count"] = wasmExports["ts_language_symbol_count"];
    var _ts_language_state_count = Module["_ts_language_state_count"] = wasmExports["ts_language_state_count"];
    var _ts_language_version = Module["_ts_language_version"] = wasmExports["ts_language_version"];
    var _ts_language_abi_version = Module["_ts_language_abi_version"] = wasmExports["ts_language_abi_version"];
    var _ts_language_metadata = Module["_ts_language_metadata"] = wasmExports["ts_language_metadata"];
    var _ts_language_name = Module["_ts_language_name"] = wasmExports["ts_language_name"];
    var _ts_language_field_count = Module["_ts_language_field_count"] = wasmExports["ts_language_field_count"];
    var _ts_language_next_state = Module["_ts_language_next_state"] = wasmExports["ts_language_next_state"];
    var _ts_language_symbol_name = Module["_ts_language_symbol_name"] = wasmExports["ts_language_symbol_name"];
    var _ts_language_symbol_for_name = Module["_ts_language_symbol_for_name"] = wasmExports["ts_language_symbol_for_name"];
    var _strncmp = Module["_strncmp"] = wasmExports["strncmp"];
    var _ts_language_symbol_type = Module["_ts_language_symbol_type"] = wasmExports["ts_language_symbol_type"];
    var _ts_language_field_name_for_id = Module["_ts_language_field_name_for_id"] = wasmExports["ts_language_field_name_for_id"];
    var _ts_lookahead_iterator_new = Module["_ts_lookahead_iterator_new"] = wasmExports["ts_lookahead_iterator_new"];
    var _ts_lookahead_iterator_delete = Module["_ts_lookahead_iterator_delete"] = wasmExports["ts_lookahead_iterator_delete"];
    var _ts_lookahead_iterator_reset_state = Module["_ts_lookahead_iterator_reset_state"] = wasmExports["ts_lookahead_iterator_reset_state"];
    var _ts_lookahead_iterator_reset = Module["_ts_lookahead_iterator_reset"] = wasmExports["ts_lookahead_iterator_reset"];
    var _ts_lookahead_iterator_next = Module["_ts_lookahead_iterator_next"] = wasmExports["ts_lookahead_iterator_next"];
    var _ts_lookahead_iterator_current_symbol = Module["_ts_lookahead_iterator_current_symbol"] = wasmExports["ts_lookahead_iterator_current_symbol"];
    var _ts_parser_delete = Module["_ts_parser_delete"] = wasmExports["ts_parser_delete"];
    var _ts_parser_reset = Module["_ts_parser_reset"] = wasmExports["ts_parser_reset"];
    var _ts_parser_set_language = Module["_ts_parser_set_language"] = wasmExports["ts_parser_set_language"];
    var _ts_parser_timeout_micros = Module["_ts_parser_timeout_micros"] = wasmExports["ts_parser_timeout_micros"];
    var _ts_parser_set_timeout_micros = Module["_ts_parser_set_timeout_micros"] = wasmExports["ts_parser_set_timeout_micros"];
    var _ts_parser_set_included_ranges = Module["_ts_parser_set_included_ranges"] = wasmExports["ts_parser_set_included_ranges"];
    var _ts_query_new = Module["_ts_query_new"] = wasmExports["ts_query_new"];
    var _ts_query_delete = Module["_ts_query_delete"] = wasmExports["ts_query_delete"];
    var _iswspace = Module["_iswspace"] = wasmExports["iswspace"];
    var _iswalnum = Module["_iswalnum"] = wasmExports["iswalnum"];
    var _ts_query_pattern_count = Module["_ts_query_pattern_count"] = wasmExports["ts_query_pattern_count"];
    var _ts_query_capture_count = Module["_ts_query_capture_count"] = wasmExports["ts_query_capture_count"];
    var _ts_query_string_count = Module["_ts_query_string_count"] = wasmExports["ts_query_string_count"];
    var _ts_query_capture_name_for_id = Module["_ts_query_capture_name_for_id"] = wasmExports["ts_query_capture_name_for_id"];
    var _ts_query_capture_quantifier_for_id = Module["_ts_query_capture_quantifier_for_id"] = wasmExports["ts_query_capture_quantifier_for_id"];
    var _ts_query_string_value_for_id = Module["_ts_query_string_value_for_id"] = wasmExports["ts_query_string_value_for_id"];
    var _ts_query_predicates_for_pattern = Module["_ts_query_predicates_for_pattern"] = wasmExports["ts_query_predicates_for_pattern"];
    var _ts_query_start_byte_for_pattern = Module["_ts_query_start_byte_for_pattern"] = wasmExports["ts_query_start_byte_for_pattern"];
    var _ts_query_end_byte_for_pattern = Module["_ts_query_end_byte_for_pattern"] = wasmExports["ts_query_end_byte_for_pattern"];
    var _ts_query_is_pattern_rooted = Module["_ts_query_is_pattern_rooted"] = wasmExports["ts_query_is_pattern_rooted"];
    var _ts_query_is_pattern_non_local = Module["_ts_query_is_pattern_non_local"] = wasmExports["ts_query_is_pattern_non_local"];
    var _ts_query_is_pattern_guaranteed_at_step = Module["_ts_query_is_pattern_guaranteed_at_step"] = wasmExports["ts_query_is_pattern_guaranteed_at_step"];
    var _ts_query_disable_capture = Module["_ts_query_disable_capture"] = wasmExports["ts_query_disable_capture"];
    var _ts_query_disable_pattern = Module["_ts_query_disable_pattern"] = wasmExports["ts_query_disable_pattern"];
    var _ts_tree_copy = Module["_ts_tree_copy"] = wasmExports["ts_tree_copy"];
    var _ts_tree_delete = Module["_ts_tree_delete"] = wasmExports["ts_tree_delete"];
    var _ts_init = Module["_ts_init"] = wasmExports["ts_init"];
    var _ts_parser_new_wasm = Module["_ts_parser_new_wasm"] = wasmExports["ts_parser_new_wasm"];
    var _ts_parser_enable_logger_wasm = Module["_ts_parser_enable_logger_wasm"] = wasmExports["ts_parser_enable_logger_wasm"];
    var _ts_parser_parse_wasm = Module["_ts_parser_parse_wasm"] = wasmExports["ts_parser_parse_wasm"];
    var _ts_parser_included_ranges_wasm = Module["_ts_parser_included_ranges_wasm"] = wasmExports["ts_parser_included_ranges_wasm"];
    var _ts_language_type_is_named_wasm = Module["_ts_language_type_is_named_wasm"] = wasmExports["ts_language_type_is_named_wasm"];
    var _ts_language_type_is_visible_wasm = Module["_ts_language_type_is_visible_wasm"] = wasmExports["ts_language_type_is_visible_wasm"];
    var _ts_language_supertypes_wasm = Module["_ts_language_supertypes_wasm"] = wasmExports["ts_language_supertypes_wasm"];
    var _ts_language_subtypes_wasm = Module["_ts_language_subtypes_wasm"] = wasmExports["ts_language_subtypes_wasm"];
    var _ts_tree_root_node_wasm = Module["_ts_tree_root_node_wasm"] = wasmExports["ts_tree_root_node_wasm"];
    var _ts_tree_root_node_with_offset_wasm = Module["_ts_tree_root_node_with_offset_wasm"] = wasmExports["ts_tree_root_node_with_offset_wasm"];
    var _ts_tree_edit_wasm = Module["_ts_tree_edit_wasm"] = wasmExports["ts_tree_edit_wasm"];
    var _ts_tree_included_ranges_wasm = Module["_ts_tree_included_ranges_wasm"] = wasmExports["ts_tree_included_ranges_wasm"];
    var _ts_tree_get_changed_ranges_wasm = Module["_ts_tree_get_changed_ranges_wasm"] = wasmExports["ts_tree_get_changed_ranges_wasm"];
    var _ts_tree_cursor_new_wasm = Module["_ts_tree_cursor_new_wasm"] = wasmExports["ts_tree_cursor_new_wasm"];
    var _ts_tree_cursor_copy_wasm = Module["_ts_tree_cursor_copy_wasm"] = wasmExports["ts_tree_cursor_copy_wasm"];
    var _ts_tree_cursor_delete_wasm = Module["_ts_tree_cursor_delete_wasm"] = wasmExports["ts_tree_cursor_delete_wasm"];
    var _ts_tree_cursor_reset_wasm = Module["_ts_tree_cursor_reset_wasm"] = wasmExports["ts_tree_cursor_reset_wasm"];
    var _ts_tree_cursor_reset_to_wasm = Module["_ts_tree_cursor_reset_to_wasm"] = wasmExports["ts_tree_cursor_reset_to_wasm"];
    var _ts_tree_cursor_goto_first_child_wasm = Module["_ts_tree_cursor_goto_first_child_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_wasm"];
    var _ts_tree_cursor_goto_last_child_wasm = Module["_ts_tree_cursor_goto_last_child_wasm"] = wasmExports["ts_tree_cursor_goto_last_child_wasm"];
    var _ts_tree_cursor_goto_first_child_for_index_wasm = Module["_ts_tree_cursor_goto_first_child_for_index_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_index_wasm"];
    var _ts_tree_cursor_goto_first_child_for_position_wasm = Module["_ts_tree_cursor_goto_first_child_for_position_wasm"] = wasmExports["ts_tree_cursor_goto_first_child_for_position_wasm"];
    var _ts_tree_cursor_goto_next_sibling_wasm = Module["_ts_tree_cursor_goto_next_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_next_sibling_wasm"];
    var _ts_tree_cursor_goto_previous_sibling_wasm = Module["_ts_tree_cursor_goto_previous_sibling_wasm"] = wasmExports["ts_tree_cursor_goto_previous_sibling_wasm"];
    var _ts_tree_cursor_goto_descendant_wasm = Module["_ts_tree_cursor_goto_descendant_wasm"] = wasmExports["ts_tree_cursor_goto_descendant_wasm"];
    var _ts_tree_cursor_goto_parent_wasm = Module["_ts_tree_cursor_goto_parent_wasm"] = wasmExports["ts_tree_cursor_goto_parent_wasm"];
    var _ts_tree_cursor_current_node_type_id_wasm = Module["_ts_tree_cursor_current_node_type_id_wasm"] = wasmExports["ts_tree_cursor_current_node_type_id_wasm"];
    var _ts_tree_cursor_current_node_state_id_wasm = Module["_ts_tree_cursor_current_node_state_id_wasm"] = wasmExports["ts_tree_cursor_current_node_state_id_wasm"];
    var _ts_tree_cursor_current_node_is_named_wasm = Module["_ts_tree_cursor_current_node_is_named_wasm"] = wasmExports["ts_tree_cursor_current_node_is_named_wasm"];
    var _ts_tree_cursor_current_node_is_missing_wasm = Module["_ts_tree_cursor_current_node_is_missing_wasm"] = wasmExports["ts_tree_cursor_current_node_is_missing_wasm"];
    var _ts_tree_cursor_current_node_id_wasm = Module["_ts_tree_cursor_current_node_id_wasm"] = wasmExports["ts_tree_cursor_current_node_id_wasm"];
    var _ts_tree_cursor_start_position_wasm = Module["_ts_tree_cursor_start_position_wasm"] = wasmExports["ts_tree_cursor_start_position_wasm"];
    var _ts_tree_cursor_end_position_wasm = Module["_ts_tree_cursor_end_position_wasm"] = wasmExports["ts_tree_cursor_end_position_wasm"];
    var _ts_tree_cursor_start_index_wasm = Module["_ts_tree_cursor_start_index_wasm"] = wasmExports["ts_tree_cursor_start_index_wasm"];
    var _ts_tree_cursor_end_index_wasm = Module["_ts_tree_cursor_end_index_wasm"] = wasmExports["ts_tree_cursor_end_index_wasm"];
    var _ts_tree_cursor_current_field_id_wasm = Module["_ts_tree_cursor_current_field_id_wasm"] = wasmExports["ts_tree_cursor_current_field_id_wasm"];
    var _ts_tree_cursor_current_depth_wasm = Module["_ts_tree_cursor_current_depth_wasm"] = wasmExports["ts_tree_cursor_current_depth_wasm"];
    var _ts_tree_cursor_current_descendant_index_wasm = Module["_ts_tree_cursor_current_descendant_index_wasm"] = wasmExports["ts_tree_cursor_current_descendant_index_wasm"];
    var _ts_tree_cursor_current_node_wasm = Module["_ts_tree_cursor_current_node_wasm"] = wasmExports["ts_tree_cursor_current_node_wasm"];
    var _ts_node_symbol_wasm = Module["_ts_node_symbol_wasm"] = wasmExports["ts_node_symbol_wasm"];
    var _ts_node_field_name_for_child_wasm = Module["_ts_node_field_name_for_child_wasm"] = wasmExports["ts_node_field_name_for_child_wasm"];
    var _ts_node_field_name_for_named_child_wasm = Module["_ts_node_field_name_for_named_child_wasm"] = wasmExports["ts_node_field_name_for_named_child_wasm"];
    var _ts_node_children_by_field_id_wasm = Module["_ts_node_children_by_field_id_wasm"] = wasmExports["ts_node_children_by_field_id_wasm"];
    var _ts_node_first_child_for_byte_wasm = Module["_ts_node_first_child_for_byte_wasm"] = wasmExports["ts_node_first_child_for_byte_wasm"];
    var _ts_node_first_named_child_for_byte_wasm = Module["_ts_node_first_named_child_for_byte_wasm"] = wasmExports["ts_node_first_named_child_for_byte_wasm"];
    var _ts_node_grammar_symbol_wasm = Module["_ts_node_grammar_symbol_wasm"] = wasmExports["ts_node_grammar_symbol_wasm"];
    var _ts_node_child_count_wasm = Module["_ts_node_child_count_wasm"] = wasmExports["ts_node_child_count_wasm"];
    var _ts_node_named_child_count_wasm = Module["_ts_node_named_child_count_wasm"] = wasmExports["ts_node_named_child_count_wasm"];
    var _ts_node_child_wasm = Module["_ts_node_child_wasm"] = wasmExports["ts_node_child_wasm"];
    var _ts_node_named_child_wasm = Module["_ts_node_named_child_wasm"] = wasmExports["ts_node_named_child_wasm"];
    var _ts_node_child_by_field_id_wasm = Module["_ts_node_child_by_field_id_wasm"] = wasmExports["ts_node_child_by_field_id_wasm"];
    var _ts_node_next_sibling_wasm = Module["_ts_node_next_sibling_wasm"] = wasmExports["ts_node_next_sibling_wasm"];
    var _ts_node_prev_sibling_wasm = Module["_ts_node_prev_sibling_wasm"] = wasmExports["ts_node_prev_sibling_wasm"];
    var _ts_node_next_named_sibling_wasm = Module["_ts_node_next_named_sibling_wasm"] = wasmExports["ts_node_next_named_sibling_wasm"];
    var _ts_node_prev_named_sibling_wasm = Module["_ts_node_prev_named_sibling_wasm"] = wasmExports["ts_node_prev_named_sibling_wasm"];
    var _ts_node_descendant_count_wasm = Module["_ts_node_descendant_count_wasm"] = wasmExports["ts_node_descendant_count_wasm"];
    var _ts_node_parent_wasm = Module["_ts_node_parent_wasm"] = wasmExports["ts_node_parent_wasm"];
    var _ts_node_child_with_descendant_wasm = Module["_ts_node_child_with_descendant_wasm"] = wasmExports["ts_node_child_with_descendant_wasm"];
    var _ts_node_descendant_for_index_wasm = Module["_ts_node_descendant_for_index_wasm"] = wasmExports["ts_node_descendant_for_index_wasm"];
    var _ts_node_named_descendant_for_index_wasm = Module["_ts_node_named_descendant_for_index_wasm"] = wasmExports["ts_node_named_descendant_for_index_wasm"];
    var _ts_node_descendant_for_position_wasm = Module["_ts_node_descendant_for_position_wasm"] = wasmExports["ts_node_descendant_for_position_wasm"];
    var _ts_node_named_descendant_for_position_wasm = Module["_ts_node_named_descendant_for_position_wasm"] = wasmExports["ts_node_named_descendant_for_position_wasm"];
    var _ts_node_start_point_wasm = Module["_ts_node_start_point_wasm"] = wasmExports["ts_node_start_point_wasm"];
    var _ts_node_end_point_wasm = Module["_ts_node_end_point_wasm"] = wasmExports["ts_node_end_point_wasm"];
    var _ts_node_start_index_wasm = Module["_ts_node_start_index_wasm"] = wasmExports["ts_node_start_index_wasm"];
    var _ts_node_end_index_wasm = Module["_ts_node_end_index_wasm"] = wasmExports["ts_node_end_index_wasm"];
    var _ts_node_to_string_wasm = Module["_ts_node_to_string_wasm"] = wasmExports["ts_node_to_string_wasm"];
    var _ts_node_children_wasm = Module["_ts_node_children_wasm"] = wasmExports["ts_node_children_wasm"];
    var _ts_node_named_children_wasm = Module["_ts_node_named_children_wasm"] = wasmExports["ts_node_named_children_wasm"];
    var _ts_node_descendants_of_type_wasm = Module["_ts_node_descendants_of_type_wasm"] = wasmExports["ts_node_descendants_of_type_wasm"];
    var _ts_node_is_named_wasm = Module["_ts_node_is_named_wasm"] = wasmExports["ts_node_is_named_wasm"];
    var _ts_node_has_changes_wasm = Module["_ts_node_has_changes_wasm"] = wasmExports["ts_node_has_changes_wasm"];
    var _ts_node_has_error_wasm = Module["_ts_node_has_error_wasm"] = wasmExports["ts_node_has_error_wasm"];
    var _ts_node_is_error_wasm = Module["_ts_node_is_error_wasm"] = wasmExports["ts_node_is_error_wasm"];
    var _ts_node_is_missing_wasm = Module["_ts_node_is_missing_wasm"] = wasmExports["ts_node_is_missing_wasm"];
    var _ts_node_is_extra_wasm = Module["_ts_node_is_extra_wasm"] = wasmExports["ts_node_is_extra_wasm"];
    var _ts_node_parse_state_wasm = Module["_ts_node_parse_state_wasm"] = wasmExports["ts_node_parse_state_wasm"];
    var _ts_node_next_parse_state_wasm = Module["_ts_node_next_parse_state_wasm"] = wasmExports["ts_node_next_parse_state_wasm"];
    var _ts_query_matches_wasm = Module["_ts_query_matches_wasm"] = wasmExports["ts_query_matches_wasm"];
    var _ts_query_captures_wasm = Module["_ts_query_captures_wasm"] = wasmExports["ts_query_captures_wasm"];
    var _memset = Module["_memset"] = wasmExports["memset"];
    var _memcpy = Module["_memcpy"] = wasmExports["memcpy"];
    var _memmove = Module["_memmove"] = wasmExports["memmove"];
    var _iswalpha = Module["_iswalpha"] = wasmExports["iswalpha"];
    var _iswblank = Module["_iswblank"] = wasmExports["iswblank"];
    var _iswdigit = Module["_iswdigit"] = wasmExports["iswdigit"];
    var _iswlower = Module["_iswlower"] = wasmExports["iswlower"];
    var _iswupper = Module["_iswupper"] = wasmExports["iswupper"];
    var _iswxdigit = Module["_iswxdigit"] = wasmExports["iswxdigit"];
    var _memchr = Module["_memchr"] = wasmExports["memchr"];
    var _strlen = Module["_strlen"] = wasmExports["strlen"];
    var _strcmp = Module["_strcmp"] = wasmExports["strcmp"];
    var _strncat = Module["_strncat"] = wasmExports["strncat"];
    var _strncpy = Module["_strncpy"] = wasmExports["strncpy"];
    var _towlower = Module["_towlower"] = wasmExports["towlower"];
    var _towupper = Module["_towupper"] = wasmExports["towupper"];
    var _setThrew = wasmExports["setThrew"];
    var __emscripten_stack_restore = wasmExports["_emscripten_stack_restore"];
    var __emscripten_stack_alloc = wasmExports["_emscripten_stack_alloc"];
    var _emscripten_stack_get_current = wasmExports["emscripten_stack_get_current"];
    var ___wasm_apply_data_relocs = wasmExports["__wasm_apply_data_relocs"];
    Module["setValue"] = setValue;
    Module["getValue"] = getValue;
    Module["UTF8ToString"] = UTF8ToString;
    Module["stringToUTF8"] = stringToUTF8;
    Module["lengthBytesUTF8"] = lengthBytesUTF8;
    Module["AsciiToString"] = AsciiToString;
    Module["stringToUTF16"] = stringToUTF16;
    Module["loadWebAssemblyModule"] = loadWebAssemblyModule;
    function callMain(args2 = []) {
      var entryFunction = resolveGlobalSymbol("main").sym;
      if (!entryFunction) return;
      args2.unshift(thisProgram);
      var argc = args2.length;
      var argv = stackAlloc((argc + 1) * 4);
      var argv_ptr = argv;
      args2.forEach((arg) => {
        LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, stringToUTF8OnStack(arg));
        argv_ptr += 4;
      });
      LE_HEAP_STORE_U32((argv_ptr >> 2) * 4, 0);
      try {
        var ret = entryFunction(argc, argv);
        exitJS(
          ret,
          /* implicit = */
          true
        );
        return ret;
      } catch (e) {
        return handleException(e);
      }
    }
    __name(callMain, "callMain");
    function run(args2 = arguments_) {
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      preRun();
      if (runDependencies > 0) {
        dependenciesFulfilled = run;
        return;
      }
      function doRun() {
        Module["calledRun"] = true;
        if (ABORT) return;
        initRuntime();
        preMain();
        readyPromiseResolve(Module);
        Module["onRuntimeInitialized"]?.();
        var noInitialRun = Module["noInitialRun"];
        if (!noInitialRun) callMain(args2);
        postRun();
      }
      __name(doRun, "doRun");
      if (Module["setStatus"]) {
        Module["setStatus"]("Running...");
        setTimeout(() => {
          setTimeout(() => Module["setStatus"](""), 1);
          doRun();
        }, 1);
      } else {
        doRun();
      }
    }
    __name(run, "run");
    if (Module["preInit"]) {
      if (typeof Module["preInit"] == "function") Module["preInit"] = [Module["preInit"]];
      while (Module["preInit"].length > 0) {
        Module["preInit"].pop()();
      }
    }
    run();
    moduleRtn = readyPromise;
    return moduleRtn;
  };
})();
var tree_sitter_default = Module2;
var Module3 = null;
async function initializeBinding(moduleOptions) {
  if (!Module3) {
    Module3 = await tree_sitter_default(moduleOptions);
  }
  return Module3;
}
__name(initializeBinding, "initializeBinding");
function checkModule() {
  return !!Module3;
}
__name(checkModule, "checkModule");
var TRANSFER_BUFFER;
var LANGUAGE_VERSION;
var MIN_COMPATIBLE_VERSION;
var Parser = class {
  static {
    __name(this, "Parser");
  }
  /** @internal */
  [0] = 0;
  // Internal handle for WASM
  /** @internal */
  [1] = 0;
  // Internal handle for WASM
  /** @internal */
  logCallback = null;
  /** The parser's current language. */
  language = null;
  /**
   * This must always be called before creating a Parser.
   *
   * You can optionally pass in options to configure the WASM module, the most common
   * one being `locateFile` to help the module find the `.wasm` file.
   */
  static async init(moduleOptions) {
    setModule(await initializeBinding(moduleOptions));
    TRANSFER_BUFFER = C._ts_init();
    LANGUAGE_VERSION = C.getValue(TRANSFER_BUFFER, "i32");
    MIN_COMPATIBLE_VERSION = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /**
   * Create a new parser.
   */
  constructor() {
    this.initialize();
  }
  /** @internal */
  initialize() {
    if (!checkModule()) {
      throw new Error("cannot construct a Parser before calling `init()`");
    }
    C._ts_parser_new_wasm();
    this[0] = C.getValue(TRANSFER_BUFFER, "i32");
    this[1] = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
  }
  /** Delete the parser, freeing its resources. */
  delete() {
    C._ts_parser_delete(this[0]);
    C._free(this[1]);
    this[0] = 0;
    this[1] = 0;
  }
  /**
   * Set the language that the parser should use for parsing.
   *
   * If the language was not successfully assigned, an error will be thrown.
   * This happens if the language was generated with an incompatible
   * version of the Tree-sitter CLI. Check the language's version using
   * {@link Language#version} and compare it to this library's
   * {@link LANGUAGE_VERSION} and {@link MIN_COMPATIBLE_VERSION} constants.
   */
  setLanguage(language) {
    let address;
    if (!language) {
      address = 0;
      this.language = null;
    } else if (language.constructor === Language) {
      address = language[0];
      const version = C._ts_language_version(address);
      if (version < MIN_COMPATIBLE_VERSION || LANGUAGE_VERSION < version) {
        throw new Error(
          `Incompatible language version ${version}. Compatibility range ${MIN_COMPATIBLE_VERSION} through ${LANGUAGE_VERSION}.`
        );
      }
      this.language = language;
    } else {
      throw new Error("Argument must be a Language");
    }
    C._ts_parser_set_language(this[0], address);
    return this;
  }
  /**
   * Parse a slice of UTF8 text.
   *
   * @param {string | ParseCallback} callback - The UTF8-encoded text to parse or a callback function.
   *
   * @param {Tree | null} [oldTree] - A previous syntax tree parsed from the same document. If the text of the
   *   document has changed since `oldTree` was created, then you must edit `oldTree` to match
   *   the new text using {@link Tree#edit}.
   *
   * @param {ParseOptions} [options] - Options for parsing the text.
   *  This can be used to set the included ranges, or a progress callback.
   *
   * @returns {Tree | null} A {@link Tree} if parsing succeeded, or `null` if:
   *  - The parser has not yet had a language assigned with {@link Parser#setLanguage}.
   *  - The progress callback returned true.
   */
  parse(callback, oldTree, options) {
    if (typeof callback === "string") {
      C.currentParseCallback = (index) => callback.slice(index);
    } else if (typeof callback === "function") {
      C.currentParseCallback = callback;
    } else {
      throw new Error("Argument must be a string or a function");
    }
    if (options?.progressCallback) {
      C.currentProgressCallback = options.progressCallback;
    } else {
      C.currentProgressCallback = null;
    }
    if (this.logCallback) {
      C.currentLogCallback = this.logCallback;
      C._ts_parser_enable_logger_wasm(this[0], 1);
    } else {
      C.currentLogCallback = null;
      C._ts_parser_enable_logger_wasm(this[0], 0);
    }
    let rangeCount = 0;
    let rangeAddress = 0;
    if (options?.includedRanges) {
      rangeCount = options.includedRanges.length;
      rangeAddress = C._calloc(rangeCount, SIZE_OF_RANGE);
      let address = rangeAddress;
      for (let i2 = 0; i2 < rangeCount; i2++) {
        marshalRange(address, options.includedRanges[i2]);
        address += SIZE_OF_RANGE;
      }
    }
    const treeAddress = C._ts_parser_parse_wasm(
      this[0],
      this[1],
      oldTree ? oldTree[0] : 0,
      rangeAddress,
      rangeCount
    );
    if (!treeAddress) {
      C.currentParseCallback = null;
      C.currentLogCallback = null;
      C.currentProgressCallback = null;
      return null;
    }
    if (!this.language) {
      throw new Error("Parser must have a language to parse");
    }
    const result = new Tree(INTERNAL, treeAddress, this.language, C.currentParseCallback);
    C.currentParseCallback = null;
    C.currentLogCallback = null;
    C.currentProgressCallback = null;
    return result;
  }
  /**
   * Instruct the parser to start the next parse from the beginning.
   *
   * If the parser previously failed because of a timeout, cancellation,
   * or callback, then by default, it will resume where it left off on the
   * next call to {@link Parser#parse} or other parsing functions.
   * If you don't want to resume, and instead intend to use this parser to
   * parse some other document, you must call `reset` first.
   */
  reset() {
    C._ts_parser_reset(this[0]);
  }
  /** Get the ranges of text that the parser will include when parsing. */
  getIncludedRanges() {
    C._ts_parser_included_ranges_wasm(this[0]);
    const count = C.getValue(TRANSFER_BUFFER, "i32");
    const buffer = C.getValue(TRANSFER_BUFFER + SIZE_OF_INT, "i32");
    const result = new Array(count);
    if (count > 0) {
      let address = buffer;
      for (let i2 = 0; i2 < count; i2++) {
        result[i2] = unmarshalRange(address);
        address += SIZE_OF_RANGE;
      }
      C._free(buffer);
    }
    return result;
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Get the duration in microseconds that parsing is allowed to take.
   *
   * This is set via {@link Parser#setTimeoutMicros}.
   */
  getTimeoutMicros() {
    return C._ts_parser_timeout_micros(this[0]);
  }
  /**
   * @deprecated since version 0.25.0, prefer passing a progress callback to {@link Parser#parse}
   *
   * Set the maximum duration in microseconds that parsing should be allowed
   * to take before halting.
   *
   * If parsing takes longer than this, it will halt early, returning `null`.
   * See {@link Parser#parse} for more information.
   */
  setTimeoutMicros(timeout) {
    C._ts_parser_set_timeout_micros(this[0], 0, timeout);
  }
  /** Set the logging callback that a parser should use during parsing. */
  setLogger(callback) {
    if (!callback) {
      this.logCallback = null;
    } else if (typeof callback !== "function") {
      throw new Error("Logger callback must be a function");
    } else {
      this.logCallback = callback;
    }
    return this;
  }
  /** Get the parser's current logger. */
  getLogger() {
    return this.logCallback;
  }
};

// src/assets.ts
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var here = dirname(fileURLToPath(import.meta.url));
var require2 = createRequire(import.meta.url);
function assetPath(specifier) {
  const beside = join(here, basename(specifier));
  if (existsSync(beside)) return beside;
  if (!specifier.startsWith(".") && !specifier.startsWith("data/")) {
    try {
      return require2.resolve(specifier);
    } catch {
    }
  }
  for (const root of [join(here, ".."), join(here, "..", "..")]) {
    const candidate = join(root, specifier);
    if (existsSync(candidate)) return candidate;
  }
  return beside;
}

// src/parsers/tree-sitter.ts
var GRAMMAR_FILES = {
  bash: "tree-sitter-bash/tree-sitter-bash.wasm",
  terraform: "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm",
  hcl: "@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm"
};
var ready;
var languages = /* @__PURE__ */ new Map();
var parsers = /* @__PURE__ */ new Map();
function initParsers() {
  ready ??= (async () => {
    await Parser.init({ locateFile: (name2) => assetPath(`web-tree-sitter/${name2}`) });
    for (const [name2, file] of Object.entries(GRAMMAR_FILES)) {
      languages.set(name2, await Language.load(assetPath(file)));
    }
  })();
  return ready;
}
function parsersReady() {
  return languages.size === Object.keys(GRAMMAR_FILES).length;
}
function getParser(grammar) {
  let parser = parsers.get(grammar);
  if (!parser) {
    const language = languages.get(grammar);
    if (!language) throw new Error(`tree-sitter grammar "${grammar}" used before initParsers() finished`);
    parser = new Parser();
    parser.setLanguage(language);
    parsers.set(grammar, parser);
  }
  return parser;
}

// src/engine/document.ts
var LineIndex = class {
  constructor(text) {
    this.text = text;
  }
  text;
  starts;
  lineStarts() {
    if (!this.starts) {
      const starts = [0];
      const text = this.text;
      for (let i2 = text.indexOf("\n"); i2 !== -1; i2 = text.indexOf("\n", i2 + 1)) starts.push(i2 + 1);
      this.starts = starts;
    }
    return this.starts;
  }
  /** 0-based line number holding `offset`. */
  lineOf(offset) {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = lo + hi + 1 >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  position(offset) {
    const line = this.lineOf(offset);
    return { line: line + 1, column: offset - this.lineStarts()[line] + 1 };
  }
  /** The text of a 1-based line, without its line break. */
  lineText(line) {
    const starts = this.lineStarts();
    const start2 = starts[line - 1];
    if (start2 === void 0) return "";
    const next = starts[line];
    let end = next === void 0 ? this.text.length : next - 1;
    if (end > start2 && this.text.charCodeAt(end - 1) === 13) end -= 1;
    return this.text.slice(start2, end);
  }
  lineStart(line) {
    return this.lineStarts()[line - 1] ?? this.text.length;
  }
  get lineCount() {
    return this.lineStarts().length;
  }
};
var OffsetMap = class _OffsetMap {
  segments;
  constructor(segments) {
    this.segments = [...segments].sort((a, b) => a.from - b.from);
  }
  /** A map for a document copied verbatim from `hostStart`. */
  static identity(hostStart, length) {
    return new _OffsetMap([{ from: 0, length, to: hostStart, hostLength: length, verbatim: true }]);
  }
  find(offset) {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    let found;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      const seg = segs[mid];
      if (seg.from <= offset) {
        found = seg;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
  /** Maps a virtual range [start, end) to a host range; never returns an empty range for a non-empty input. */
  mapRange(start2, end) {
    const first = this.find(start2);
    const last = this.find(Math.max(start2, end - 1));
    if (!first || !last) return { start: 0, end: 0 };
    const hostStart = first.verbatim ? first.to + Math.min(start2 - first.from, first.length) : first.to;
    const hostEnd = last.verbatim ? last.to + Math.min(end - last.from, last.length) : last.to + last.hostLength;
    return { start: hostStart, end: Math.max(hostEnd, hostStart) };
  }
};
var VirtualTextBuilder = class {
  parts = [];
  segments = [];
  length = 0;
  /** Appends host text copied as is, starting at `hostOffset`. */
  verbatim(text, hostOffset) {
    if (text.length === 0) return this;
    this.segments.push({ from: this.length, length: text.length, to: hostOffset, hostLength: text.length, verbatim: true });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
  /** Appends text that stands for the host range [hostStart, hostEnd) as a whole. */
  synthetic(text, hostStart, hostEnd) {
    if (text.length === 0) return this;
    this.segments.push({ from: this.length, length: text.length, to: hostStart, hostLength: hostEnd - hostStart, verbatim: false });
    this.parts.push(text);
    this.length += text.length;
    return this;
  }
  build() {
    return { text: this.parts.join(""), map: new OffsetMap(this.segments) };
  }
};
function createDocument(init2) {
  return {
    path: init2.path,
    ...init2.absPath !== void 0 ? { absPath: init2.absPath } : {},
    kind: init2.kind,
    language: init2.language,
    text: init2.text,
    lines: new LineIndex(init2.text),
    bootstrap: init2.bootstrap ?? (init2.kind === "user-data" || init2.kind === "cloud-init" || init2.kind === "dockerfile"),
    depth: 0
  };
}
function createVirtualDocument(host, init2) {
  return {
    path: host.path,
    ...host.absPath !== void 0 ? { absPath: host.absPath } : {},
    kind: init2.kind,
    language: init2.language ?? init2.kind,
    text: init2.text,
    lines: new LineIndex(init2.text),
    host: { document: host, map: init2.map, label: init2.label },
    bootstrap: init2.bootstrap ?? (host.bootstrap || init2.kind === "user-data" || init2.kind === "cloud-init"),
    depth: host.depth + 1
  };
}
function rootDocument(doc) {
  let current = doc;
  while (current.host) current = current.host.document;
  return current;
}
function toFileRange(doc, start2, end) {
  let current = doc;
  let range = { start: start2, end };
  while (current.host) {
    range = current.host.map.mapRange(range.start, range.end);
    current = current.host.document;
  }
  return range;
}
function embeddingPath(doc) {
  const labels = [];
  let current = doc;
  while (current.host) {
    labels.unshift(current.host.label);
    current = current.host.document;
  }
  return labels;
}
var scanEndHooks = [];
function onScanEnd(hook) {
  scanEndHooks.push(hook);
}
function runScanEndHooks() {
  while (scanEndHooks.length > 0) {
    try {
      scanEndHooks.pop()();
    } catch {
    }
  }
}

// src/parsers/user-data.ts
import { gunzipSync } from "node:zlib";
var MULTIPART_HEAD = /^(?:[A-Za-z-]+:[^\n]*\n)*?Content-Type:[ \t]*multipart\/(?:mixed|alternative)/i;
var WINDOWS_HEAD = /^(?:<persist>\s*\w+\s*<\/persist>\s*)?<(?:powershell|script)(?:\s[^>]*)?>/i;
function userDataFormat(text) {
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4096);
  if (/^#cloud-config\b/.test(head) || /^## template: *jinja\r?\n#cloud-config\b/.test(head)) return "cloud-config";
  if (/^#cloud-boothook\b/.test(head)) return "boothook";
  if (/^#include(?:-once)?\b/.test(head)) return "include";
  if (/^#part-handler\b/.test(head)) return "part-handler";
  if (/^#upstart-job\b/.test(head)) return "upstart";
  if (MULTIPART_HEAD.test(head)) return "multipart";
  if (WINDOWS_HEAD.test(head)) return "windows";
  if (!head.startsWith("#!") && /<powershell>/i.test(head) && /<\/powershell>/i.test(text)) return "windows";
  return "shell";
}
var BOOTSTRAP_PATH = /(?:^|[/_.-])(?:user-?data|user_data|userdata|cloud-?init|cloudinit|bootstrap|provision(?:ing|ers?)?|packer|ami|golden-image)(?:[/_.-]|$)/i;
function isBootstrapContext(doc) {
  if (doc.bootstrap) return true;
  return doc.kind === "shell" && !doc.host && BOOTSTRAP_PATH.test(doc.path);
}
function linesOf(text, from, to) {
  const lines = [];
  let start2 = from;
  while (start2 < to) {
    let nl = text.indexOf("\n", start2);
    if (nl === -1 || nl >= to) nl = to;
    const end = nl > start2 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    lines.push({ start: start2, end, next: Math.min(nl + 1, to) });
    if (nl >= to) break;
    start2 = nl + 1;
  }
  return lines;
}
function readHeaders(text, lines, first, limit = lines.length) {
  const values = /* @__PURE__ */ new Map();
  let current;
  let i2 = first;
  for (; i2 < limit; i2++) {
    const line = lines[i2];
    const content = text.slice(line.start, line.end);
    if (content.trim() === "") {
      i2++;
      break;
    }
    if (/^[ \t]/.test(content) && current) {
      values.set(current, `${values.get(current) ?? ""} ${content.trim()}`);
      continue;
    }
    const colon = content.indexOf(":");
    if (colon <= 0 || !/^[A-Za-z0-9-]+$/.test(content.slice(0, colon))) {
      break;
    }
    current = content.slice(0, colon).toLowerCase();
    values.set(current, content.slice(colon + 1).trim());
  }
  const bodyStart = i2 < lines.length ? lines[i2].start : lines.at(-1)?.next ?? 0;
  return { headers: { values, bodyStart }, next: Math.min(i2, limit) };
}
function parameter(header, name2) {
  const m = new RegExp(`(?:^|;)\\s*${name2}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(header);
  return m ? m[1] ?? m[2] : void 0;
}
function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-Fa-f]{2})/g, (_m, h) => String.fromCharCode(parseInt(h, 16)));
}
function decodeBase64Text(encoded) {
  const compact = encoded.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(compact)) return void 0;
  let bytes = Buffer.from(compact, "base64");
  if (bytes.length >= 2 && bytes[0] === 31 && bytes[1] === 139) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      return void 0;
    }
  }
  const decoded = bytes.toString("utf8");
  const controls = decoded.match(/[\x00-\x08\x0e-\x1f]/g)?.length ?? 0;
  return controls > decoded.length / 100 + 2 ? void 0 : decoded;
}
function parseMultipart(text, from = 0, to = text.length, boundaryHint) {
  const lines = linesOf(text, from, to);
  let boundary = boundaryHint;
  let i2 = 0;
  if (!boundary) {
    const { headers, next } = readHeaders(text, lines, 0);
    const type = headers.values.get("content-type") ?? "";
    if (!/^multipart\//i.test(type)) return void 0;
    boundary = parameter(type, "boundary");
    i2 = next;
  }
  if (!boundary) return void 0;
  const delimiter = `--${boundary}`;
  const parts2 = [];
  let partStartLine;
  const closePart = (endLine) => {
    if (partStartLine === void 0) return;
    const { headers, next } = readHeaders(text, lines, partStartLine, endLine);
    const last = endLine - 1 >= next ? lines[endLine - 1] : void 0;
    const bodyStart = last ? headers.bodyStart : Math.min(headers.bodyStart, lines[endLine]?.start ?? to);
    const bodyEnd = last ? last.end : bodyStart;
    const type = headers.values.get("content-type") ?? "";
    const encoding = (headers.values.get("content-transfer-encoding") ?? "").toLowerCase();
    let end = Math.max(bodyStart, bodyEnd);
    if (encoding === "base64" || encoding === "quoted-printable") while (end > bodyStart && /\s/.test(text[end - 1])) end--;
    const raw = text.slice(bodyStart, end);
    let decoded;
    if (encoding === "base64") decoded = decodeBase64Text(raw) ?? "";
    else if (encoding === "quoted-printable") decoded = decodeQuotedPrintable(raw);
    const disposition = headers.values.get("content-disposition") ?? "";
    parts2.push({
      index: parts2.length + 1,
      contentType: (type.split(";")[0] ?? "").trim().toLowerCase(),
      transferEncoding: encoding,
      filename: parameter(disposition, "filename") ?? parameter(type, "name"),
      bodyStart,
      bodyEnd: end,
      decoded,
      boundary: /^multipart\//i.test(type) ? parameter(type, "boundary") : void 0
    });
  };
  for (; i2 < lines.length; i2++) {
    const line = lines[i2];
    const content = text.slice(line.start, line.end).trimEnd();
    if (content === delimiter || content === `${delimiter}--`) {
      closePart(i2);
      if (content.endsWith("--") && content !== delimiter) {
        partStartLine = void 0;
        break;
      }
      partStartLine = i2 + 1;
    }
  }
  if (partStartLine !== void 0) closePart(lines.length);
  return parts2;
}
function kindOfPart(part, body2) {
  switch (part.contentType) {
    case "text/x-shellscript":
    case "text/x-shellscript-per-boot":
    case "text/x-shellscript-per-instance":
    case "text/x-shellscript-per-once":
    case "text/cloud-boothook":
      return "shell";
    case "text/cloud-config":
    case "text/cloud-config-jsonp":
      return "cloud-init";
    case "multipart/mixed":
    case "multipart/alternative":
      return "user-data";
    case "text/x-include-url":
    case "text/x-include-once-url":
    case "text/part-handler":
    case "text/upstart-job":
    case "text/cloud-config-archive":
    case "text/jinja2":
      return void 0;
    default: {
      if (body2.trim() === "") return void 0;
      return userDataKind(body2);
    }
  }
}
function partDocuments(doc, parts2) {
  const out2 = [];
  for (const part of parts2) {
    const raw = doc.text.slice(part.bodyStart, part.bodyEnd);
    const body2 = part.decoded ?? raw;
    const kind = kindOfPart(part, body2);
    if (!kind) continue;
    const builder = new VirtualTextBuilder();
    if (part.decoded !== void 0) builder.synthetic(part.decoded, part.bodyStart, part.bodyEnd);
    else builder.verbatim(raw, part.bodyStart);
    let { text, map } = builder.build();
    if (kind === "user-data" && part.boundary) {
      const nested = parseMultipart(doc.text, part.bodyStart, part.bodyEnd, part.boundary);
      if (nested) {
        out2.push(...partDocuments(doc, nested));
        continue;
      }
    }
    out2.push(
      createVirtualDocument(doc, {
        kind,
        text,
        map,
        label: `multipart part ${part.index} (${part.contentType || "no content type"})`,
        bootstrap: true
      })
    );
  }
  return out2;
}
var multipartUserDataExtractor = {
  name: "multipart user data",
  kinds: ["user-data", "cloud-init"],
  keywords: /multipart\//i,
  extract(document2, notes) {
    if (userDataFormat(document2.text) !== "multipart") return [];
    const parts2 = parseMultipart(document2.text);
    if (!parts2) {
      notes.push({ id: "parse-error", level: "note", path: document2.path, message: `${document2.path}: multipart user data declares no boundary; its parts were not scanned` });
      return [];
    }
    return partDocuments(document2, parts2);
  }
};
var POWERSHELL_FILE = /\.(?:ps1|psm1)$/i;
var BATCH_FILE = /\.(?:bat|cmd)$/i;
function windowsScriptLanguage(doc) {
  if (doc.language === "powershell" || doc.language === "cmd") return doc.language;
  if (doc.kind !== "user-data" && doc.kind !== "text") return void 0;
  const powershell = POWERSHELL_FILE.test(doc.path);
  if (!powershell && !BATCH_FILE.test(doc.path)) return void 0;
  if (doc.kind === "user-data" && userDataFormat(doc.text) !== "shell") return void 0;
  return powershell ? "powershell" : "cmd";
}
function windowsBlocks(doc) {
  const whole = windowsScriptLanguage(doc);
  if (whole) return [{ language: whole, start: 0, end: doc.text.length }];
  if (doc.kind !== "user-data" || userDataFormat(doc.text) !== "windows") return [];
  const out2 = [];
  const re = /<(powershell|script)(?:\s[^>]*)?>/gi;
  const text = doc.text;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const tag = m[1].toLowerCase();
    const start2 = m.index + m[0].length;
    const close = text.toLowerCase().indexOf(`</${tag}>`, start2);
    const end = close === -1 ? text.length : close;
    out2.push({ language: tag === "powershell" ? "powershell" : "cmd", start: start2, end });
    re.lastIndex = end;
  }
  return out2;
}
function windowsStatements(doc, block) {
  const text = doc.text;
  const out2 = [];
  let start2 = block.start;
  let quote;
  let depth = 0;
  const push = (end) => {
    const raw = text.slice(start2, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const comment = block.language === "powershell" ? /^#/.test(trimmed) : /^(?:rem\b|::|@rem\b)/i.test(trimmed);
    if (trimmed !== "" && !comment) out2.push({ text: raw.slice(lead).trimEnd(), start: start2 + lead, language: block.language });
  };
  const continuation = block.language === "powershell" ? "`" : "^";
  for (let i2 = block.start; i2 < block.end; i2++) {
    const c = text[i2];
    if (quote) {
      if (c === quote) quote = void 0;
      else if (c === "\n" && block.language === "cmd") quote = void 0;
      continue;
    }
    if (c === '"' || c === "'" && block.language === "powershell") {
      quote = c;
      continue;
    }
    if (block.language === "powershell" && (c === "{" || c === "(")) depth++;
    else if (block.language === "powershell" && (c === "}" || c === ")")) depth = Math.max(0, depth - 1);
    if (c === "\n") {
      let j = i2 - 1;
      if (text[j] === "\r") j--;
      if (text[j] === continuation) continue;
      if (depth > 0 && block.language === "powershell") continue;
      push(i2);
      start2 = i2 + 1;
    } else if (c === ";" && block.language === "powershell" && depth === 0) {
      push(i2);
      start2 = i2 + 1;
    } else if (c === "&" && block.language === "cmd" && text[i2 + 1] === "&") {
      push(i2);
      start2 = i2 + 2;
      i2++;
    }
  }
  push(block.end);
  return out2;
}
function windowsWords(statement) {
  const out2 = [];
  const text = statement.text;
  const cont = statement.language === "powershell" ? "`" : "^";
  let i2 = 0;
  while (i2 < text.length) {
    while (i2 < text.length && (/\s/.test(text[i2]) || text[i2] === cont && /[\r\n]/.test(text[i2 + 1] ?? ""))) i2++;
    if (i2 >= text.length) break;
    const start2 = i2;
    const c = text[i2];
    if (c === '"' || c === "'" && statement.language === "powershell") {
      const close = text.indexOf(c, i2 + 1);
      const end = close === -1 ? text.length : close + 1;
      out2.push({ value: text.slice(i2 + 1, close === -1 ? text.length : close), start: statement.start + start2, end: statement.start + end, contentStart: statement.start + start2 + 1, contentEnd: statement.start + (close === -1 ? text.length : close), quote: c });
      i2 = end;
      continue;
    }
    while (i2 < text.length && !/\s/.test(text[i2])) i2++;
    out2.push({ value: text.slice(start2, i2), start: statement.start + start2, end: statement.start + i2, contentStart: statement.start + start2, contentEnd: statement.start + i2, quote: "" });
  }
  return out2;
}

// src/parsers/shell.ts
var MAX_NESTING = 3;
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "dash", "zsh", "ksh", "ash", "mksh", "busybox"]);
var cache = /* @__PURE__ */ new WeakMap();
function isShellDocument(doc) {
  if (doc.kind === "shell") return doc.language !== "powershell" && doc.language !== "cmd";
  if (doc.kind === "user-data") {
    if (windowsScriptLanguage(doc)) return false;
    const format = userDataFormat(doc.text);
    return format === "shell" || format === "boothook";
  }
  if (doc.kind === "cloud-init") return userDataFormat(doc.text) === "boothook";
  return false;
}
function shellScript(doc) {
  const cached = cache.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  const script = isShellDocument(doc) ? parseShell(doc.text) : null;
  cache.set(doc, script);
  return script ?? void 0;
}
function parseShell(text) {
  const source = neutralizeTemplateInterpolations(text);
  const builder = new ModelBuilder(source);
  builder.parseRange(source, 0, 0);
  return builder.finish();
}
function neutralizeTemplateInterpolations(text) {
  if (!text.includes("${")) return text;
  return text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*[.(][^{}$`\n]*)\}/g, (_m, inner) => `\${${inner.replace(/[^A-Za-z0-9_]/g, "_")}}`);
}
function unescapeWord(raw) {
  return raw.replace(/\\(.)/gs, (_m, c) => c === "\n" ? "" : c);
}
function unescapeDoubleQuoted(raw) {
  return raw.replace(/\\([$`"\\\n])/g, (_m, c) => c === "\n" ? "" : c);
}
function decodeAnsiC(raw) {
  const map = { n: "\n", t: "	", r: "\r", a: "\x07", b: "\b", e: "\x1B", E: "\x1B", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"' };
  return raw.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (_m, c) => {
    if (c.startsWith("x")) return String.fromCharCode(parseInt(c.slice(1), 16));
    if (/^[0-7]+$/.test(c)) return String.fromCharCode(parseInt(c, 8));
    return map[c] ?? c;
  });
}
var NO_VARIABLES = Object.freeze([]);
var NO_SUBSTITUTIONS = Object.freeze([]);
function plainWord(raw, start2) {
  return {
    text: raw,
    start: start2,
    end: start2 + raw.length,
    value: raw.includes("\\") ? unescapeWord(raw) : raw,
    loose: raw.includes('"') || raw.includes("'") ? raw.replace(/["']/g, "") : raw,
    kind: "literal",
    variables: NO_VARIABLES,
    substitutions: NO_SUBSTITUTIONS,
    contentStart: start2,
    contentEnd: start2 + raw.length
  };
}
var typeTables;
function bashTypes() {
  if (typeTables) return typeTables;
  const language = getParser("bash").language;
  const types = language ? language.types : [];
  const named2 = types.map((_t, id) => language ? language.nodeTypeIsNamed(id) : true);
  const fields = language ? language.fields : [];
  typeTables = { types, named: named2, nameField: fields.indexOf("name"), valueField: fields.indexOf("value") };
  return typeTables;
}
var ERROR_TYPE_ID = 65535;
function typeName(tables, id) {
  return id === ERROR_TYPE_ID ? "ERROR" : tables.types[id] ?? "ERROR";
}
function isNamedType(tables, id) {
  return id === ERROR_TYPE_ID || (tables.named[id] ?? true);
}
var SUBSTITUTION_MARK = /\$\(|`|[<>]\(/g;
function substitutionMarks(source) {
  const out2 = [];
  SUBSTITUTION_MARK.lastIndex = 0;
  for (let m = SUBSTITUTION_MARK.exec(source); m; m = SUBSTITUTION_MARK.exec(source)) out2.push(m.index);
  return out2;
}
function holdsSubstitution(ctx, start2, end) {
  const marks = ctx.marks;
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = lo + hi >>> 1;
    if (marks[mid] < start2) lo = mid + 1;
    else hi = mid;
  }
  return lo < marks.length && marks[lo] < end;
}
function readWord(cursor, ctx, type) {
  const s = cursor.startIndex;
  const e = cursor.endIndex;
  const raw = ctx.source.slice(s, e);
  if (type === "word" || type === "number") return plainWord(raw, s + ctx.base);
  const base = ctx.base;
  const quoted = type === "raw_string" || type === "string";
  const contentStart = s + base + (quoted ? 1 : 0);
  const contentEnd = e + base - (quoted && raw.length >= 2 ? 1 : 0);
  if (type === "string" && raw.length >= 2 && !/[$`\\]/.test(raw)) {
    const content = raw.slice(1, -1);
    return { text: raw, start: s + base, end: e + base, value: content, loose: raw.replace(/["']/g, ""), kind: "literal", variables: NO_VARIABLES, substitutions: NO_SUBSTITUTIONS, contentStart, contentEnd };
  }
  const scan = { variables: [], substitutions: [], dynamic: false, substituted: false };
  const parsed = staticValueAt(cursor, ctx, type, s, e, scan);
  const value = scan.dynamic ? void 0 : parsed;
  return {
    text: raw,
    start: s + base,
    end: e + base,
    value,
    loose: raw.replace(/["']/g, ""),
    kind: scan.substituted ? "command-substitution" : value === void 0 ? "expansion" : "literal",
    variables: scan.variables,
    substitutions: scan.substitutions,
    contentStart,
    contentEnd
  };
}
function staticValueAt(cursor, ctx, type, s, e, scan) {
  const source = ctx.source;
  switch (type) {
    case "simple_expansion":
    case "expansion": {
      scan.dynamic = true;
      let named2 = false;
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
        if (!named2 && (childType === "variable_name" || childType === "special_variable_name")) {
          scan.variables.push(source.slice(cs, ce));
          named2 = true;
        } else staticValueAt(cursor, ctx, childType, cs, ce, scan);
      });
      return void 0;
    }
    case "command_substitution":
    case "process_substitution": {
      scan.dynamic = true;
      scan.substituted = true;
      const raw = source.slice(s, e);
      const open = raw.startsWith("$(") || raw.startsWith("<(") || raw.startsWith(">(") ? 2 : 1;
      scan.substitutions.push({ text: raw.slice(open, -1), start: s + ctx.base + open, end: e + ctx.base - 1 });
      return void 0;
    }
    case "arithmetic_expansion":
      scan.dynamic = true;
      return void 0;
    case "raw_string":
      return source.slice(s + 1, e - 1);
    case "ansi_c_string":
      return decodeAnsiC(source.slice(s + 2, e - 1));
    case "word":
    case "number":
    case "command_name":
    case "concatenation":
      return partsValueAt(cursor, ctx, s, e, scan);
    case "string":
    case "translated_string": {
      let out2 = "";
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
        if (childType === "string_content") {
          if (out2 !== void 0) out2 += unescapeDoubleQuoted(source.slice(cs, ce));
          return;
        }
        const inner = staticValueAt(cursor, ctx, childType, cs, ce, scan);
        if (childType === "string" && inner !== void 0) {
          if (out2 !== void 0) out2 += inner;
        } else out2 = void 0;
      });
      return out2;
    }
    default:
      forEachNamedChild(cursor, ctx, (childType, cs, ce) => void staticValueAt(cursor, ctx, childType, cs, ce, scan));
      return void 0;
  }
}
function partsValueAt(cursor, ctx, s, e, scan) {
  const source = ctx.source;
  let out2 = "";
  let at = s;
  forEachNamedChild(cursor, ctx, (childType, cs, ce) => {
    const v = staticValueAt(cursor, ctx, childType, cs, ce, scan);
    if (out2 === void 0) return;
    if (cs > at) out2 += unescapeWord(source.slice(at, cs));
    if (v === void 0) out2 = void 0;
    else out2 += v;
    at = ce;
  });
  if (out2 !== void 0 && at < e) out2 += unescapeWord(source.slice(at, e));
  return out2;
}
function forEachNamedChild(cursor, ctx, visit) {
  if (!cursor.gotoFirstChild()) return;
  do {
    const id = cursor.nodeTypeId;
    if (!isNamedType(ctx.tables, id)) continue;
    visit(typeName(ctx.tables, id), cursor.startIndex, cursor.endIndex);
  } while (cursor.gotoNextSibling());
  cursor.gotoParent();
}
var WRAPPER_VALUE_OPTIONS = {
  sudo: /* @__PURE__ */ new Set(["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-T", "-U", "--user", "--group", "--close-from", "--chdir", "--host", "--prompt", "--role", "--type", "--command-timeout", "--other-user"]),
  doas: /* @__PURE__ */ new Set(["-u", "-C"]),
  env: /* @__PURE__ */ new Set(["-u", "--unset", "-C", "--chdir", "-S", "--split-string"]),
  nice: /* @__PURE__ */ new Set(["-n", "--adjustment"]),
  ionice: /* @__PURE__ */ new Set(["-c", "-n", "-p", "--class", "--classdata"]),
  stdbuf: /* @__PURE__ */ new Set(["-i", "-o", "-e"]),
  timeout: /* @__PURE__ */ new Set(["-s", "--signal", "-k", "--kill-after"]),
  runuser: /* @__PURE__ */ new Set(["-u", "--user", "-g", "--group", "-G", "--supp-group", "-s", "--shell", "-w", "--whitelist-environment"]),
  exec: /* @__PURE__ */ new Set(["-a"]),
  chroot: /* @__PURE__ */ new Set(["--userspec", "--groups"]),
  setpriv: /* @__PURE__ */ new Set([]),
  nohup: /* @__PURE__ */ new Set([]),
  time: /* @__PURE__ */ new Set(["-f", "--format", "-o", "--output"]),
  command: /* @__PURE__ */ new Set([]),
  builtin: /* @__PURE__ */ new Set([]),
  setsid: /* @__PURE__ */ new Set([]),
  unbuffer: /* @__PURE__ */ new Set([]),
  xargs: /* @__PURE__ */ new Set(["-a", "-d", "-E", "-I", "-L", "-n", "-P", "-s", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--max-chars"])
};
function baseCommandName(word) {
  const value = word?.value;
  if (value === void 0) return void 0;
  const slash = value.lastIndexOf("/");
  return slash === -1 ? value : value.slice(slash + 1);
}
var ASSIGNMENT_WORD = /^([A-Za-z_][A-Za-z0-9_]*)=/;
function assignmentFromWord(word, via) {
  const m = ASSIGNMENT_WORD.exec(word.loose);
  if (!m) return void 0;
  const name2 = m[1];
  const at = word.text.indexOf(name2);
  const nameStart = word.start + Math.max(0, at);
  const valueStart = nameStart + name2.length + 1;
  const rawValue = word.text.slice(valueStart - word.start);
  const valueText = rawValue.replace(/^["']|["']$/g, "");
  const value = {
    text: rawValue,
    start: valueStart,
    end: word.end,
    value: word.value === void 0 ? void 0 : word.value.slice(name2.length + 1),
    loose: valueText,
    kind: word.kind,
    variables: word.variables,
    substitutions: word.substitutions,
    contentStart: valueStart + (/^["']/.test(rawValue) ? 1 : 0),
    contentEnd: word.end - (/["']$/.test(rawValue) && rawValue.length > 1 ? 1 : 0)
  };
  return { name: name2, nameStart, nameEnd: nameStart + name2.length, value, via, exported: true, start: word.start };
}
function unwrapCommand(argv) {
  let words = [...argv];
  const assignments = [];
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name2 = baseCommandName(words[0]);
    if (name2 === void 0 || !(name2 in WRAPPER_VALUE_OPTIONS)) break;
    const valueOptions = WRAPPER_VALUE_OPTIONS[name2];
    let i2 = 1;
    while (i2 < words.length) {
      const w = words[i2];
      const v = w.value ?? w.loose;
      if (v === "--") {
        i2++;
        break;
      }
      if (name2 === "env" || name2 === "sudo" || name2 === "doas") {
        const a = assignmentFromWord(w, "env");
        if (a && !v.startsWith("-")) {
          assignments.push(a);
          i2++;
          continue;
        }
      }
      if (!v.startsWith("-") || v === "-") break;
      if (valueOptions.has(v) || /^-[a-zA-Z]$/.test(v) && valueOptions.has(v)) i2 += 2;
      else i2++;
    }
    if ((name2 === "timeout" || name2 === "chroot") && i2 < words.length) i2++;
    words = words.slice(i2);
  }
  return { effective: words, assignments };
}
var WORD_LEVEL = /* @__PURE__ */ new Set([
  "number",
  "string",
  "translated_string",
  "concatenation",
  "simple_expansion",
  "expansion",
  "command_name",
  "file_redirect",
  "herestring_redirect",
  "heredoc_body",
  "arithmetic_expansion",
  "array",
  "subscript",
  "brace_expression",
  "test_command",
  "unary_expression",
  "binary_expression",
  "ternary_expression",
  "postfix_expression",
  "parenthesized_expression",
  "command_substitution",
  "process_substitution"
]);
var LEAVES = /* @__PURE__ */ new Set([
  "word",
  "raw_string",
  "ansi_c_string",
  "string_content",
  "variable_name",
  "special_variable_name",
  "file_descriptor",
  "heredoc_start",
  "heredoc_end",
  "heredoc_content",
  "comment",
  "test_operator",
  "regex",
  "extglob_pattern"
]);
var ARGUMENT_TYPES = /* @__PURE__ */ new Set([
  "word",
  "number",
  "string",
  "raw_string",
  "translated_string",
  "ansi_c_string",
  "concatenation",
  "expansion",
  "simple_expansion",
  "command_substitution",
  "process_substitution",
  "arithmetic_expansion",
  "brace_expression",
  "regex"
]);
var PLAIN_NAME = /^[A-Za-z0-9_./:+@%,-]+$/;
var VARIABLE_WORD = /^"?\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?"?$/;
var ARGUMENT_TOKENS = /* @__PURE__ */ new Set(["==", "=~", "$"]);
var ModelBuilder = class {
  constructor(text) {
    this.text = text;
  }
  text;
  commands = [];
  assignments = [];
  statementWrites = [];
  hasErrors = false;
  /**
   * Per parse, filled in pre-order before the commands they concern are built (document offsets):
   * the redirections of a `redirected_statement` by its body command's start, and the range
   * feeding a pipeline stage (the previous stage, or the command owning a heredoc piped on)
   * by the stage's start.
   */
  statementRedirects = /* @__PURE__ */ new Map();
  upstreamRanges = /* @__PURE__ */ new Map();
  /** Starts of the nested scripts already parsed (document offsets). */
  parsedRanges = /* @__PURE__ */ new Set();
  finish() {
    this.commands.sort((a, b) => a.start - b.start);
    this.assignments.sort((a, b) => a.start - b.start);
    return { commands: this.commands, assignments: this.assignments, statementWrites: this.statementWrites, hasErrors: this.hasErrors };
  }
  /** Parses `source` (located at document offset `base`) and adds its commands. */
  parseRange(source, base, nesting) {
    let tree;
    try {
      tree = getParser("bash").parse(source);
    } catch {
      this.hasErrors = true;
      return;
    }
    if (!tree) {
      this.hasErrors = true;
      return;
    }
    const saved = [this.statementRedirects, this.upstreamRanges];
    this.statementRedirects = /* @__PURE__ */ new Map();
    this.upstreamRanges = /* @__PURE__ */ new Map();
    try {
      const root = tree.rootNode;
      if (root.hasError) this.hasErrors = true;
      this.walk(root.walk(), { source, base, nesting, tables: bashTypes(), marks: substitutionMarks(source) });
    } finally {
      [this.statementRedirects, this.upstreamRanges] = saved;
      tree.delete();
    }
  }
  /**
   * Pre-order walk with one cursor. Commands, declarations and assignments are read where the
   * cursor meets them, then their subtree is skipped unless a substitution inside can hold
   * another command; words and other word-level nodes are skipped on the same condition. A
   * pipeline's earlier stage is always met before a later one, so links are resolved as
   * commands are built.
   */
  walk(cursor, ctx) {
    const tables = ctx.tables;
    const path = [];
    try {
      for (; ; ) {
        const id = cursor.nodeTypeId;
        let descend = false;
        if (isNamedType(tables, id)) {
          const type = typeName(tables, id);
          const parentType = path[path.length - 1];
          switch (type) {
            case "command": {
              const read = this.command(cursor, ctx, parentType, path[path.length - 2]);
              descend = read.irregular || holdsSubstitution(ctx, read.start, read.end);
              break;
            }
            case "declaration_command":
              this.declaration(cursor, ctx);
              descend = true;
              break;
            case "variable_assignment":
              if (parentType !== "command" && parentType !== "declaration_command" && parentType !== "variable_assignments") {
                this.assignment(cursor, ctx, "assignment", false);
              }
              descend = true;
              break;
            case "variable_assignments":
              forEachNamedChild(cursor, ctx, (childType) => {
                if (childType === "variable_assignment") this.assignment(cursor, ctx, "assignment", false);
              });
              descend = true;
              break;
            case "redirected_statement":
              this.statement(cursor, ctx);
              descend = true;
              break;
            case "pipeline":
              this.pipeline(cursor, ctx);
              descend = true;
              break;
            default:
              if (LEAVES.has(type)) descend = false;
              else if (WORD_LEVEL.has(type)) descend = holdsSubstitution(ctx, cursor.startIndex, cursor.endIndex);
              else descend = true;
          }
          if (descend && cursor.gotoFirstChild()) {
            path.push(type);
            continue;
          }
        }
        let more = false;
        while (!(more = cursor.gotoNextSibling())) {
          if (!cursor.gotoParent()) break;
          path.pop();
        }
        if (!more) break;
      }
    } finally {
      cursor.delete();
    }
  }
  /** `{ …; } > f` writes the block's output; a command's own statement redirects wait for it. */
  statement(cursor, ctx) {
    let body2;
    const redirects = [];
    if (cursor.gotoFirstChild()) {
      do {
        const id = cursor.nodeTypeId;
        if (!isNamedType(ctx.tables, id)) continue;
        const type = typeName(ctx.tables, id);
        if (type.endsWith("_redirect")) redirects.push(...this.redirect(cursor, ctx, type, body2));
        else if (!body2 && type !== "comment") body2 = { type, start: cursor.startIndex, end: cursor.endIndex };
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (!body2) return;
    if (body2.type === "command") {
      this.statementRedirects.set(body2.start + ctx.base, redirects);
      return;
    }
    for (const redirect of redirects) {
      if (redirect.target && isWriteOperator(redirect.operator)) {
        this.statementWrites.push({ target: redirect.target, content: ctx.source.slice(body2.start, body2.end), via: "redirect", command: void 0 });
      }
    }
  }
  /** Records which stage feeds which. */
  pipeline(cursor, ctx) {
    let previous;
    forEachNamedChild(cursor, ctx, (type, start2, end) => {
      if (type === "comment") return;
      const stage = { start: start2 + ctx.base, end: end + ctx.base };
      if (previous) this.upstreamRanges.set(stage.start, previous);
      previous = stage;
    });
  }
  declaration(cursor, ctx) {
    if (!cursor.gotoFirstChild()) return;
    const keyword = ctx.source.slice(cursor.startIndex, cursor.endIndex);
    cursor.gotoParent();
    let via = "declare";
    let exported = false;
    if (keyword === "export") {
      via = "export";
      exported = true;
    } else if (keyword === "local") via = "local";
    else if (keyword === "readonly") via = "readonly";
    forEachNamedChild(cursor, ctx, (type, start2, end) => {
      if (type === "word" && /^-[a-zA-Z]*x/.test(ctx.source.slice(start2, end))) exported = true;
    });
    forEachNamedChild(cursor, ctx, (type, start2, end) => {
      if (type === "variable_assignment") this.assignment(cursor, ctx, via, exported);
      else if (type === "variable_name") {
        const at = start2 + ctx.base;
        this.assignments.push({ name: ctx.source.slice(start2, end), nameStart: at, nameEnd: end + ctx.base, value: void 0, via, exported, start: at });
      }
    });
  }
  /** The `variable_assignment` under the cursor: `name=value`, `name+=value`, `name[i]=value`. */
  assignment(cursor, ctx, via, exported) {
    const start2 = cursor.startIndex;
    let name2;
    let nameStart = 0;
    let value;
    if (cursor.gotoFirstChild()) {
      do {
        const field = cursor.currentFieldId;
        if (field === ctx.tables.nameField && name2 === void 0) {
          nameStart = cursor.startIndex;
          if (typeName(ctx.tables, cursor.nodeTypeId) === "subscript" && cursor.gotoFirstChild()) {
            name2 = ctx.source.slice(cursor.startIndex, cursor.endIndex);
            cursor.gotoParent();
          } else name2 = ctx.source.slice(nameStart, cursor.endIndex);
        } else if (field === ctx.tables.valueField && value === void 0) {
          value = readWord(cursor, ctx, typeName(ctx.tables, cursor.nodeTypeId));
        }
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (name2 === void 0) return void 0;
    const a = {
      name: name2,
      nameStart: nameStart + ctx.base,
      nameEnd: nameStart + ctx.base + name2.length,
      value,
      via,
      exported,
      start: start2 + ctx.base
    };
    this.assignments.push(a);
    return a;
  }
  /**
   * Builds the command under the cursor (left where it was found); returns its range in the
   * parsed source and whether it has a child that is not a word, assignment or redirect.
   */
  command(cursor, ctx, parentType, grandparentType) {
    const { base, nesting, source, tables } = ctx;
    const startIndex = cursor.startIndex;
    const endIndex = cursor.endIndex;
    const start2 = startIndex + base;
    const argv = [];
    const prefix = [];
    const redirects = [];
    let irregular = false;
    if (cursor.gotoFirstChild()) {
      do {
        const id = cursor.nodeTypeId;
        const type = typeName(tables, id);
        if (!isNamedType(tables, id)) {
          if (ARGUMENT_TOKENS.has(type)) argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
        } else if (type === "word") {
          argv.push(plainWord(source.slice(cursor.startIndex, cursor.endIndex), cursor.startIndex + base));
        } else if (type === "command_name") {
          const s = cursor.startIndex;
          const e = cursor.endIndex;
          const raw = source.slice(s, e);
          argv.push(PLAIN_NAME.test(raw) ? plainWord(raw, s + base) : readWord(cursor, ctx, type));
        } else if (type === "variable_assignment") {
          const a = this.assignment(cursor, ctx, "prefix", true);
          if (a) prefix.push(a);
        } else if (type.endsWith("_redirect")) {
          redirects.push(...this.redirect(cursor, ctx, type, void 0));
        } else if (ARGUMENT_TYPES.has(type)) {
          argv.push(readWord(cursor, ctx, type));
        } else if (type !== "comment") irregular = true;
      } while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
    if (parentType === "redirected_statement") {
      const statement = this.statementRedirects.get(start2);
      if (statement) redirects.push(...statement);
    }
    const { effective, assignments } = unwrapCommand(argv);
    for (const a of assignments) this.assignments.push(a);
    const linked = (t) => t === "pipeline" || t === "heredoc_redirect";
    const inPipe = linked(parentType) || parentType === "redirected_statement" && linked(grandparentType);
    const feeding = inPipe ? this.upstreamRanges.get(start2) : void 0;
    const command = {
      argv,
      effective,
      assignments: [...prefix, ...assignments],
      redirects,
      upstream: feeding ? this.lastCommandIn(feeding, nesting) : void 0,
      start: start2,
      end: endIndex + base,
      nesting
    };
    this.commands.push(command);
    if (nesting < MAX_NESTING) this.nestedScripts(command, nesting);
    return { start: startIndex, end: endIndex, irregular };
  }
  /** The redirect under the cursor; `owner` is the statement body a heredoc belongs to. */
  redirect(cursor, ctx, type, owner) {
    const { base, source, tables } = ctx;
    const s = cursor.startIndex;
    const e = cursor.endIndex;
    const start2 = s + base;
    const end = e + base;
    if (type === "heredoc_redirect") {
      let op;
      let delimiterRaw = "";
      let body2;
      let lastOperator;
      const nested = [];
      if (cursor.gotoFirstChild()) {
        do {
          const id = cursor.nodeTypeId;
          const childType = typeName(tables, id);
          if (!isNamedType(tables, id)) {
            op ??= source.slice(cursor.startIndex, cursor.endIndex);
            lastOperator = childType;
          } else if (childType === "heredoc_start") delimiterRaw = source.slice(cursor.startIndex, cursor.endIndex);
          else if (childType === "heredoc_body") body2 = { start: cursor.startIndex, end: cursor.endIndex };
          else if (childType.endsWith("_redirect")) {
            nested.push(...this.redirect(cursor, ctx, childType, void 0));
          } else if (owner && childType === "pipeline") {
            this.pipedFromHeredoc(cursor, ctx, owner);
          } else if (owner && childType !== "heredoc_end" && childType !== "comment" && (lastOperator === "|" || lastOperator === "|&")) {
            this.upstreamRanges.set(cursor.startIndex + base, { start: owner.start + base, end: owner.end + base });
          }
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      const heredoc = {
        delimiter: delimiterRaw.replace(/["'\\]/g, ""),
        quoted: /["'\\]/.test(delimiterRaw),
        body: body2 ? source.slice(body2.start, body2.end) : "",
        bodyStart: (body2 ? body2.start : e) + base,
        bodyEnd: (body2 ? body2.end : e) + base
      };
      return [{ operator: op ?? "<<", heredoc, start: start2, end }, ...nested];
    }
    if (type === "herestring_redirect") {
      let target;
      forEachNamedChild(cursor, ctx, (childType) => {
        if (childType !== "comment" && childType !== "ERROR") target ??= readWord(cursor, ctx, childType);
      });
      return [{ operator: "<<<", ...target ? { target } : {}, start: start2, end }];
    }
    if (type === "file_redirect") {
      let descriptor = "";
      let operator = "";
      let dest;
      if (cursor.gotoFirstChild()) {
        do {
          const id = cursor.nodeTypeId;
          const childType = typeName(tables, id);
          if (!isNamedType(tables, id)) operator += source.slice(cursor.startIndex, cursor.endIndex);
          else if (childType === "file_descriptor") descriptor = source.slice(cursor.startIndex, cursor.endIndex);
          else if (!dest && childType !== "comment" && childType !== "ERROR") dest = readWord(cursor, ctx, childType);
        } while (cursor.gotoNextSibling());
        cursor.gotoParent();
      }
      return [{ operator: descriptor + operator || ">", ...dest ? { target: dest } : {}, start: start2, end }];
    }
    return [];
  }
  /** Links the first stage of a pipeline that opens with `|` (under the cursor) to the heredoc's command. */
  pipedFromHeredoc(cursor, ctx, owner) {
    if (!cursor.gotoFirstChild()) return;
    const id = cursor.nodeTypeId;
    const op = typeName(ctx.tables, id);
    if (!isNamedType(ctx.tables, id) && (op === "|" || op === "|&")) {
      while (cursor.gotoNextSibling()) {
        if (!isNamedType(ctx.tables, cursor.nodeTypeId)) continue;
        this.upstreamRanges.set(cursor.startIndex + ctx.base, { start: owner.start + ctx.base, end: owner.end + ctx.base });
        break;
      }
    }
    cursor.gotoParent();
  }
  /**
   * The last command at the top of `range` in this parse, as tree-sitter-bash nests it: the
   * stage itself, a statement's body, or the last command of a block. Commands are built in
   * pre-order, so the range's commands are the latest ones and a command nested in another
   * (`$(…)`) comes right after its container.
   */
  lastCommandIn(range, nesting) {
    let first = this.commands.length;
    for (let i2 = this.commands.length - 1; i2 >= 0; i2--) {
      const c = this.commands[i2];
      if (c.nesting !== nesting) continue;
      if (c.start < range.start) break;
      first = i2;
    }
    let top;
    for (let i2 = first; i2 < this.commands.length; i2++) {
      const c = this.commands[i2];
      if (c.nesting !== nesting || c.start >= range.end) continue;
      if (!top || c.start >= top.end) top = c;
    }
    return top;
  }
  /**
   * `bash -c '…'`, `su - u -c "…"`, `sudo -u u bash <<'EOF'`, and a command kept in a variable
   * and run (`CMD='curl …'; $CMD`, `$($CMD)`, `eval "$CMD"`): parse the inner script too. Each
   * range is parsed once, however often it runs.
   */
  nestedScripts(command, nesting) {
    const inner = innerScripts(command);
    const stored = this.storedCommand(command);
    if (stored) inner.push(stored);
    for (const range of inner) {
      if (this.parsedRanges.has(range.start)) continue;
      this.parsedRanges.add(range.start);
      this.parseRange(this.text.slice(range.start, range.end), range.start, nesting + 1);
    }
  }
  /** The quoted value of the variable a command runs (`$CMD args`, `eval "$CMD"`), as a document range. */
  storedCommand(command) {
    const words = command.effective;
    const first = words[0];
    if (!first) return void 0;
    const runs = baseCommandName(first) === "eval" && words.length === 2 ? words[1] : first;
    const name2 = runs ? VARIABLE_WORD.exec(runs.text)?.[1] : void 0;
    if (!name2) return void 0;
    for (let i2 = this.assignments.length - 1; i2 >= 0; i2--) {
      const a = this.assignments[i2];
      if (a.name !== name2 || a.start >= command.start) continue;
      const value = a.value;
      if (!value || !/^(["']).*\1$/s.test(value.text) || value.contentEnd <= value.contentStart) return void 0;
      return { start: value.contentStart, end: value.contentEnd };
    }
    return void 0;
  }
};
function innerScripts(command) {
  const out2 = [];
  const words = command.effective;
  const name2 = baseCommandName(words[0]);
  const stringRange = (w) => {
    if (!w) return;
    out2.push({ start: w.contentStart, end: w.contentEnd });
  };
  const heredocRange = () => {
    for (const r of command.redirects) if (r.heredoc) out2.push({ start: r.heredoc.bodyStart, end: r.heredoc.bodyEnd });
    for (const r of command.redirects) if (r.operator === "<<<" && r.target) stringRange(r.target);
  };
  if (name2 === void 0) {
    if (command.argv.length > 0 && baseCommandName(command.argv[0]) === "sudo") heredocRange();
    return out2;
  }
  if (SHELLS.has(name2)) {
    let sawC = false;
    let i2 = 1;
    for (; i2 < words.length; i2++) {
      const v = words[i2]?.value ?? "";
      if (v === "-o" || v === "+o" || v === "-O" || v === "+O") {
        i2++;
        continue;
      }
      if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(v)) {
        sawC = true;
        continue;
      }
      if (v.startsWith("-") || v.startsWith("+")) continue;
      break;
    }
    if (sawC) stringRange(words[i2]);
    else if (i2 >= words.length || words[i2]?.value === "-s") heredocRange();
    return out2;
  }
  if (name2 === "su" || name2 === "runuser") {
    let found = false;
    for (let i2 = 1; i2 < words.length; i2++) {
      const v = words[i2]?.value ?? "";
      if (v === "-c" || v === "--command" || v === "--session-command") {
        stringRange(words[i2 + 1]);
        found = true;
        break;
      }
      if (v.startsWith("--command=")) {
        const w = words[i2];
        const at = w.text.indexOf("=") + 1;
        const quote = /^["']/.test(w.text.slice(at)) ? 1 : 0;
        out2.push({ start: w.start + at + quote, end: w.end - quote });
        found = true;
        break;
      }
    }
    if (!found) heredocRange();
    return out2;
  }
  return out2;
}
function commandName(command) {
  return baseCommandName(command.effective[0]);
}
function stdinTextOf(command) {
  for (const r of command.redirects) {
    if (r.heredoc) return r.heredoc.body;
    if (r.operator === "<<<" && r.target) return r.target.value ?? r.target.loose;
  }
  return void 0;
}
function outputTextOf(command) {
  const name2 = commandName(command);
  if (name2 === "echo" || name2 === "printf") return command.effective.slice(1).map((w) => w.value ?? w.loose).join(" ");
  if (name2 === "cat") return stdinTextOf(command);
  return void 0;
}
function hasStdinInput(command) {
  if (command.upstream) return true;
  return command.redirects.some(
    (r) => r.heredoc !== void 0 || r.operator === "<<<" || r.operator === "<" && r.target?.value !== "/dev/null"
  );
}
var WRITE_OPERATORS = /* @__PURE__ */ new Set([">", ">>", ">|", "&>", "&>>"]);
function isWriteOperator(operator) {
  const op = operator.startsWith("1") ? operator.slice(1) : operator;
  return WRITE_OPERATORS.has(op);
}
var COPY_COMMANDS = /* @__PURE__ */ new Set(["cp", "mv", "install", "ln", "rsync", "scp"]);
function fileWrites(script) {
  const out2 = [...script.statementWrites];
  for (const command of script.commands) {
    for (const r of command.redirects) {
      if (r.target && isWriteOperator(r.operator)) out2.push({ target: r.target, content: outputTextOf(command), via: "redirect", command });
    }
    const name2 = commandName(command);
    const args2 = command.effective.slice(1);
    if (name2 === "tee") {
      const upstreamText = command.upstream ? outputTextOf(command.upstream) : void 0;
      const content = stdinTextOf(command) ?? upstreamText;
      for (const w of args2) if (!(w.value ?? w.loose).startsWith("-")) out2.push({ target: w, content, via: "tee", command });
    } else if (name2 !== void 0 && COPY_COMMANDS.has(name2)) {
      const operands = args2.filter((w) => !(w.value ?? w.loose).startsWith("-"));
      const last = operands.at(-1);
      if (operands.length >= 2 && last) out2.push({ target: last, content: void 0, via: "copy", command });
    } else if (name2 === "aws" && args2[0]?.value === "s3" && (args2[1]?.value === "cp" || args2[1]?.value === "mv")) {
      const operands = args2.slice(2).filter((w) => !(w.value ?? w.loose).startsWith("-"));
      const last = operands.at(-1);
      if (operands.length >= 2 && last && !/^s3:\/\//.test(last.loose)) out2.push({ target: last, content: void 0, via: "copy", command });
    } else if (name2 === "curl" || name2 === "wget") {
      for (let i2 = 0; i2 < args2.length; i2++) {
        const v = args2[i2]?.value ?? "";
        if (name2 === "curl" && (v === "-o" || v === "--output") || name2 === "wget" && (v === "-O" || v === "--output-document")) {
          const t = args2[i2 + 1];
          if (t && t.value !== "-") out2.push({ target: t, content: void 0, via: "copy", command });
        }
      }
    }
  }
  return out2;
}
function assignmentBefore(script, name2, offset) {
  let found;
  for (const a of script.assignments) {
    if (a.start >= offset) break;
    if (a.name === name2 && a.value !== void 0) found = a;
  }
  return found;
}
var AWS_GLOBAL_VALUE_OPTIONS = /* @__PURE__ */ new Set([
  "--profile",
  "--region",
  "--output",
  "--endpoint-url",
  "--query",
  "--color",
  "--ca-bundle",
  "--cli-read-timeout",
  "--cli-connect-timeout",
  "--cli-binary-format",
  "--cli-auto-prompt"
]);
function awsInvocation(command) {
  const words = command.effective;
  if (commandName(command) !== "aws") return void 0;
  let profile;
  const rest = [];
  let service;
  for (let i2 = 1; i2 < words.length; i2++) {
    const w = words[i2];
    const v = w.value ?? w.loose;
    if (AWS_GLOBAL_VALUE_OPTIONS.has(v)) {
      if (v === "--profile") profile = words[i2 + 1]?.value;
      i2++;
      continue;
    }
    if (v.startsWith("--profile=")) {
      profile = v.slice("--profile=".length);
      continue;
    }
    if (v.startsWith("--") && /^--[a-z-]+=/.test(v) && AWS_GLOBAL_VALUE_OPTIONS.has(v.slice(0, v.indexOf("=")))) continue;
    if (!service) {
      if (v.startsWith("-")) continue;
      service = w;
      continue;
    }
    rest.push(w);
  }
  return { aws: words[0], service, args: rest, profile };
}
var WRITTEN_KINDS = /* @__PURE__ */ new Set(["shell", "dockerfile"]);
var HEREDOC_FILE_WRITE = /<<-?[ \t]*["']?[\w.-]+["']?[^\n]*(?:>|\btee\b)[^\n]*(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b|(?:>|\btee\b)[^\n]*(?:\.(?:sh|bash)|Dockerfile|Containerfile)\b[^\n]*<</i;
var WRITTEN_FILE_INTEREST = /169\.254\.169\.254|fd00:ec2::254|instance-data|\baws\b[^\n]*\bconfigure\b|AWS_|\.aws[\\/]|\bA[KS]IA[A-Z0-9]{12}|s3cfg|\.boto\b|create-access-key/i;
function heredocFileWrites(script) {
  const out2 = [];
  for (const command of script.commands) {
    const heredoc = command.redirects.find((r) => r.heredoc)?.heredoc;
    if (!heredoc) continue;
    const name2 = commandName(command);
    if (name2 === "cat") {
      for (const r of command.redirects) if (r.target && isWriteOperator(r.operator)) out2.push({ path: r.target, heredoc });
    } else if (name2 === "tee") {
      for (const w of command.effective.slice(1)) if (!(w.value ?? w.loose).startsWith("-")) out2.push({ path: w, heredoc });
    }
  }
  for (const command of script.commands) {
    const heredoc = command.upstream?.redirects.find((r) => r.heredoc)?.heredoc;
    if (!heredoc || commandName(command) !== "tee" || commandName(command.upstream) !== "cat") continue;
    for (const w of command.effective.slice(1)) if (!(w.value ?? w.loose).startsWith("-")) out2.push({ path: w, heredoc });
  }
  return out2;
}
var heredocFileExtractor = {
  name: "shell heredoc files",
  kinds: ["shell", "user-data", "cloud-init"],
  keywords: HEREDOC_FILE_WRITE,
  extract(document2) {
    if (!WRITTEN_FILE_INTEREST.test(document2.text)) return [];
    const script = shellScript(document2);
    if (!script) return [];
    const out2 = [];
    const seen = /* @__PURE__ */ new Set();
    for (const { path, heredoc } of heredocFileWrites(script)) {
      const target = path.value ?? path.loose;
      if (seen.has(heredoc.bodyStart) || heredoc.bodyEnd <= heredoc.bodyStart) continue;
      const body2 = document2.text.slice(heredoc.bodyStart, heredoc.bodyEnd);
      const kind = classifyFile(target, body2.slice(0, 16384));
      if (!WRITTEN_KINDS.has(kind)) continue;
      seen.add(heredoc.bodyStart);
      const { text, map } = new VirtualTextBuilder().verbatim(body2, heredoc.bodyStart).build();
      out2.push(createVirtualDocument(document2, { kind, language: languageOf(target, kind), text, map, label: `heredoc > ${target}` }));
    }
    return out2;
  }
};

// src/detect/aws-env-vars.ts
var AWS_CREDENTIAL_VARIABLES = /* @__PURE__ */ new Map([
  ["AWS_ACCESS_KEY_ID", "access-key-id"],
  ["AWS_ACCESS_KEY", "access-key-id"],
  ["AWS_SECRET_ACCESS_KEY", "secret-access-key"],
  ["AWS_SECRET_KEY", "secret-access-key"],
  ["AWS_SESSION_TOKEN", "session-token"],
  ["AWS_SECURITY_TOKEN", "session-token"]
]);
function awsCredentialVariable(name2) {
  return AWS_CREDENTIAL_VARIABLES.get(name2);
}
function awsCredentialVariableIgnoreCase(name2) {
  return AWS_CREDENTIAL_VARIABLES.get(name2.toUpperCase());
}
var AWS_CREDENTIAL_VARIABLE_SOURCE = "AWS_(?:ACCESS_KEY(?:_ID)?|SECRET(?:_ACCESS)?_KEY|SESSION_TOKEN|SECURITY_TOKEN)";
function configureCredentialKey(key) {
  const m = /(?:^|\.)(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)$/i.exec(key);
  if (!m) return void 0;
  const name2 = m[1].toLowerCase();
  return name2 === "aws_access_key_id" ? "access-key-id" : name2 === "aws_secret_access_key" ? "secret-access-key" : "session-token";
}

// src/detect/aws-configure.ts
function inputOf(command) {
  if (command.upstream) return "a pipe";
  for (const r of command.redirects) {
    if (r.heredoc) return "a heredoc";
    if (r.operator === "<<<") return "a here-string";
    if (r.operator === "<") return "a file redirect";
  }
  return "standard input";
}
function literalSecret(word, kind) {
  if (!word || word.kind !== "literal" || !word.value) return void 0;
  return { start: word.contentStart, end: word.contentEnd, kind };
}
var EXPECT_SPAWN = /\bspawn\b[ \t]+(?:-\S+[ \t]+)*(?:\S*\/)?aws(?:\.exe)?\b[^\n;]*?\b(configure)\b[ \t]*([\w-]*)/dg;
function expectUses(text, offset, out2) {
  for (const m of text.matchAll(EXPECT_SPAWN)) {
    const sub = m[2] ?? "";
    if (sub !== "" && !sub.startsWith("-") && sub !== "import") continue;
    const at = offset + (m.indices?.[1]?.[0] ?? m.index);
    out2.push({ form: sub === "import" ? "import" : "interactive", start: at, end: at + "configure".length, input: "an expect script" });
  }
}
function shellUses(doc) {
  const script = shellScript(doc);
  if (!script) return [];
  const out2 = [];
  for (const command of script.commands) {
    const name2 = command.effective[0]?.value?.replace(/^.*\//, "");
    if (name2 === "expect") {
      const args2 = command.effective;
      for (let i2 = 1; i2 < args2.length; i2++) {
        if (args2[i2]?.value === "-c") {
          const w = args2[i2 + 1];
          if (w) expectUses(doc.text.slice(w.contentStart, w.contentEnd), w.contentStart, out2);
        }
      }
    }
    for (const r of command.redirects) if (r.heredoc) expectUses(r.heredoc.body, r.heredoc.bodyStart, out2);
    const aws = awsInvocation(command);
    if (!aws || aws.service?.value !== "configure") continue;
    const service = aws.service;
    const sub = aws.args[0]?.value;
    if (sub === "set") {
      const keyWord = aws.args[1];
      const key = keyWord?.value ?? keyWord?.loose;
      const kind = key ? configureCredentialKey(key) : void 0;
      if (!keyWord || !key || !kind) continue;
      const secret = literalSecret(aws.args[2], kind);
      out2.push({ form: "set", start: keyWord.contentStart, end: keyWord.contentEnd, key, ...secret ? { secret } : {} });
    } else if (sub === "import") {
      out2.push({ form: "import", start: service.start, end: service.end });
    } else if (sub === void 0 || sub.startsWith("-")) {
      if (hasStdinInput(command)) out2.push({ form: "interactive", start: service.start, end: service.end, input: inputOf(command) });
    }
  }
  return out2;
}
var AWS_EXE = /^(?:.*[\\/])?aws(?:\.exe|\.cmd)?$/i;
var GLOBAL_WITH_VALUE = /^--(?:profile|region|output|endpoint-url|query|color|ca-bundle|cli-read-timeout|cli-connect-timeout|cli-binary-format)$/i;
function windowsUses(doc) {
  const out2 = [];
  for (const block of windowsBlocks(doc)) {
    for (const statement of windowsStatements(doc, block)) {
      if (!/configure/i.test(statement.text)) continue;
      const words = windowsWords(statement);
      for (let i2 = 0; i2 < words.length; i2++) {
        if (!AWS_EXE.test(words[i2].value)) continue;
        let j = i2 + 1;
        while (j < words.length && words[j].value.startsWith("-")) j += GLOBAL_WITH_VALUE.test(words[j].value) ? 2 : 1;
        const service = words[j];
        if (!service || service.value.toLowerCase() !== "configure") continue;
        const rest = words.slice(j + 1).filter((w, k, all) => !(GLOBAL_WITH_VALUE.test(w.value) || k > 0 && GLOBAL_WITH_VALUE.test(all[k - 1]?.value ?? "")));
        const sub = rest[0]?.value.toLowerCase();
        if (sub === "set") {
          const keyWord = rest[1];
          const kind = keyWord ? configureCredentialKey(keyWord.value) : void 0;
          if (!keyWord || !kind) continue;
          const valueWord = rest[2];
          const secret = valueWord && valueWord.quote !== '"' && !valueWord.value.startsWith("$") && !valueWord.value.startsWith("(") && !valueWord.value.startsWith("%") ? { start: valueWord.contentStart, end: valueWord.contentEnd, kind } : void 0;
          out2.push({ form: "set", start: keyWord.contentStart, end: keyWord.contentEnd, key: keyWord.value, ...secret ? { secret } : {} });
        } else if (sub === "import") {
          out2.push({ form: "import", start: service.start, end: service.end });
        } else if ((sub === void 0 || sub.startsWith("-")) && /\|\s*(?:&\s*)?(?:"[^"]*"|'[^']*'|\S+)\s+(?:--\S+\s+\S+\s+)*configure\b/i.test(statement.text.slice(0, service.end - statement.start))) {
          out2.push({ form: "interactive", start: service.start, end: service.end, input: "a pipe" });
        }
      }
    }
  }
  return out2;
}
function findConfigureCredentialUses(doc) {
  const uses = [...shellUses(doc), ...windowsUses(doc)];
  const seen = /* @__PURE__ */ new Set();
  return uses.filter((u) => seen.has(u.start) ? false : (seen.add(u.start), true));
}
var CONFIGURE_KEYWORD_SOURCE = String.raw`\baws(?:\.exe|\.cmd)?\b(?:[^\n]|[\\\x60^]\r?\n){0,400}?\bconfigure\b`;
var CONFIGURE_KEYWORDS = new RegExp(CONFIGURE_KEYWORD_SOURCE, "i");

// src/parsers/dockerfile.ts
var import_dockerfile_ast = __toESM(require_main(), 1);
var cache2 = /* @__PURE__ */ new WeakMap();
function dockerfile(doc) {
  if (doc.kind !== "dockerfile") return void 0;
  const cached = cache2.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let model;
  try {
    model = parseDockerfile(doc);
  } catch {
    model = null;
  }
  cache2.set(doc, model);
  return model ?? void 0;
}
function jsonStrings(text, offset) {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith("[")) return void 0;
  const out2 = [];
  const re = /"((?:[^"\\\n]|\\.)*)"/g;
  for (const m of text.matchAll(re)) {
    let value;
    try {
      value = JSON.parse(m[0]);
    } catch {
      return void 0;
    }
    out2.push({ value, start: offset + m.index + 1, end: offset + m.index + m[0].length - 1 });
  }
  try {
    const parsed = JSON.parse(trimmed.trimEnd());
    if (!Array.isArray(parsed)) return void 0;
  } catch {
    return void 0;
  }
  return out2;
}
function parseDockerfile(doc) {
  const lines = doc.lines;
  const toOffset = (p) => lines.lineStart(p.line + 1) + p.character;
  const range = (r) => ({ start: toOffset(r.start), end: toOffset(r.end) });
  const parsed = import_dockerfile_ast.DockerfileParser.parse(doc.text);
  const instructions = [];
  const shells = /* @__PURE__ */ new Map();
  let stage = -1;
  const add = (ins, onbuild, keywordOverride) => {
    const keyword = (keywordOverride ?? ins.getKeyword()).toUpperCase();
    if (keyword === "FROM" && !onbuild) stage++;
    const whole = range(ins.getRange());
    const kw = range(ins.getInstructionRange());
    const anyIns = ins;
    const flags2 = (anyIns.getFlags?.() ?? []).map((f) => ({ name: f.getName(), value: f.getValue(), ...range(f.getRange()) }));
    const args2 = ins.getArguments().map((a) => ({ value: a.getValue(), ...range(a.getRange()) }));
    const properties = keyword === "ENV" || keyword === "ARG" || keyword === "LABEL" ? (anyIns.getProperties?.() ?? []).map((p) => {
      const valueRange2 = p.getValueRange();
      const value = p.getValue();
      return {
        name: { value: p.getName(), ...range(p.getNameRange()) },
        value: value !== null && valueRange2 ? { value, ...range(valueRange2) } : void 0
      };
    }) : [];
    const heredocs = (anyIns.getHeredocs?.() ?? []).map((h) => {
      const content = h.getContentRange();
      const r = content ? range(content) : { start: whole.end, end: whole.end };
      return { name: h.getName(), contentStart: r.start, contentEnd: r.end };
    });
    const argsStart = args2[0]?.start ?? whole.end;
    const json = keyword === "RUN" || keyword === "CMD" || keyword === "ENTRYPOINT" || keyword === "SHELL" ? jsonStrings(doc.text.slice(argsStart, whole.end), argsStart) : void 0;
    const instruction = {
      keyword,
      keywordStart: kw.start,
      start: whole.start,
      end: whole.end,
      stage,
      flags: flags2,
      args: args2,
      properties,
      heredocs,
      argsStart,
      json,
      onbuild
    };
    instructions.push(instruction);
    if (keyword === "SHELL" && json && json.length > 0) {
      const shell = (json[0]?.value ?? "").toLowerCase().replace(/^.*[\\/]/, "").replace(/\.exe$/, "");
      if (shell === "powershell" || shell === "pwsh" || shell === "cmd") shells.set(stage, shell);
      else shells.delete(stage);
    }
  };
  for (const ins of parsed.getInstructions()) {
    add(ins, false);
    if (ins.getKeyword().toUpperCase() === "ONBUILD") {
      const trigger = ins.getTriggerInstruction?.();
      if (trigger) add(trigger, true);
    }
  }
  return { instructions, stageCount: stage + 1, escape: parsed.getEscapeCharacter(), shells };
}
var SHELL_NAMES = /^(?:(?:\/usr)?\/bin\/)?(?:sh|bash|dash|ash|zsh)$/;
function shellFormText(doc, ins, escape, keepEscape = false) {
  const builder = new VirtualTextBuilder();
  const text = doc.text;
  const inHeredoc = (offset) => ins.heredocs.some((h) => offset >= h.contentStart && offset < h.contentEnd);
  let pos = ins.argsStart;
  let first = true;
  while (pos < ins.end) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1 || nl >= ins.end) nl = ins.end;
    const line = text.slice(pos, nl);
    const heredocLine = inHeredoc(pos);
    if (!first && !heredocLine && (/^\s*#/.test(line) || line.trim() === "")) {
      pos = nl + 1;
      continue;
    } else if (!heredocLine && !keepEscape && escape !== "\\" && line.trimEnd().endsWith(escape)) {
      const at = pos + line.trimEnd().length - 1;
      builder.verbatim(text.slice(pos, at), pos);
      builder.synthetic("\\", at, at + 1);
      builder.verbatim(text.slice(at + 1, nl), at + 1);
    } else {
      builder.verbatim(line, pos);
    }
    if (nl < ins.end) builder.verbatim("\n", nl);
    first = false;
    pos = nl + 1;
  }
  return builder.build();
}
function runDocuments(doc, model) {
  const out2 = [];
  for (const ins of model.instructions) {
    if (ins.keyword !== "RUN" && ins.keyword !== "CMD" && ins.keyword !== "ENTRYPOINT") continue;
    const build = ins.keyword === "RUN";
    const label = ins.keyword;
    const windowsShell = model.shells.get(ins.stage);
    if (ins.json) {
      const values = ins.json.map((t) => t.value);
      const shell = values[0] ?? "";
      const c = values.findIndex((v, i2) => i2 > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(v));
      const script = c > 0 ? ins.json[c + 1] : void 0;
      if (script && (SHELL_NAMES.test(shell) || /(?:^|[\\/])(?:powershell|pwsh)(?:\.exe)?$/i.test(shell))) {
        const builder = new VirtualTextBuilder();
        const raw = doc.text.slice(script.start, script.end);
        if (raw === script.value) builder.verbatim(raw, script.start);
        else builder.synthetic(script.value, script.start, script.end);
        const { text: text2, map: map2 } = builder.build();
        const powershell = /powershell|pwsh/i.test(shell);
        out2.push(createVirtualDocument(doc, powershell ? { kind: "user-data", language: "powershell", text: text2, map: map2, label: `${label} exec form`, bootstrap: build } : { kind: "shell", language: "shell", text: text2, map: map2, label: `${label} exec form`, bootstrap: build }));
      }
      continue;
    }
    if (windowsShell) {
      const { text: text2, map: map2 } = shellFormText(doc, ins, model.escape, true);
      out2.push(createVirtualDocument(doc, { kind: "user-data", language: windowsShell === "cmd" ? "cmd" : "powershell", text: text2, map: map2, label, bootstrap: build }));
      continue;
    }
    const { text, map } = shellFormText(doc, ins, model.escape);
    out2.push(createVirtualDocument(doc, { kind: "shell", language: "shell", text, map, label, bootstrap: build }));
    if (!build) continue;
    const firstLineEnd = doc.text.indexOf("\n", ins.argsStart);
    const firstLine = doc.text.slice(ins.argsStart, firstLineEnd === -1 ? ins.end : firstLineEnd);
    if (/^\s*<<-?\s*["']?[\w.-]+["']?(?:\s+<<-?\s*["']?[\w.-]+["']?)*\s*$/.test(firstLine)) {
      for (const h of ins.heredocs) {
        if (h.contentEnd <= h.contentStart) continue;
        const builder = new VirtualTextBuilder();
        builder.verbatim(doc.text.slice(h.contentStart, h.contentEnd), h.contentStart);
        const built = builder.build();
        out2.push(createVirtualDocument(doc, { kind: "shell", language: "shell", text: built.text, map: built.map, label: "RUN heredoc", bootstrap: true }));
      }
    }
  }
  return out2;
}
function enclosingDockerfile(doc) {
  for (let current = doc; current; current = current.host?.document) {
    if (current.kind === "dockerfile") return current;
  }
  return void 0;
}
var dockerfileRunExtractor = {
  name: "Dockerfile RUN",
  kinds: ["dockerfile"],
  keywords: /^[ \t]*(?:ONBUILD[ \t]+)?(?:RUN|CMD|ENTRYPOINT)\b/im,
  extract(document2, notes) {
    const model = dockerfile(document2);
    if (!model) {
      notes.push({ id: "parse-error", level: "warning", path: document2.path, message: `${document2.path}: the Dockerfile could not be parsed; its RUN instructions were not scanned` });
      return [];
    }
    return runDocuments(document2, model);
  }
};

// rules/no-aws-configure-in-bootstrap.ts
var no_aws_configure_in_bootstrap_default = defineRule({
  id: "no-aws-configure-in-bootstrap",
  description: "Disallow storing access keys with `aws configure` in user data, cloud-init and provisioning scripts",
  fullDescription: "Running `aws configure set aws_secret_access_key \u2026` (or an interactive `aws configure` fed by a pipe, a heredoc or expect, or `aws configure import --csv`) while an instance boots writes a long-lived IAM user key to ~/.aws/credentials on every machine launched, and the key itself sits in the user data, which anyone who can describe the instance or reach its metadata service can read. An instance profile gives the instance short-lived credentials that rotate automatically and need no key at all.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798", "CWE-522"],
  tags: ["security", "aws", "ec2", "bootstrap"],
  kinds: ["shell", "user-data", "cloud-init"],
  keywords: CONFIGURE_KEYWORDS,
  messages: {
    configureSet: "`aws configure set {{key}}` stores AWS credentials on the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials",
    configureInteractive: "`aws configure` answered by {{input}} stores a long-lived access key on the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials",
    configureImport: "`aws configure import` copies IAM user access keys from a CSV file onto the machine; attach an IAM instance profile (role) instead and let the CLI use its temporary credentials"
  },
  recommendation: [
    "Remove `aws configure` from the bootstrap script and delete the IAM user key it used (it is in the user data and ",
    "in every image or instance built from it). Attach an IAM role to the instance through an instance profile ",
    "(`IamInstanceProfile` in CloudFormation, `iam_instance_profile` in Terraform); the AWS CLI and SDKs then get ",
    "temporary credentials from the instance metadata service with no configuration. Non-credential settings are ",
    "fine: `aws configure set region \u2026` and `aws configure set output \u2026`."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (enclosingDockerfile(doc)) return;
    const severity = isBootstrapContext(doc) ? void 0 : "warning";
    for (const use of findConfigureCredentialUses(doc)) {
      const messageId = use.form === "set" ? "configureSet" : use.form === "import" ? "configureImport" : "configureInteractive";
      context.report({
        messageId,
        data: { key: use.key ?? "", input: use.input ?? "" },
        start: use.start,
        end: use.end,
        ...use.secret ? { secrets: [use.secret] } : {},
        identity: `${use.form}:${use.key ?? ""}:${doc.text.slice(use.start, use.end)}`,
        ...severity ? { severity } : {}
      });
    }
  }
});

// src/detect/placeholders.ts
var REFERENCE_PATTERNS = [
  /^\$\{[^}]*\}?$/,
  // ${VAR}, ${VAR:-x}, ${{ secrets.X }} (GitHub Actions)
  /^\$[A-Za-z_][\w]*$/,
  // $VAR
  /^\$\(.*\)?$/,
  // $(command)
  /^\$\{\{.*\}\}$/,
  // ${{ secrets.AWS_SECRET }}
  /^\{\{.*\}\}$/,
  // {{ var }} (Jinja, Helm, Mustache), {{resolve:secretsmanager:…}}
  /^\{\{\s*resolve:/i,
  /^\{[A-Za-z_][\w.:-]*\}$/,
  // {key} format strings
  /^%[A-Za-z_][\w()]*%$/,
  // %VAR% (Windows), %(name)s handled below
  /^%\([\w.]+\)[sd]$/,
  // %(secret)s
  /^#\{[^}]*\}$/,
  // #{var} (Ruby interpolation, Octopus)
  /^@[A-Za-z_][\w.]*@$/,
  // @VAR@ (Maven filtering)
  /^__[A-Za-z][\w]*__$/,
  // __SECRET__ (token replacement)
  /^<[^<>]*>$/,
  // <YOUR_SECRET_KEY>
  /^\[[^\]]*\]$/,
  // [secret key]
  /^\([^)]*\)$/,
  /^!(?:Ref|Sub|GetAtt|ImportValue|FindInMap|If|Join|Select)\b/,
  // CloudFormation short forms
  /^\{\s*["']?(?:Ref|Fn::\w+)["']?\s*:/,
  // { "Ref": … } / { "Fn::Sub": … }
  /^Fn::/,
  /^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):/i,
  /^(?:ssm|secretsmanager|ssm-secure|vault|op|awssm|env|file|secret|aws-sm|aws-ssm):\/?/i,
  // ssm:/path, vault:secret/…, op://
  /^@Microsoft\.KeyVault\(/i,
  /^(?:var|local|module|data|each|count|self|terraform)\.[\w.[\]"'*-]+$/,
  // Terraform references
  /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|os\.Getenv|System\.getenv|System\.Environment|Environment\.GetEnvironmentVariable|ENV|env|getenv|Deno\.env|config|settings|secrets|vars|inputs|params|props|context)\b[.[(]/,
  /^[A-Za-z_$][\w$]*(?:(?:\.|\?\.)[A-Za-z_$][\w$]*|\[[^\]]*\]|\([^)]*\))+$/,
  // member access / call: cfg.aws.secret, getSecret()
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/
  // an UPPER_SNAKE name where a value should be: MY_SECRET_KEY
];
var PLACEHOLDER_WORDS = /(?<![a-z])(?:your|example|examples|placeholder|change[-_ ]?me|changeit|replace|replace[-_ ]?me|dummy|sample|redacted|fixme|todo|insert|enter[-_ ]?(?:your|the|a)|put[-_ ]?your|notreal|not[-_]a[-_]real|fake|mock|demo|here)(?![a-z])/;
function wordForm(v) {
  return v.replace(/([a-z])(?=[A-Z])/g, "$1_").toLowerCase();
}
var PLACEHOLDER_VALUES = /* @__PURE__ */ new Set([
  "test",
  "testing",
  "secret",
  "secrets",
  "key",
  "password",
  "passwd",
  "pass",
  "token",
  "none",
  "null",
  "nil",
  "undefined",
  "empty",
  "foo",
  "bar",
  "baz",
  "foobar",
  "abc",
  "abc123",
  "123",
  "1234",
  "12345",
  "123456",
  "default",
  "demo",
  "value",
  "string",
  "str",
  "required",
  "optional",
  "tbd",
  "n/a",
  "na",
  "unset",
  "false",
  "true",
  "my-secret",
  "mysecret",
  "supersecret",
  "secretkey",
  "secret_key",
  "accesskey",
  "access_key",
  "test123",
  "testkey",
  "test-key"
]);
var FILLER = /x{4,}|X{4,}|\*{3,}|#{4,}|\.{3,}|…|_{4,}|-{4,}|0{6,}|(?:xX|Xx){2,}/;
var QUOTES = /^(["'`])(.*)\1$/s;
function isDocumentationExampleKeyShape(v) {
  return /^(?:AKIA|ASIA)[A-Z0-9]{9}EXAMPLE$/.test(v) || /^[A-Za-z0-9/+]{30}EXAMPLEKEY$/.test(v);
}
function isPlaceholder(value) {
  let v = value.trim();
  const quoted = QUOTES.exec(v);
  if (quoted) v = quoted[2].trim();
  if (v.length === 0) return true;
  if (isDocumentationExampleKeyShape(v)) return false;
  if (PLACEHOLDER_VALUES.has(v.toLowerCase())) return true;
  if (FILLER.test(v)) return true;
  if (PLACEHOLDER_WORDS.test(wordForm(v))) return true;
  if (/\$\{|\{\{|\$\(/.test(v)) return true;
  for (const re of REFERENCE_PATTERNS) if (re.test(v)) return true;
  if (v.length >= 4 && /^(.)\1+$/.test(v)) return true;
  return false;
}

// src/detect/aws-keys.ts
var ACCESS_KEY_ID_SOURCE = "(?<![A-Za-z0-9])(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Za-z0-9])";
function accessKeyIdPattern() {
  return new RegExp(ACCESS_KEY_ID_SOURCE, "g");
}
var DOC_EXAMPLE_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
var DOC_EXAMPLE_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
function isDocumentationExampleKeyId(id) {
  return id === DOC_EXAMPLE_ACCESS_KEY_ID || id.endsWith("EXAMPLE");
}
function isDocumentationExampleSecret(secret) {
  return secret === DOC_EXAMPLE_SECRET_ACCESS_KEY || /EXAMPLE(?:KEY)?$/.test(secret);
}
function isDocumentationExampleToken(token) {
  return token.includes("EXAMPLE");
}
var VOWELS = /[AEIOU]/g;
function looksLikeWordRun(keyId) {
  const body2 = keyId.slice(4);
  if (/[0-9]/.test(body2)) return false;
  const vowels = body2.match(VOWELS)?.length ?? 0;
  return vowels / body2.length >= 0.35;
}
var KEY_ID_PLACEHOLDER_WORDS = /EXAMPLE|SAMPLE|FAKE|DUMMY|TEST|PLACEHOLDER|REPLACE|CHANGEME|REDACTED|YOUR|ACCESSKEY/;
function looksLikePlaceholderKeyId(keyId) {
  const body2 = keyId.slice(4);
  if (new Set(body2).size < 6) return true;
  if (/(.)\1{4}/.test(body2)) return true;
  let ascending = 1;
  for (let i2 = 1; i2 < body2.length; i2++) {
    ascending = body2.charCodeAt(i2) === body2.charCodeAt(i2 - 1) + 1 ? ascending + 1 : 1;
    if (ascending >= 6) return true;
  }
  return KEY_ID_PLACEHOLDER_WORDS.test(body2);
}
function isImplausibleKeyId(keyId) {
  return isDocumentationExampleKeyId(keyId) || looksLikeWordRun(keyId) || looksLikePlaceholderKeyId(keyId);
}
function keyIdType(id) {
  if (id.startsWith("AKIA")) return "long-term";
  if (id.startsWith("ASIA")) return "temporary";
  return "other";
}
var BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
function decodeAccountId(keyId) {
  if (keyId.length !== 20 || !/^A[KS]IA/.test(keyId)) return void 0;
  const fifth = keyId[4];
  if (fifth === "I" || fifth === "J") return void 0;
  let bits = 0n;
  for (let i2 = 4; i2 < 14; i2++) {
    const v = BASE32.indexOf(keyId[i2]);
    if (v < 0) return void 0;
    bits = bits << 5n | BigInt(v);
  }
  const z = bits >> 2n;
  const account = (z & 0x7fffffffff80n) >> 7n;
  return account.toString().padStart(12, "0");
}

// src/detect/credential-context.ts
var SECRET_ACCESS_KEY_NAMES = {
  kind: "secret-access-key",
  coreSource: "secret",
  normalized: /(?:secret(?:access)?key|awssecret(?:access)?|s3secret)\d*$/
};
var SESSION_TOKEN_NAMES = {
  kind: "session-token",
  coreSource: "(?:session|security)[-_. ]?token",
  normalized: /(?:session|security)token\d*$/
};
var ACCESS_KEY_ID_NAMES = {
  kind: "access-key-id",
  coreSource: "access[-_.]?key",
  // Not `…secretaccesskey`, which ends the same way.
  normalized: /(?<!secret)accesskey(?:id)?\d*$/
};
var CREDENTIAL_NAME_SETS = [SECRET_ACCESS_KEY_NAMES, SESSION_TOKEN_NAMES, ACCESS_KEY_ID_NAMES];
function normalizeCredentialName(name2) {
  return name2.toLowerCase().replace(/[^a-z0-9]/g, "");
}
function isCredentialName(name2, set) {
  return set.normalized.test(normalizeCredentialName(name2));
}
var NAME_CHAR = /[A-Za-z0-9_.$-]/;
var QUOTE_CHARS = "\"'`";
var SUBSCRIPT_CLOSE = /[ \t]*\]/y;
var PAIR_VALUE = /[ \t]*[,;]?[ \t]*(?:\r?\n[ \t]*-?[ \t]*)?["']?(?:value|Value|VALUE|ParameterValue|OptionValue|defaultValue)["']?[ \t]*[:=][ \t]*/y;
var TYPED_ASSIGNMENT = /[ \t]*:[ \t]*[A-Za-z_][\w.<>?|&[\]]*[ \t]*=(?![=>])[ \t]*/y;
var AUTO_PROPERTY = /[ \t]*\{[ \t]*get;[^}\n]*\}[ \t]*=[ \t]*/y;
var ASSIGNMENT = /[ \t]*(?:=>|:=|<-|\?\?=|\|\|=|=(?!=)|:(?![:=]))[ \t]*/y;
var CALL_COMMA = /[ \t]*,[ \t]*/y;
var XML_CLOSE = /(?:[ \t]+[^<>\n]*)?>[ \t]*/y;
var WHITESPACE = /[ \t]+(?=[^\s=:,;)\]}>#])/y;
var BARE_VALUE = /(?:\$\{[^}\n]*\}|\$\([^)\n]*\)|\{\{[^}\n]*\}\}|[^\s"'`,;)}\]<>&|\\])+/y;
function stickyMatch(re, text, at) {
  re.lastIndex = at;
  return re.exec(text);
}
function readValue(text, at, untilLessThan) {
  let p = at;
  if (/[@rRbBfFuU]/.test(text[p] ?? "") && QUOTE_CHARS.includes(text[p + 1] ?? "")) p++;
  if (text[p] === "\\" && (text[p + 1] === '"' || text[p + 1] === "'")) {
    const m2 = stickyMatch(BARE_VALUE, text, p + 2);
    if (!m2) return void 0;
    return { value: m2[0], start: p + 2, end: p + 2 + m2[0].length, quote: text[p + 1] };
  }
  const ch = text[p] ?? "";
  if (QUOTE_CHARS.includes(ch)) {
    const close = text.indexOf(ch, p + 1);
    if (close === -1) return void 0;
    const newline = text.indexOf("\n", p + 1);
    if (newline !== -1 && newline < close) return void 0;
    let s = p + 1;
    let e = close;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    return { value: text.slice(s, e), start: s, end: e, quote: ch };
  }
  if (untilLessThan) {
    const lt = text.indexOf("<", p);
    const nl = text.indexOf("\n", p);
    if (lt === -1 || nl !== -1 && nl < lt) return void 0;
    let e = lt;
    while (e > p && /\s/.test(text[e - 1])) e--;
    return { value: text.slice(p, e), start: p, end: e, quote: "" };
  }
  const m = stickyMatch(BARE_VALUE, text, p);
  if (!m) return { value: "", start: p, end: p, quote: "" };
  return { value: m[0], start: p, end: p + m[0].length, quote: "" };
}
function findCredentialAssignments(text, sets, options = {}) {
  const from = options.from ?? 0;
  const to = options.to ?? text.length;
  const core = new RegExp(sets.map((s) => `(?:${s.coreSource})`).join("|"), "gi");
  core.lastIndex = from;
  const out2 = [];
  let lastNameEnd = -1;
  for (let hit = core.exec(text); hit !== null && hit.index < to; hit = core.exec(text)) {
    let nameStart = hit.index;
    while (nameStart > 0 && NAME_CHAR.test(text[nameStart - 1])) nameStart--;
    let nameEnd = hit.index + hit[0].length;
    while (nameEnd < text.length && NAME_CHAR.test(text[nameEnd])) nameEnd++;
    if (nameEnd <= lastNameEnd) continue;
    lastNameEnd = nameEnd;
    core.lastIndex = nameEnd;
    while (nameEnd > nameStart && /[.-]/.test(text[nameEnd - 1])) nameEnd--;
    const name2 = text.slice(nameStart, nameEnd);
    const normalized = normalizeCredentialName(name2);
    const set = sets.find((s) => s.normalized.test(normalized));
    if (!set) continue;
    const found = readAssignment(text, nameStart, nameEnd);
    if (!found) continue;
    out2.push({ kind: set.kind, name: name2, nameStart, nameEnd, ...found });
  }
  return out2;
}
function readAssignment(text, nameStart, nameEnd) {
  const before = text[nameStart - 1] ?? "";
  let p = nameEnd;
  const quoted = QUOTE_CHARS.includes(before) && text[p] === before;
  if (quoted) p++;
  const result = (v, syntax) => v ? { value: v.value, valueStart: v.start, valueEnd: v.end, quote: v.quote, syntax } : void 0;
  let m = stickyMatch(PAIR_VALUE, text, p);
  if (m) {
    const v = readValue(text, p + m[0].length, false);
    if (v && v.value) return result(v, "name-value-pair");
  }
  if (quoted) {
    const sub = stickyMatch(SUBSCRIPT_CLOSE, text, p);
    if (sub) p += sub[0].length;
  }
  if (before === "<" || quoted && text[p] === ">") {
    m = stickyMatch(XML_CLOSE, text, p);
    if (m) return result(readValue(text, p + m[0].length, true), "xml");
  }
  m = stickyMatch(TYPED_ASSIGNMENT, text, p) ?? stickyMatch(AUTO_PROPERTY, text, p) ?? stickyMatch(ASSIGNMENT, text, p);
  if (m) return result(readValue(text, p + m[0].length, false), "assignment");
  if (quoted) {
    m = stickyMatch(CALL_COMMA, text, p);
    if (m) return result(readValue(text, p + m[0].length, false), "call-argument");
    return void 0;
  }
  m = stickyMatch(WHITESPACE, text, p);
  if (m) return result(readValue(text, p + m[0].length, false), "whitespace");
  return void 0;
}
var SECRET_ACCESS_KEY_CANDIDATE_SOURCE = "(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])";
function secretAccessKeyCandidatePattern() {
  return new RegExp(SECRET_ACCESS_KEY_CANDIDATE_SOURCE, "g");
}
var PAIRING_LINE_DISTANCE = 5;
function lineWindowStart(text, offset, lines) {
  let p = offset;
  for (let n = 0; n <= lines; n++) {
    const nl = text.lastIndexOf("\n", p - 1);
    if (nl === -1) return 0;
    p = nl;
  }
  return p + 1;
}
function lineWindowEnd(text, offset, lines) {
  let p = offset;
  for (let n = 0; n <= lines; n++) {
    const nl = text.indexOf("\n", p);
    if (nl === -1) return text.length;
    p = nl + 1;
  }
  return p - 1;
}
function secretCandidatesNear(text, offset, accept, lines = PAIRING_LINE_DISTANCE) {
  const from = lineWindowStart(text, offset, lines);
  const to = lineWindowEnd(text, offset, lines);
  const re = secretAccessKeyCandidatePattern();
  const window2 = text.slice(from, to);
  const out2 = [];
  for (const m of window2.matchAll(re)) {
    if (accept(m[0])) out2.push({ value: m[0], start: from + m.index, end: from + m.index + 40 });
  }
  return out2;
}
function nearestByLine(items, line, distance = PAIRING_LINE_DISTANCE) {
  let best;
  for (const item of items) {
    const d = Math.abs(item.line - line);
    if (d <= distance && (!best || d < Math.abs(best.line - line))) best = item;
  }
  return best;
}
function findKeyIds(text, lineOf) {
  const out2 = [];
  for (const m of text.matchAll(accessKeyIdPattern())) {
    const id = m[0];
    if (isImplausibleKeyId(id)) continue;
    out2.push({ value: id, start: m.index, end: m.index + id.length, line: lineOf(m.index), account: decodeAccountId(id) });
  }
  return out2;
}
function accountListing(account, settings) {
  if (account === void 0) return "none";
  if (settings.denyAccountIds.includes(account)) return "deny";
  if (settings.allowAccountIds.includes(account)) return "allow";
  return "none";
}
function acceptSecretValue(value, line, keyIds, settings, checks) {
  if (!checks.looksLike(value) || isPlaceholder(value)) return false;
  const pair = nearestByLine(keyIds, line);
  const listing = accountListing(pair?.account, settings);
  if (listing === "allow") return false;
  if (listing !== "deny" && checks.isExample(value)) return false;
  return { pair };
}
var SharedKeywords = class extends RegExp {
  #lastText;
  #lastResult = false;
  #inner;
  constructor(source, flags2 = "") {
    super(source, flags2);
    this.#inner = new RegExp(source, flags2);
  }
  test(text) {
    if (text === this.#lastText) return this.#lastResult;
    this.#lastResult = this.#inner.test(text);
    this.#lastText = text;
    return this.#lastResult;
  }
};
var AnyKeywords = class extends RegExp {
  #parts;
  constructor(parts2) {
    super(parts2.map((p) => `(?:${p.source})`).join("|"), "i");
    this.#parts = parts2;
  }
  test(text) {
    return this.#parts.some((p) => p.test(text));
  }
};
var KEY_LITERAL_KEYWORDS = new SharedKeywords("A(?:KIA|SIA|BIA|CCA|3T|QoD)|IQoJ|FwoG");
var CREDENTIAL_NAME_KEYWORDS = new SharedKeywords(
  CREDENTIAL_NAME_SETS.map((s) => s.coreSource).join("|"),
  "i"
);
var CREDENTIAL_KEYWORDS = new AnyKeywords([KEY_LITERAL_KEYWORDS, CREDENTIAL_NAME_KEYWORDS]);
var scans = /* @__PURE__ */ new WeakMap();
function credentialScan(document2) {
  let scan = scans.get(document2);
  if (!scan) {
    const { text } = document2;
    scan = {
      // Both pre-filters are memoised per text: when a rule's keyword test already ran them
      // on this document, these checks are free, and each skips a whole-text scan when it fails.
      assignments: CREDENTIAL_NAME_KEYWORDS.test(text) ? findCredentialAssignments(text, CREDENTIAL_NAME_SETS) : [],
      keyIds: KEY_LITERAL_KEYWORDS.test(text) ? findKeyIds(text, (offset) => document2.lines.lineOf(offset)) : []
    };
    scans.set(document2, scan);
  }
  return scan;
}

// rules/no-committed-credentials-file.ts
var SHARED_FILE_KEYS = /* @__PURE__ */ new Set(["awsaccesskeyid", "awssecretaccesskey", "awssessiontoken", "awssecuritytoken"]);
var S3CMD_KEYS = /* @__PURE__ */ new Set(["accesskey", "secretkey"]);
var DOTENV_KEYS = /* @__PURE__ */ new Set(["awsaccesskeyid", "awssecretaccesskey"]);
var SECTION_SOURCE = "^[ \\t]*\\[([^\\]\\r\\n]+)\\][ \\t]*\\r?$";
var sectionPattern = () => new RegExp(SECTION_SOURCE, "gm");
var INI_LINE = /^[ \t]*(?:\[[^\]\r\n]+\]|[\w.\- ]+[ \t]*[=:].*|[#;].*)?\r?$/;
var S3CMD_MARKER = /^[ \t]*(?:host_base|host_bucket|signature_v2|gpg_command)[ \t]*=/m;
var INI_AWS_KEY_LINE = /^[ \t]*aws_(?:access_key_id|secret_access_key)[ \t]*[=:]/m;
var CONSOLE_CSV_HEADER = /^\uFEFF?[ \t]*(?:"?User name"?[ \t]*,[ \t]*(?:"?Password"?[ \t]*,[ \t]*)?)?"?Access key ID"?[ \t]*,[ \t]*"?Secret access key"?/i;
var SECRET_KIND = {
  "access-key-id": "access-key-id",
  "secret-access-key": "secret-access-key",
  "session-token": "session-token"
};
function lineStartOf(text, offset) {
  return text.lastIndexOf("\n", offset - 1) + 1;
}
function isLiteral(a) {
  return a.value.length > 0 && !isPlaceholder(a.value);
}
function looksLikeIni(text) {
  if (!sectionPattern().test(text) || !INI_AWS_KEY_LINE.test(text)) return false;
  let meaningful = 0;
  let ini = 0;
  for (const line of text.split("\n", 5e3)) {
    if (line.trim() === "") continue;
    meaningful++;
    if (INI_LINE.test(line)) ini++;
  }
  return meaningful > 0 && ini / meaningful >= 0.8;
}
function splitCsvLine(line, lineStart) {
  const cells = [];
  let pos = 0;
  for (const raw of line.split(",")) {
    let s = pos;
    let e = pos + raw.length;
    while (s < e && /[\s"]/.test(line[s])) s++;
    while (e > s && /[\s"]/.test(line[e - 1])) e--;
    cells.push({ value: line.slice(s, e), start: lineStart + s, end: lineStart + e });
    pos += raw.length + 1;
  }
  return cells;
}
var no_committed_credentials_file_default = defineRule({
  id: "no-committed-credentials-file",
  description: "Disallow committing AWS credentials files, console access key downloads and dotenv files with AWS keys",
  fullDescription: "An AWS shared credentials or config file with keys (whatever its name), an .s3cfg or .boto with keys, the CSV the IAM console offers when an access key is created, or a dotenv file that sets AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY to literal values does not belong in a repository: every clone, fork, CI cache and backup then holds a working key pair. This rule reports the practice, so it fires even on the AWS documentation example keys.",
  severity: "error",
  securitySeverity: 9,
  precision: "very-high",
  cwe: ["CWE-798", "CWE-538"],
  tags: ["security", "secrets", "aws"],
  // `shell` for direnv's `.envrc`: a committed file of exports loaded into every shell in the directory.
  kinds: ["aws-config", "text", "dotenv", "shell"],
  // Shared with the other credential rules: one scan per document.
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    credentialsFile: "AWS credentials file with static keys for {{profiles}} is committed; deactivate the keys, delete the file from the repository and its history, and keep credentials in ~/.aws outside any checkout",
    accessKeyCsv: "IAM console access key download ({{users}}) is committed; deactivate the key pair and delete the file from the repository and its history",
    dotenv: "dotenv file sets {{variables}} to literal values; deactivate the keys, remove them and let the SDK use an IAM role or a profile outside the repository"
  },
  recommendation: [
    "Deactivate the key pair in IAM first (a committed key must be treated as leaked), then delete the file and purge it ",
    "from history (`git filter-repo`, BFG). Add the file name to `.gitignore`. ",
    "Keep personal credentials in `~/.aws/credentials` outside any checkout \u2014 better, use `aws sso login` or a `credential_process` \u2014 ",
    "and give workloads an IAM role. For dotenv files, commit a `.env.example` with empty values or `${VAR}` references instead."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document: document2 } = context;
    if (document2.kind === "dotenv" || document2.kind === "shell" && !document2.host && /(?:^|\/)\.envrc$/i.test(document2.path)) {
      return checkDotenv(document2, context.report);
    }
    if (document2.kind === "shell") return;
    const { text } = document2;
    if (CONSOLE_CSV_HEADER.test(text.trimStart())) return checkConsoleCsv(text, context.report);
    if (document2.kind === "aws-config" || looksLikeIni(text)) return checkIni(document2, context.report);
  }
});
function secretRanges(assignments) {
  return assignments.map((a) => ({ start: a.valueStart, end: a.valueEnd, kind: SECRET_KIND[a.kind] }));
}
function checkIni(document2, report2) {
  const { text } = document2;
  const s3cmd = S3CMD_MARKER.test(text) || /(?:^|\/)\.?s3cfg$/i.test(document2.path);
  const keys = credentialScan(document2).assignments.filter((a) => {
    if (a.syntax !== "assignment" || !isLiteral(a)) return false;
    if (text.slice(lineStartOf(text, a.nameStart), a.nameStart).trim() !== "") return false;
    const name2 = normalizeCredentialName(a.name);
    return SHARED_FILE_KEYS.has(name2) || s3cmd && S3CMD_KEYS.has(name2);
  });
  const first = keys[0];
  if (!first) return;
  const sections = [...text.matchAll(sectionPattern())].map((m) => ({ label: `[${m[1].trim()}]`, start: m.index }));
  const profiles = [];
  for (const key of keys) {
    let label = "(no section)";
    for (const s of sections) if (s.start < key.nameStart) label = s.label;
    if (!profiles.includes(label)) profiles.push(label);
  }
  report2({
    messageId: "credentialsFile",
    data: { profiles: profiles.join(", ") },
    start: first.valueStart,
    end: first.valueEnd,
    secrets: secretRanges(keys),
    identity: first.value
  });
}
function checkConsoleCsv(text, report2) {
  const lines = text.split("\n");
  let offset = 0;
  let header;
  const rows = [];
  for (const rawLine of lines) {
    const line = rawLine.replace(/\r$/, "");
    const cells = splitCsvLine(line, offset);
    offset += rawLine.length + 1;
    if (line.trim() === "") continue;
    if (!header) {
      header = cells.map((c) => c.value.replace(/^\uFEFF/, "").toLowerCase());
      continue;
    }
    const id = cells[header.indexOf("access key id")];
    const secret = cells[header.indexOf("secret access key")];
    const userIndex = header.indexOf("user name");
    const cell = [id, secret].find((c) => c !== void 0 && c.value.length > 0 && !isPlaceholder(c.value));
    if (!cell) continue;
    const secrets = [];
    if (id?.value) secrets.push({ start: id.start, end: id.end, kind: "access-key-id" });
    if (secret?.value) secrets.push({ start: secret.start, end: secret.end, kind: "secret-access-key" });
    rows.push({ user: userIndex >= 0 ? cells[userIndex]?.value : void 0, cell, secrets });
  }
  const first = rows[0];
  if (!first) return;
  const users = [...new Set(rows.map((r) => r.user).filter((u) => !!u))];
  report2({
    messageId: "accessKeyCsv",
    data: { users: users.length > 0 ? `user ${users.join(", ")}` : `${rows.length} key pair${rows.length === 1 ? "" : "s"}` },
    start: first.cell.start,
    end: first.cell.end,
    secrets: rows.flatMap((r) => r.secrets),
    identity: first.cell.value
  });
}
function checkDotenv(document2, report2) {
  const { text } = document2;
  const keys = credentialScan(document2).assignments.filter((a) => {
    if (a.kind === "session-token") return false;
    if (a.syntax !== "assignment" || !isLiteral(a)) return false;
    if (!DOTENV_KEYS.has(normalizeCredentialName(a.name)) || !/^[A-Z_]+$/.test(a.name)) return false;
    return /^[ \t]*(?:export[ \t]+)?$/.test(text.slice(lineStartOf(text, a.nameStart), a.nameStart));
  });
  const first = keys[0];
  if (!first) return;
  report2({
    messageId: "dotenv",
    data: { variables: [...new Set(keys.map((k) => k.name))].join(" and ") },
    start: first.valueStart,
    end: first.valueEnd,
    secrets: secretRanges(keys),
    identity: first.value
  });
}

// src/parsers/errors.ts
var reported = /* @__PURE__ */ new WeakSet();
function reportParseError(doc, error, what, consequence, notes) {
  if (!notes || !error || reported.has(doc)) return;
  reported.add(doc);
  const pos = doc.lines.position(Math.min(error.offset, doc.text.length));
  notes.push({
    id: "parse-error",
    level: "warning",
    path: doc.path,
    line: pos.line,
    column: pos.column,
    message: `${doc.path}:${pos.line}:${pos.column}: could not ${what} (${error.message}); ${consequence}`
  });
}

// src/parsers/cloudformation.ts
var import_yaml = __toESM(require_dist(), 1);

// src/iac/value.ts
function mapEntry(value, key) {
  if (value?.kind !== "map") return void 0;
  for (let i2 = value.entries.length - 1; i2 >= 0; i2--) {
    const e = value.entries[i2];
    if (e.key === key) return e;
  }
  return void 0;
}
function mapGet(value, key) {
  return mapEntry(value, key)?.value;
}
function getPath(value, path) {
  let current = value;
  for (const step of path) {
    if (current === void 0) return void 0;
    if (typeof step === "number") current = current.kind === "list" ? current.items[step] : void 0;
    else current = mapGet(current, step);
  }
  return current;
}
function knownString(value) {
  if (!value) return void 0;
  if (value.kind === "string") return value.hasPlaceholders ? void 0 : value.value;
  if (value.kind === "number" || value.kind === "bool") return String(value.value);
  return void 0;
}
function asList(value) {
  if (!value) return [];
  if (value.kind === "list") return value.items;
  return [value];
}
function piecesOf(value) {
  return value.pieces ?? [{ text: value.value, start: value.range.start, end: value.range.end, verbatim: false }];
}
function placeholderText(value) {
  if (value.kind === "ref") return `\${${value.target}${value.attribute ? `.${value.attribute}` : ""}}`;
  if (value.kind === "unknown" && value.label) return `\${${value.label}}`;
  return "${\u2026}";
}
function toPlain(value, placeholders = false) {
  if (!value) return void 0;
  switch (value.kind) {
    case "string":
    case "number":
    case "bool":
      return value.value;
    case "null":
      return null;
    case "list":
      return value.items.map((item) => toPlain(item, placeholders));
    case "map": {
      const out2 = {};
      for (const e of value.entries) out2[e.key] = toPlain(e.value, placeholders);
      return out2;
    }
    default:
      return placeholders ? placeholderText(value) : void 0;
  }
}
function valueTokenRange(value) {
  if (value.kind === "string" && value.pieces && value.pieces.length > 0 && !value.fromFile) {
    const first = value.pieces[0];
    const last = value.pieces[value.pieces.length - 1];
    if (first.start >= value.range.start && last.end <= value.range.end && last.end > first.start) return { start: first.start, end: last.end };
  }
  return value.range;
}
function substringRange(value, from, to) {
  let pos = 0;
  let start2;
  let end;
  for (const p of piecesOf(value)) {
    const pEnd = pos + p.text.length;
    if (start2 === void 0 && from < pEnd) start2 = p.verbatim ? p.start + (from - pos) : p.start;
    if (start2 !== void 0 && to <= pEnd) {
      end = p.verbatim ? p.start + (to - pos) : p.end;
      break;
    }
    pos = pEnd;
  }
  if (start2 === void 0) return value.range;
  return { start: start2, end: Math.max(end ?? value.range.end, start2) };
}

// src/parsers/cloudformation.ts
var SHORT_FORMS = {
  "!Ref": "Ref",
  "!Condition": "Condition",
  "!Sub": "Fn::Sub",
  "!GetAtt": "Fn::GetAtt",
  "!Join": "Fn::Join",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!Base64": "Fn::Base64",
  "!If": "Fn::If",
  "!Equals": "Fn::Equals",
  "!Not": "Fn::Not",
  "!And": "Fn::And",
  "!Or": "Fn::Or",
  "!FindInMap": "Fn::FindInMap",
  "!ImportValue": "Fn::ImportValue",
  "!GetAZs": "Fn::GetAZs",
  "!Cidr": "Fn::Cidr",
  "!Transform": "Fn::Transform",
  "!ToJsonString": "Fn::ToJsonString",
  "!Length": "Fn::Length",
  "!ForEach": "Fn::ForEach"
};
var CUSTOM_TAGS = Object.keys(SHORT_FORMS).flatMap((tag) => [
  { tag, resolve: (value) => value },
  { tag, collection: "seq", resolve: (node) => node },
  { tag, collection: "map", resolve: (node) => node }
]);
var PARSE_OPTIONS = { customTags: CUSTOM_TAGS, uniqueKeys: false, strict: false, prettyErrors: false };
function escapeLength(src, j) {
  const c = src[j + 1];
  if (c === "x") return 4;
  if (c === "u") return 6;
  if (c === "U") return 10;
  if (c === "\r" && src[j + 2] === "\n") return 3;
  return 2;
}
function scalarPieces(value, src, start2, end, style) {
  const pieces = [];
  const push = (text, from, to, verbatim) => {
    const last = pieces[pieces.length - 1];
    if (verbatim && last?.verbatim && last.end === from) {
      pieces[pieces.length - 1] = { text: last.text + text, start: last.start, end: to, verbatim: true };
    } else pieces.push({ text, start: from, end: to, verbatim });
  };
  const double = style === import_yaml.Scalar.QUOTE_DOUBLE;
  const single = style === import_yaml.Scalar.QUOTE_SINGLE;
  let i2 = 0;
  let j = start2;
  if ((double || single) && (src[j] === '"' || src[j] === "'")) j++;
  while (i2 < value.length) {
    if (j >= end) {
      push(value.slice(i2), start2, end, false);
      break;
    }
    const c = value[i2];
    const s = src[j];
    if (double && s === "\\") {
      const len = escapeLength(src, j);
      if (src[j + 1] === "\n" || src[j + 1] === "\r") {
        j += len;
        while (j < end && (src[j] === " " || src[j] === "	")) j++;
        continue;
      }
      push(c, j, j + len, false);
      i2 += 1;
      j += len;
      continue;
    }
    if (single && s === "'" && src[j + 1] === "'" && c === "'") {
      push(c, j, j + 2, false);
      i2 += 1;
      j += 2;
      continue;
    }
    if (s === c) {
      push(c, j, j + 1, true);
      i2 += 1;
      j += 1;
      continue;
    }
    if (c === " " && (s === "\n" || s === "\r")) {
      const from = j;
      j += s === "\r" && src[j + 1] === "\n" ? 2 : 1;
      push(c, from, j, false);
      i2 += 1;
      continue;
    }
    j += 1;
  }
  return pieces;
}
function nodeRange(node) {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}
function tagRange(src, tag, node) {
  const start2 = nodeRange(node).start;
  const at = src.lastIndexOf(tag, start2);
  return at >= 0 && start2 - at < 200 ? { start: at, end: at + tag.length } : { start: start2, end: start2 };
}
function convertUntagged(node, ctx, fallback) {
  if (!node) return { kind: "null", range: fallback };
  if ((0, import_yaml.isAlias)(node)) return { kind: "unknown", reason: "unsupported", range: nodeRange(node), label: "YAML alias" };
  if ((0, import_yaml.isScalar)(node)) {
    const range = nodeRange(node);
    const v = node.value;
    if (typeof v === "string") {
      const pieces = scalarPieces(v, ctx.src, range.start, range.end, node.type);
      return { kind: "string", value: v, range, pieces };
    }
    if (typeof v === "number") return { kind: "number", value: v, range };
    if (typeof v === "boolean") return { kind: "bool", value: v, range };
    if (v === null || v === void 0) return { kind: "null", range };
    return { kind: "string", value: String(v), range };
  }
  if ((0, import_yaml.isMap)(node)) {
    const entries = [];
    for (const pair of node.items) {
      if (!(0, import_yaml.isPair)(pair)) continue;
      const keyNode = pair.key;
      const key = keyNode && (0, import_yaml.isScalar)(keyNode) ? String(keyNode.value) : "";
      const keyRange = keyNode ? nodeRange(keyNode) : fallback;
      entries.push({ key, keyRange, value: convert(pair.value, ctx, { start: keyRange.end, end: keyRange.end }) });
    }
    const map = { kind: "map", entries, range: nodeRange(node) };
    return ctx.intrinsics ? evaluateIntrinsic(map, ctx) : map;
  }
  if ((0, import_yaml.isSeq)(node)) {
    return { kind: "list", items: node.items.map((item) => convert(item, ctx, nodeRange(node))), range: nodeRange(node) };
  }
  return { kind: "unknown", reason: "unsupported", range: fallback };
}
function convert(node, ctx, fallback) {
  const tag = node?.tag;
  if (node && tag && ctx.intrinsics && SHORT_FORMS[tag]) {
    const inner = convertUntagged(node, ctx, fallback);
    const range = nodeRange(node);
    const tr = tagRange(ctx.src, tag, node);
    const map = { kind: "map", entries: [{ key: SHORT_FORMS[tag], keyRange: tr, value: inner }], range: { start: tr.start, end: range.end } };
    return evaluateIntrinsic(map, ctx);
  }
  return convertUntagged(node, ctx, fallback);
}
var PLACEHOLDER_IN_SUB = /\$\{(?!!)[^}]*\}/;
function evaluateIntrinsic(map, ctx) {
  if (map.entries.length !== 1) return map;
  const { key, value: arg } = map.entries[0];
  const range = map.range;
  switch (key) {
    case "Ref": {
      const target = knownString(arg);
      return target === void 0 ? { kind: "unknown", reason: "dynamic", range, label: "Ref" } : { kind: "ref", target, range };
    }
    case "Fn::GetAtt": {
      if (arg.kind === "string") {
        const dot = arg.value.indexOf(".");
        if (dot > 0) return { kind: "ref", target: arg.value.slice(0, dot), attribute: arg.value.slice(dot + 1), range };
      }
      if (arg.kind === "list") {
        const target = knownString(arg.items[0]);
        const attribute = knownString(arg.items[1]);
        if (target !== void 0 && attribute !== void 0) return { kind: "ref", target, attribute, range };
      }
      return { kind: "unknown", reason: "dynamic", range, label: "Fn::GetAtt" };
    }
    case "Fn::Sub": {
      const template = arg.kind === "list" ? arg.items[0] : arg;
      if (template?.kind !== "string") return { kind: "unknown", reason: "dynamic", range, label: "Fn::Sub" };
      return { ...template, range, hasPlaceholders: PLACEHOLDER_IN_SUB.test(template.value) };
    }
    case "Fn::Base64":
      return arg.kind === "string" ? { ...arg, range } : arg.kind === "unknown" || arg.kind === "ref" ? { ...arg, range } : { kind: "unknown", reason: "dynamic", range, label: "Fn::Base64" };
    case "Fn::Join":
      return evaluateJoin(arg, range);
    case "Fn::ToJsonString": {
      if (arg.kind !== "map" && arg.kind !== "list") return { kind: "unknown", reason: "dynamic", range, label: "Fn::ToJsonString" };
      return { kind: "string", value: JSON.stringify(toPlain(arg, true)), range, encoded: arg, hasPlaceholders: true };
    }
    case "Fn::ImportValue":
      return { kind: "unknown", reason: "external", range, label: "Fn::ImportValue" };
    case "Fn::If":
    case "Fn::Select":
    case "Fn::Split":
    case "Fn::FindInMap":
    case "Fn::GetAZs":
    case "Fn::Cidr":
    case "Fn::Transform":
    case "Fn::Length":
    case "Fn::Equals":
    case "Fn::Not":
    case "Fn::And":
    case "Fn::Or":
    case "Fn::ForEach":
      return { kind: "unknown", reason: "dynamic", range, label: key };
    default:
      void ctx;
      return map;
  }
}
function evaluateJoin(arg, range) {
  if (arg.kind !== "list" || arg.items.length !== 2) return { kind: "unknown", reason: "dynamic", range, label: "Fn::Join" };
  const [delimNode, partsNode] = arg.items;
  const delim = knownString(delimNode);
  if (delim === void 0 || partsNode.kind !== "list") return { kind: "unknown", reason: "dynamic", range, label: "Fn::Join" };
  const pieces = [];
  let value = "";
  let hasPlaceholders = false;
  partsNode.items.forEach((part, index) => {
    if (index > 0 && delim.length > 0) {
      pieces.push({ text: delim, start: delimNode.range.start, end: delimNode.range.end, verbatim: false });
      value += delim;
    }
    if (part.kind === "string") {
      pieces.push(...part.pieces ?? [{ text: part.value, start: part.range.start, end: part.range.end, verbatim: false }]);
      value += part.value;
      if (part.hasPlaceholders) hasPlaceholders = true;
    } else if (part.kind === "number" || part.kind === "bool") {
      const text = String(part.value);
      pieces.push({ text, start: part.range.start, end: part.range.end, verbatim: false });
      value += text;
    } else {
      const text = placeholderText(part);
      pieces.push({ text, start: part.range.start, end: part.range.end, verbatim: false });
      value += text;
      hasPlaceholders = true;
    }
  });
  return { kind: "string", value, range, pieces, hasPlaceholders };
}
function unquoted(value) {
  if (value.kind === "string" && value.pieces?.length === 1 && value.pieces[0].verbatim) return { start: value.pieces[0].start, end: value.pieces[0].end };
  return value.range;
}
function buildTemplate(root, errors) {
  const resources = [];
  const resourcesSection = mapGet(root, "Resources");
  if (resourcesSection?.kind === "map") {
    for (const entry of resourcesSection.entries) {
      if (entry.value.kind !== "map") continue;
      const typeEntry = mapEntry(entry.value, "Type");
      const type = typeEntry?.value.kind === "string" ? typeEntry.value.value : "";
      const properties = mapGet(entry.value, "Properties");
      resources.push({
        logicalId: entry.key,
        idRange: entry.keyRange,
        type,
        typeRange: typeEntry ? unquoted(typeEntry.value) : entry.keyRange,
        node: entry.value,
        ...properties?.kind === "map" ? { properties } : {},
        ...mapGet(entry.value, "Metadata") ? { metadata: mapGet(entry.value, "Metadata") } : {}
      });
    }
  }
  const parameters = /* @__PURE__ */ new Map();
  const parametersSection = mapGet(root, "Parameters");
  if (parametersSection?.kind === "map") {
    for (const entry of parametersSection.entries) {
      const noEcho = knownString(mapGet(entry.value, "NoEcho"));
      const def = mapGet(entry.value, "Default");
      const type = knownString(mapGet(entry.value, "Type"));
      parameters.set(entry.key, {
        name: entry.key,
        nameRange: entry.keyRange,
        node: entry.value,
        ...type !== void 0 ? { type } : {},
        ...def ? { default: def } : {},
        noEcho: noEcho?.toLowerCase() === "true"
      });
    }
  }
  const outputs = [];
  const outputsSection = mapGet(root, "Outputs");
  if (outputsSection?.kind === "map") {
    for (const entry of outputsSection.entries) {
      const value = mapGet(entry.value, "Value");
      outputs.push({ name: entry.key, nameRange: entry.keyRange, ...value ? { value } : {} });
    }
  }
  const transform = mapGet(root, "Transform");
  const transforms = transform?.kind === "list" ? transform.items : transform ? [transform] : [];
  const isSam = transforms.some((t) => knownString(t)?.startsWith("AWS::Serverless") === true);
  return {
    root,
    resources,
    resourcesById: new Map(resources.map((r) => [r.logicalId, r])),
    parameters,
    outputs,
    isSam,
    errors
  };
}
var templates = /* @__PURE__ */ new WeakMap();
function parseCloudFormation(doc, notes) {
  const cached = templates.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let template = null;
  try {
    const parsed = (0, import_yaml.parseDocument)(doc.text, PARSE_OPTIONS);
    const errors = parsed.errors.map((e) => ({ message: e.message.split("\n")[0], offset: e.pos[0] }));
    const root = convert(parsed.contents, { src: doc.text, intrinsics: true }, { start: 0, end: 0 });
    if (root.kind === "map") template = buildTemplate(root, errors);
    if (errors.length > 0) reportParseErrors(doc, "CloudFormation template", errors, notes);
  } catch (error) {
    reportParseErrors(doc, "CloudFormation template", [{ message: error.message, offset: 0 }], notes);
  }
  templates.set(doc, template);
  return template ?? void 0;
}
var yamlTrees = /* @__PURE__ */ new WeakMap();
function parseYamlDocuments(doc, notes) {
  const cached = yamlTrees.get(doc);
  if (cached) return cached;
  const out2 = [];
  try {
    const docs = (0, import_yaml.parseAllDocuments)(doc.text, PARSE_OPTIONS);
    const list = Array.isArray(docs) ? docs : [];
    const errors = [];
    for (const d of list) {
      errors.push(...d.errors.map((e) => ({ message: e.message.split("\n")[0], offset: e.pos[0] })));
      if (d.contents) out2.push(convert(d.contents, { src: doc.text, intrinsics: false }, { start: 0, end: 0 }));
    }
    if (errors.length > 0) reportParseErrors(doc, doc.language === "json" ? "JSON" : "YAML", errors, notes);
  } catch (error) {
    reportParseErrors(doc, "YAML", [{ message: error.message, offset: 0 }], notes);
  }
  yamlTrees.set(doc, out2);
  return out2;
}
function reportParseErrors(doc, what, errors, notes) {
  reportParseError(doc, errors[0], `parse the ${what}`, "only text-based rules checked it", notes);
}
function notifyCloudFormationErrors(doc, notes) {
  if (!templates.has(doc)) return;
  const template = parseCloudFormation(doc, notes);
  if (template && template.errors.length > 0) reportParseErrors(doc, "CloudFormation template", template.errors, notes);
  if (!template) reportParseErrors(doc, "CloudFormation template", [{ message: "the document is not a mapping", offset: 0 }], notes);
}

// src/parsers/terraform.ts
import { existsSync as existsSync2, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname as dirname2, join as join2, resolve as resolvePath } from "node:path";
function rangeOf(node) {
  return { start: node.startIndex, end: node.endIndex };
}
function named(node) {
  return node.namedChildren.filter((c) => c !== null);
}
function labelOf(node) {
  if (node.type === "string_lit") {
    const inner = named(node).find((c) => c.type === "template_literal");
    return { value: inner?.text ?? "", range: inner ? rangeOf(inner) : { start: node.startIndex + 1, end: node.startIndex + 1 } };
  }
  return { value: node.text, range: rangeOf(node) };
}
function hclBlock(node, file) {
  const children = named(node);
  const typeNode = children[0];
  const labels = children.slice(1).filter((c) => c.type === "string_lit" || c.type === "identifier").map(labelOf);
  const body2 = children.find((c) => c.type === "body");
  let attrs;
  let nested;
  const load = () => {
    if (attrs) return;
    attrs = [];
    nested = [];
    for (const child of body2 ? named(body2) : []) {
      if (child.type === "attribute") {
        const id = named(child)[0];
        const expr = named(child).find((c) => c.type === "expression");
        if (!expr) continue;
        let cached;
        const f = file;
        attrs.push({
          name: id.text,
          nameRange: rangeOf(id),
          range: rangeOf(expr),
          node: expr,
          source: () => expr.text,
          value: () => cached ??= evaluate(expr, scopeOf(f()), 0)
        });
      } else if (child.type === "block") nested.push(hclBlock(child, file));
    }
  };
  return {
    type: typeNode.text,
    typeRange: rangeOf(typeNode),
    labels,
    range: rangeOf(node),
    get file() {
      return file();
    },
    attributes: () => (load(), attrs),
    attribute: (name2) => (load(), attrs.find((a) => a.name === name2)),
    blocks: (type) => (load(), type === void 0 ? nested : nested.filter((b) => b.type === type))
  };
}
function parseHcl(text, path, dir, document2) {
  const tree = getParser("terraform").parse(text);
  const errors = [];
  let file;
  const getFile = () => file;
  const blocks = [];
  if (tree) {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = findError(root);
      const what = bad && bad.type !== "ERROR" ? `missing ${bad.type}` : "unexpected input";
      errors.push({ message: `syntax error (${what})`, offset: bad?.startIndex ?? 0 });
    }
    const body2 = named(root).find((c) => c.type === "body");
    for (const child of body2 ? named(body2) : []) if (child.type === "block") blocks.push(hclBlock(child, getFile));
  } else errors.push({ message: "the parser gave up", offset: 0 });
  file = { path, text, syntax: "hcl", blocks, ...document2 ? { document: document2 } : {}, ...dir ? { dir } : {}, errors };
  return { file, tree };
}
function findError(node) {
  if (node.type === "ERROR" || node.isMissing) return node;
  for (const child of node.children) {
    if (child && child.hasError) {
      const found = findError(child);
      if (found) return found;
    }
  }
  return node.hasError ? node : void 0;
}
var JSON_SINGLE_REF = /^\$\{\s*([A-Za-z_][\w-]*(?:\.[A-Za-z_*][\w-]*|\[\d+\])*)\s*\}$/;
function jsonValue(value, file) {
  if (value.kind === "string") {
    const m = JSON_SINGLE_REF.exec(value.value);
    if (m) return resolveTraversal(m[1].replace(/\[\d+\]/g, "").split("."), value.range, scopeOf(file()), 0);
    return value.value.includes("${") ? { ...value, hasPlaceholders: true } : value;
  }
  if (value.kind === "list") return { ...value, items: value.items.map((v) => jsonValue(v, file)) };
  if (value.kind === "map") return { ...value, entries: value.entries.map((e) => ({ ...e, value: jsonValue(e.value, file) })) };
  return value;
}
function jsonBlocksOf(type, typeRange, labelDepth, value, file, labels = []) {
  const bodies = value.kind === "list" ? value.items : [value];
  const out2 = [];
  for (const body2 of bodies) {
    if (body2.kind !== "map") continue;
    if (labelDepth > 0) {
      for (const e of body2.entries) out2.push(...jsonBlocksOf(type, typeRange, labelDepth - 1, e.value, file, [...labels, { value: e.key, range: e.keyRange }]));
      continue;
    }
    out2.push(jsonBlock(type, typeRange, labels, body2, file));
  }
  return out2;
}
var JSON_NESTED_BLOCKS = /* @__PURE__ */ new Set([
  "metadata_options",
  "provisioner",
  "launch_template",
  "iam_instance_profile",
  "environment",
  "inline_policy",
  "statement",
  "principals",
  "condition",
  "assume_role",
  "mixed_instances_policy",
  "launch_template_specification",
  "launch_specification",
  "root_block_device",
  "backend",
  "connection",
  "variables",
  "override",
  "dynamic",
  "content",
  "launch_template_config",
  "setting"
]);
function jsonBlock(type, typeRange, labels, body2, file) {
  const attrs = [];
  const nested = [];
  for (const e of body2.entries) {
    const isBlock2 = JSON_NESTED_BLOCKS.has(e.key) && (e.value.kind === "map" || e.value.kind === "list" && e.value.items.every((i2) => i2.kind === "map"));
    if (isBlock2 && !(e.key === "variables" && type === "environment")) {
      const depth = e.key === "provisioner" || e.key === "backend" || e.key === "dynamic" ? 1 : 0;
      nested.push(...jsonBlocksOf(e.key, e.keyRange, depth, e.value, file));
    }
    let cached;
    attrs.push({ name: e.key, nameRange: e.keyRange, range: e.value.range, source: () => file().text.slice(e.value.range.start, e.value.range.end), value: () => cached ??= jsonValue(e.value, file) });
  }
  return {
    type,
    typeRange,
    labels,
    range: body2.range,
    get file() {
      return file();
    },
    attributes: () => attrs,
    attribute: (name2) => attrs.find((a) => a.name === name2),
    blocks: (t) => t === void 0 ? nested : nested.filter((b) => b.type === t)
  };
}
var JSON_TOP_LEVEL_LABELS = {
  resource: 2,
  data: 2,
  provider: 1,
  variable: 1,
  output: 1,
  module: 1,
  locals: 0,
  terraform: 0
};
function parseTfJson(document2, text, path, dir) {
  let file;
  const getFile = () => file;
  const doc = document2 ?? pseudoDocument(path, text);
  const roots = parseYamlDocuments(doc);
  const root = roots[0];
  const blocks = [];
  if (root?.kind === "map") {
    for (const e of root.entries) {
      const depth = JSON_TOP_LEVEL_LABELS[e.key];
      if (depth === void 0) continue;
      blocks.push(...jsonBlocksOf(e.key, e.keyRange, depth, e.value, getFile));
    }
  }
  file = { path, text, syntax: "json", blocks, ...document2 ? { document: document2 } : {}, ...dir ? { dir } : {}, errors: root ? [] : [{ message: "not a JSON object", offset: 0 }] };
  return file;
}
function pseudoDocument(path, text) {
  return { path, kind: "terraform", language: "json", text, lines: { position: () => ({ line: 1, column: 1 }) }, bootstrap: false, depth: 0 };
}
var files = /* @__PURE__ */ new WeakMap();
function isTerraformJsonPath(path) {
  return /\.(?:tf|tofu)\.json$/i.test(path);
}
function isTerraformParsed(doc) {
  return files.has(doc);
}
function parseTerraform(doc, notes) {
  let file = files.get(doc);
  if (!file) {
    const dir = doc.absPath ? dirname2(doc.absPath) : void 0;
    const path = doc.absPath ?? doc.path;
    if (isTerraformJsonPath(doc.path)) file = parseTfJson(doc, doc.text, path, dir);
    else {
      const parsed = parseHcl(doc.text, path, dir, doc);
      file = parsed.file;
      if (!(doc.depth === 0 && doc.absPath && dir && adoptIntoModuleCache(dir, doc.absPath, parsed))) {
        const tree = parsed.tree;
        if (tree) onScanEnd(() => tree.delete());
      }
    }
    files.set(doc, file);
  }
  reportParseError(doc, file.errors[0], "fully parse the Terraform file", "the readable blocks were still checked", notes);
  return file;
}
var moduleCache;
var MAX_SIBLING_BYTES = 4 * 1024 * 1024;
function moduleCacheFor(dir) {
  if (moduleCache?.dir !== dir) {
    for (const entry of moduleCache?.files.values() ?? []) entry.tree?.delete();
    moduleCache = { dir, files: /* @__PURE__ */ new Map() };
  }
  return moduleCache.files;
}
function statStamp(full) {
  try {
    const s = statSync(full);
    return { stamp: `${s.size}:${s.mtimeMs}`, size: s.size };
  } catch {
    return void 0;
  }
}
function adoptIntoModuleCache(dir, absPath, parsed) {
  const st = statStamp(absPath);
  if (!st) return false;
  const cache4 = moduleCacheFor(dir);
  const name2 = absPath.slice(absPath.lastIndexOf("/") + 1);
  cache4.get(name2)?.tree?.delete();
  cache4.set(name2, { stamp: st.stamp, file: parsed.file, tree: parsed.tree });
  return true;
}
function siblingFiles(dir, exclude) {
  let names;
  try {
    names = readdirSync(dir).filter((n) => /\.(?:tf|tofu)(?:\.json)?$/i.test(n)).sort();
  } catch {
    return [];
  }
  const excluded = resolvePath(exclude);
  const cache4 = moduleCacheFor(dir);
  const out2 = [];
  let total = 0;
  for (const name2 of names) {
    const full = join2(dir, name2);
    if (resolvePath(full) === excluded) continue;
    const st = statStamp(full);
    if (!st) continue;
    total += st.size;
    if (total > MAX_SIBLING_BYTES) break;
    const cached = cache4.get(name2);
    if (cached && cached.stamp === st.stamp) {
      out2.push(cached.file);
      continue;
    }
    try {
      const text = readFileSync(full, "utf8");
      cached?.tree?.delete();
      const parsed = isTerraformJsonPath(name2) ? { file: parseTfJson(void 0, text, full, dir), tree: null } : parseHcl(text, full, dir, void 0);
      cache4.set(name2, { stamp: st.stamp, file: parsed.file, tree: parsed.tree });
      out2.push(parsed.file);
    } catch {
    }
  }
  return out2;
}
var modules = /* @__PURE__ */ new WeakMap();
function moduleOf(file) {
  let mod = modules.get(file);
  if (mod) return mod;
  const all = [file, ...file.dir && file.document ? siblingFiles(file.dir, file.path) : []];
  const variables = /* @__PURE__ */ new Map();
  const locals = /* @__PURE__ */ new Map();
  const resources = /* @__PURE__ */ new Map();
  const data = /* @__PURE__ */ new Map();
  for (const f of [...all].reverse()) {
    for (const b of f.blocks) {
      const [l0, l1] = b.labels;
      if (b.type === "variable" && l0) variables.set(l0.value, b);
      else if (b.type === "locals") for (const a of b.attributes()) locals.set(a.name, a);
      else if (b.type === "resource" && l0 && l1) resources.set(`${l0.value}.${l1.value}`, b);
      else if (b.type === "data" && l0 && l1) data.set(`${l0.value}.${l1.value}`, b);
    }
  }
  mod = { ...file.dir ? { dir: file.dir } : {}, files: all, variables, locals, resources, data };
  modules.set(file, mod);
  return mod;
}
function scopeOf(file) {
  return { file };
}
var MAX_DEPTH = 24;
function unknown(range, reason, label) {
  return { kind: "unknown", reason, range, ...label ? { label } : {} };
}
function reanchor(value, range, sameFile) {
  if (sameFile) return { ...value, range };
  switch (value.kind) {
    case "string":
      return { kind: "string", value: value.value, range, pieces: [{ text: value.value, start: range.start, end: range.end, verbatim: false }], ...value.hasPlaceholders ? { hasPlaceholders: true } : {}, ...value.encoded ? { encoded: reanchor(value.encoded, range, false) } : {} };
    case "list":
      return { kind: "list", items: value.items.map((i2) => reanchor(i2, range, false)), range };
    case "map":
      return { kind: "map", entries: value.entries.map((e) => ({ key: e.key, keyRange: range, value: reanchor(e.value, range, false) })), range };
    default:
      return { ...value, range };
  }
}
function evaluate(node, scope, depth) {
  const range = rangeOf(node);
  if (depth > MAX_DEPTH) return unknown(range, "unsupported", "too deep");
  switch (node.type) {
    case "expression": {
      const parts2 = named(node);
      const head = parts2[0];
      if (!head) return unknown(range, "dynamic");
      if (head.type === "variable_expr") {
        const path = [head.text];
        for (const p of parts2.slice(1)) {
          if (p.type === "get_attr") path.push(named(p)[0]?.text ?? "");
          else if (p.type === "index" || p.type === "splat") continue;
          else return unknown(range, "dynamic");
        }
        return resolveTraversal(path, range, scope, depth + 1);
      }
      if (parts2.length > 1) return unknown(range, "dynamic");
      return evaluate(head, scope, depth + 1);
    }
    case "literal_value":
    case "collection_value":
    case "template_expr":
      return named(node)[0] ? evaluate(named(node)[0], scope, depth + 1) : unknown(range, "dynamic");
    case "numeric_lit":
      return { kind: "number", value: Number(node.text), range };
    case "bool_lit":
      return { kind: "bool", value: node.text === "true", range };
    case "null_lit":
      return { kind: "null", range };
    case "string_lit":
    case "quoted_template":
      return quotedString(node, scope, depth);
    case "heredoc_template":
      return heredocString(node, scope, depth);
    case "tuple":
      return { kind: "list", items: named(node).filter((c) => c.type === "expression").map((c) => evaluate(c, scope, depth + 1)), range };
    case "object": {
      const entries = [];
      for (const elem of named(node)) {
        if (elem.type !== "object_elem") continue;
        const [k, v] = named(elem).filter((c) => c.type === "expression");
        if (!k || !v) continue;
        const keyHead = named(k)[0];
        const key = keyHead?.type === "variable_expr" && named(k).length === 1 ? keyHead.text : knownString(evaluate(k, scope, depth + 1));
        if (key === void 0) continue;
        entries.push({ key, keyRange: rangeOf(k), value: evaluate(v, scope, depth + 1) });
      }
      return { kind: "map", entries, range };
    }
    case "parenthesized_expression":
      return named(node)[0] ? evaluate(named(node)[0], scope, depth + 1) : unknown(range, "dynamic");
    case "function_call":
      return callFunction(node, scope, depth);
    default:
      return unknown(range, "dynamic");
  }
}
function decodeEscape(src, i2) {
  const c = src[i2 + 1];
  switch (c) {
    case "n":
      return { text: "\n", length: 2 };
    case "t":
      return { text: "	", length: 2 };
    case "r":
      return { text: "\r", length: 2 };
    case '"':
      return { text: '"', length: 2 };
    case "\\":
      return { text: "\\", length: 2 };
    case "u": {
      const hex = src.slice(i2 + 2, i2 + 6);
      return /^[0-9a-fA-F]{4}$/.test(hex) ? { text: String.fromCharCode(parseInt(hex, 16)), length: 6 } : { text: "\\u", length: 2 };
    }
    case "U": {
      const hex = src.slice(i2 + 2, i2 + 10);
      return /^[0-9a-fA-F]{8}$/.test(hex) ? { text: String.fromCodePoint(parseInt(hex, 16)), length: 10 } : { text: "\\U", length: 2 };
    }
    default:
      return { text: `\\${c ?? ""}`, length: c ? 2 : 1 };
  }
}
var PieceList = class {
  pieces = [];
  value = "";
  push(text, start2, end, verbatim) {
    if (!text) return;
    const last = this.pieces[this.pieces.length - 1];
    if (verbatim && last?.verbatim && last.end === start2) this.pieces[this.pieces.length - 1] = { text: last.text + text, start: last.start, end, verbatim };
    else this.pieces.push({ text, start: start2, end, verbatim });
    this.value += text;
  }
};
function appendLiteral(out2, src, from, to, quoted) {
  let run2 = from;
  for (let i2 = from; i2 < to; i2++) {
    const c = src[i2];
    if (quoted && c === "\\") {
      out2.push(src.slice(run2, i2), run2, i2, true);
      const esc = decodeEscape(src, i2);
      out2.push(esc.text, i2, i2 + esc.length, false);
      i2 += esc.length - 1;
      run2 = i2 + 1;
    } else if ((c === "$" || c === "%") && src[i2 + 1] === c && src[i2 + 2] === "{") {
      out2.push(src.slice(run2, i2), run2, i2, true);
      run2 = i2 + 1;
      i2 += 1;
    }
  }
  out2.push(src.slice(run2, to), run2, to, true);
}
function templateParts(node) {
  return named(node).filter((c) => c.type === "template_interpolation" || c.type === "template_directive");
}
function quotedString(node, scope, depth, resolveInterpolations = false) {
  const src = scope.file.text;
  const range = rangeOf(node);
  const from = node.startIndex + 1;
  const to = Math.max(from, node.endIndex - (src[node.endIndex - 1] === '"' ? 1 : 0));
  const parts2 = templateParts(node);
  const only = parts2.length === 1 ? parts2[0] : void 0;
  if (only && only.type === "template_interpolation" && only.startIndex === from && only.endIndex === to && !only.text.startsWith("${~") && !only.text.endsWith("~}")) {
    const inner = named(only).find((c) => c.type === "expression");
    if (inner) {
      return { ...evaluate(inner, scope, depth + 1), range };
    }
  }
  const out2 = new PieceList();
  let cursor = from;
  let placeholders = false;
  for (const part of parts2) {
    appendLiteral(out2, src, cursor, part.startIndex, true);
    if (resolveInterpolations && part.type === "template_interpolation") {
      const inner = named(part).find((c) => c.type === "expression");
      const v = inner ? knownString(evaluate(inner, scope, depth + 1)) : void 0;
      if (v !== void 0) out2.push(v, part.startIndex, part.endIndex, false);
      else {
        out2.push(part.text, part.startIndex, part.endIndex, true);
        placeholders = true;
      }
    } else {
      out2.push(part.text, part.startIndex, part.endIndex, true);
      placeholders = true;
    }
    cursor = part.endIndex;
  }
  appendLiteral(out2, src, cursor, to, true);
  return { kind: "string", value: out2.value, range, pieces: out2.pieces, ...placeholders ? { hasPlaceholders: true } : {} };
}
function heredocString(node, scope, _depth) {
  const src = scope.file.text;
  const range = rangeOf(node);
  const children = named(node);
  const start2 = children.find((c) => c.type === "heredoc_start");
  const ids = children.filter((c) => c.type === "heredoc_identifier");
  const open = ids[0];
  const close = ids.length > 1 ? ids[ids.length - 1] : void 0;
  if (!open) return unknown(range, "unsupported", "heredoc");
  const nl = src.indexOf("\n", open.endIndex);
  const bodyStart = nl === -1 ? open.endIndex : nl + 1;
  const bodyEnd = close ? src.lastIndexOf("\n", close.startIndex - 1) + 1 : node.endIndex;
  const strip = start2?.text === "<<-";
  const parts2 = templateParts(node);
  let indent = 0;
  if (strip) {
    indent = Infinity;
    for (let ls = bodyStart; ls < bodyEnd; ) {
      const le = src.indexOf("\n", ls);
      const lineEnd = le === -1 || le > bodyEnd ? bodyEnd : le;
      const line = src.slice(ls, lineEnd);
      if (line.trim().length > 0) indent = Math.min(indent, line.length - line.replace(/^[ \t]+/, "").length);
      ls = lineEnd + 1;
    }
    if (!Number.isFinite(indent)) indent = 0;
  }
  const out2 = new PieceList();
  let placeholders = false;
  let partIndex = 0;
  for (let ls = bodyStart; ls < bodyEnd; ) {
    const le = src.indexOf("\n", ls);
    const lineEnd = le === -1 || le >= bodyEnd ? bodyEnd : le + 1;
    let cursor = ls;
    if (strip) {
      let k = 0;
      while (k < indent && (src[cursor] === " " || src[cursor] === "	")) {
        cursor++;
        k++;
      }
    }
    while (partIndex < parts2.length && parts2[partIndex].startIndex < lineEnd) {
      const part = parts2[partIndex];
      if (part.startIndex >= cursor) {
        appendLiteral(out2, src, cursor, part.startIndex, false);
        out2.push(part.text, part.startIndex, part.endIndex, true);
        placeholders = true;
      }
      cursor = Math.max(cursor, part.endIndex);
      partIndex++;
    }
    if (cursor < lineEnd) appendLiteral(out2, src, cursor, lineEnd, false);
    ls = Math.max(lineEnd, cursor);
    if (ls > lineEnd) {
      const next = src.indexOf("\n", ls);
      if (next === -1 || next >= bodyEnd) {
        appendLiteral(out2, src, ls, bodyEnd, false);
        break;
      }
      appendLiteral(out2, src, ls, next + 1, false);
      ls = next + 1;
    }
  }
  return { kind: "string", value: out2.value, range, pieces: out2.pieces, ...placeholders ? { hasPlaceholders: true } : {} };
}
function callFunction(node, scope, depth) {
  const range = rangeOf(node);
  const nameNode = named(node)[0];
  const name2 = nameNode?.text ?? "";
  const argsNode = named(node).find((c) => c.type === "function_arguments");
  const args2 = argsNode ? named(argsNode).filter((c) => c.type === "expression") : [];
  const arg = (i2) => args2[i2] ? evaluate(args2[i2], scope, depth + 1) : unknown(range, "dynamic");
  switch (name2) {
    case "jsonencode": {
      const v = arg(0);
      if (v.kind === "unknown" || v.kind === "ref") return unknown(range, v.kind === "unknown" ? v.reason : "dynamic", "jsonencode");
      const json = JSON.stringify(toPlain(v, true));
      return { kind: "string", value: json, range, pieces: [{ text: json, start: range.start, end: range.end, verbatim: false }], encoded: v, ...hasUnknown(v) ? { hasPlaceholders: true } : {} };
    }
    case "base64encode":
    case "tostring":
    case "sensitive":
    case "nonsensitive": {
      const v = arg(0);
      return v.kind === "string" ? { ...v, range } : v.kind === "unknown" ? { ...v, range } : unknown(range, "dynamic", name2);
    }
    case "base64decode": {
      const v = arg(0);
      const s = knownString(v);
      if (s === void 0 || !/^[A-Za-z0-9+/=\s]*$/.test(s)) return unknown(range, "dynamic", name2);
      const text = Buffer.from(s, "base64").toString("utf8");
      return { kind: "string", value: text, range, pieces: [{ text, start: range.start, end: range.end, verbatim: false }] };
    }
    case "file":
    case "templatefile": {
      const pathArg = args2[0];
      const p = pathArg ? evaluateForPath(pathArg, scope, depth) : void 0;
      if (p === void 0) return unknown(range, "dynamic", name2);
      const base = scope.file.dir;
      if (!base) return unknown(range, "external", `${name2}(${p})`);
      const full = resolvePath(base, p);
      let text;
      try {
        if (!existsSync2(full) || statSync(full).size > 1024 * 1024) return unknown(range, "external", `${name2}(${p})`);
        text = readFileSync(full, "utf8");
      } catch {
        return unknown(range, "external", `${name2}(${p})`);
      }
      return {
        kind: "string",
        value: text,
        range,
        pieces: [{ text, start: range.start, end: range.end, verbatim: false }],
        fromFile: full,
        ...name2 === "templatefile" && /[$%]\{/.test(text) ? { hasPlaceholders: true } : {}
      };
    }
    default:
      return unknown(range, "dynamic", `${name2}()`);
  }
}
function evaluateForPath(expr, scope, depth) {
  const head = named(expr)[0];
  const tmpl = head?.type === "template_expr" ? named(head)[0] : head?.type === "literal_value" ? named(head)[0] : void 0;
  if (tmpl && (tmpl.type === "quoted_template" || tmpl.type === "string_lit")) {
    const v = quotedString(tmpl, scope, depth + 1, true);
    return knownString(v);
  }
  return knownString(evaluate(expr, scope, depth + 1));
}
function hasUnknown(v) {
  if (v.kind === "unknown" || v.kind === "ref") return true;
  if (v.kind === "string") return v.hasPlaceholders === true;
  if (v.kind === "list") return v.items.some(hasUnknown);
  if (v.kind === "map") return v.entries.some((e) => hasUnknown(e.value));
  return false;
}
var visiting = /* @__PURE__ */ new Set();
function resolveTraversal(path, range, scope, depth) {
  const [head, a, b, c] = path;
  const label = path.join(".");
  if (depth > MAX_DEPTH) return unknown(range, "unsupported", label);
  switch (head) {
    case "var": {
      const block = a ? moduleOf(scope.file).variables.get(a) : void 0;
      const def = block?.attribute("default");
      if (!block || !def || visiting.has(def)) return unknown(range, "external", label);
      visiting.add(def);
      try {
        const v = def.value();
        return reanchor(v, range, block.file === scope.file);
      } finally {
        visiting.delete(def);
      }
    }
    case "local": {
      const attr = a ? moduleOf(scope.file).locals.get(a) : void 0;
      if (!attr || visiting.has(attr)) return unknown(range, "dynamic", label);
      visiting.add(attr);
      try {
        const owner = moduleOf(scope.file).files.find((f) => f.blocks.some((bl) => bl.type === "locals" && bl.attributes().includes(attr)));
        return reanchor(attr.value(), range, owner === scope.file);
      } finally {
        visiting.delete(attr);
      }
    }
    case "path":
      if ((a === "module" || a === "root") && scope.file.dir) return { kind: "string", value: scope.file.dir, range };
      if (a === "cwd") return unknown(range, "external", label);
      return unknown(range, "external", label);
    case "data": {
      if (a === "template_file" && b && c === "rendered") {
        const block = moduleOf(scope.file).data.get(`${a}.${b}`);
        const template = block?.attribute("template");
        if (!block || !template || visiting.has(template)) return unknown(range, "external", label);
        visiting.add(template);
        try {
          const v = template.value();
          if (v.kind !== "string") return unknown(range, "dynamic", label);
          const templated = v.hasPlaceholders === true || /[$%]\{/.test(v.value);
          return reanchor({ ...v, ...templated ? { hasPlaceholders: true } : {} }, range, block.file === scope.file);
        } finally {
          visiting.delete(template);
        }
      }
      if (a === "aws_iam_policy_document" && b && (c === "json" || c === "minified_json")) {
        const block = moduleOf(scope.file).data.get(`${a}.${b}`);
        if (!block || visiting.has(block)) return unknown(range, "external", label);
        visiting.add(block);
        try {
          const policy = policyDocumentValue(block, range);
          return policy ? { kind: "string", value: JSON.stringify(toPlain(policy, true)), range, encoded: policy, ...hasUnknown(policy) ? { hasPlaceholders: true } : {} } : unknown(range, "external", label);
        } finally {
          visiting.delete(block);
        }
      }
      return unknown(range, "external", label);
    }
    case "module":
    case "terraform":
      return unknown(range, "external", label);
    case "each":
    case "count":
    case "self":
      return unknown(range, "dynamic", label);
    default:
      if (head && a) return { kind: "ref", target: `${head}.${a}`, ...b ? { attribute: b } : {}, range };
      return unknown(range, "dynamic", label);
  }
}
function policyDocumentValue(block, at) {
  const same = (r) => r;
  const other = () => at;
  const pos = block.file.document ? same : other;
  const merged = ["source_policy_documents", "override_policy_documents", "source_json", "override_json"].some((a) => block.attribute(a) !== void 0);
  if (merged || block.blocks("dynamic").length > 0 || block.blocks("statement").some((st) => st.blocks("dynamic").length > 0)) return void 0;
  const statements = [];
  for (const st of block.blocks("statement")) {
    const entries = [];
    const put = (key, attrName) => {
      const attr = st.attribute(attrName);
      if (attr) entries.push({ key, keyRange: pos(attr.nameRange), value: reanchor(attr.value(), at, !!block.file.document) });
    };
    put("Sid", "sid");
    const effect = st.attribute("effect");
    entries.push({ key: "Effect", keyRange: pos(st.typeRange), value: effect ? reanchor(effect.value(), at, !!block.file.document) : { kind: "string", value: "Allow", range: pos(st.typeRange) } });
    put("Action", "actions");
    put("NotAction", "not_actions");
    put("Resource", "resources");
    put("NotResource", "not_resources");
    for (const [blockName, key] of [["principals", "Principal"], ["not_principals", "NotPrincipal"]]) {
      const ps = st.blocks(blockName);
      if (ps.length === 0) continue;
      const pe = [];
      for (const p of ps) {
        const type = knownString(p.attribute("type")?.value());
        const ids = p.attribute("identifiers");
        if (type && ids) pe.push({ key: type, keyRange: pos(p.typeRange), value: reanchor(ids.value(), at, !!block.file.document) });
      }
      entries.push({ key, keyRange: pos(ps[0].typeRange), value: { kind: "map", entries: pe, range: pos(ps[0].range) } });
    }
    statements.push({ kind: "map", entries, range: pos(st.range) });
  }
  return {
    kind: "map",
    entries: [
      { key: "Version", keyRange: pos(block.typeRange), value: { kind: "string", value: "2012-10-17", range: pos(block.typeRange) } },
      { key: "Statement", keyRange: pos(block.typeRange), value: { kind: "list", items: statements, range: pos(block.range) } }
    ],
    range: pos(block.range)
  };
}
function resourceBlocks(file, types) {
  const want = types ? new Set(types) : void 0;
  return file.blocks.filter((b) => b.type === "resource" && b.labels.length >= 2 && (!want || want.has(b.labels[0].value)));
}
function resourceType(block) {
  return block.labels[0]?.value ?? "";
}
function resourceName(block) {
  return block.labels[1]?.value ?? "";
}
var PLAN_SIGNATURE = /"format_version"\s*:/;
var PLAN_BODY = /"(?:planned_values|resource_changes|prior_state)"\s*:/;
function looksLikeTerraformPlan(text) {
  return PLAN_SIGNATURE.test(text) && PLAN_BODY.test(text);
}
var plans = /* @__PURE__ */ new WeakMap();
function parseTerraformPlan(doc, notes) {
  const cached = plans.get(doc);
  if (cached) return cached;
  const out2 = [];
  const root = parseYamlDocuments(doc, notes)[0];
  const visit = (module2) => {
    if (module2?.kind !== "map") return;
    const resources = mapGet(module2, "resources");
    if (resources?.kind === "list") {
      for (const r of resources.items) {
        const type = mapEntry(r, "type");
        const values = mapGet(r, "values");
        out2.push({
          address: knownString(mapGet(r, "address")) ?? "",
          type: knownString(type?.value) ?? "",
          name: knownString(mapGet(r, "name")) ?? "",
          mode: knownString(mapGet(r, "mode")) ?? "managed",
          typeRange: type?.value.range ?? r.range,
          ...values?.kind === "map" ? { values } : {}
        });
      }
    }
    const children = mapGet(module2, "child_modules");
    if (children?.kind === "list") children.items.forEach(visit);
  };
  visit(mapGet(mapGet(root, "planned_values"), "root_module"));
  plans.set(doc, out2);
  return out2;
}

// src/iac/user-data.ts
import { dirname as dirname3, resolve as resolvePath2 } from "node:path";
import { existsSync as existsSync3, readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
function documentFromPieces(host, pieces, init2) {
  const builder = new VirtualTextBuilder();
  for (const p of pieces) {
    if (p.verbatim) builder.verbatim(p.text, p.start);
    else builder.synthetic(p.text, p.start, p.end);
  }
  const { text, map } = builder.build();
  return createVirtualDocument(host, { kind: init2.kind, language: init2.language ?? init2.kind, text, map, label: init2.label, bootstrap: init2.bootstrap ?? true });
}
var BASE64_BODY = /^[A-Za-z0-9+/]+={0,2}$/;
function decodeBase64Text2(value) {
  const compact = value.replace(/\s+/g, "");
  if (compact.length < 8 || compact.length % 4 !== 0 || !BASE64_BODY.test(compact)) return void 0;
  const text = Buffer.from(compact, "base64").toString("utf8");
  if (text.includes("\uFFFD")) return void 0;
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  return controls === 0 ? text : void 0;
}
function userDataDocument(host, value, label, alwaysBase64 = false) {
  if (value?.kind !== "string" || value.value.trim().length === 0) return void 0;
  let pieces = piecesOf(value);
  let text = value.value;
  if (!value.hasPlaceholders && !value.fromFile) {
    const decoded = alwaysBase64 || !/\s/.test(text.trim()) ? decodeBase64Text2(text) : void 0;
    if (decoded !== void 0) {
      text = decoded;
      pieces = [{ text: decoded, start: value.range.start, end: value.range.end, verbatim: false }];
    }
  }
  const kind = userDataKind(text);
  return documentFromPieces(host, pieces, { kind, label, bootstrap: true });
}
function linesDocument(host, lines, label) {
  const pieces = [];
  for (const line of lines) {
    if (line.kind !== "string") {
      pieces.push({ text: "${\u2026}\n", start: line.range.start, end: line.range.end, verbatim: false });
      continue;
    }
    pieces.push(...piecesOf(line));
    pieces.push({ text: "\n", start: line.range.end, end: line.range.end, verbatim: false });
  }
  if (pieces.length === 0) return void 0;
  return documentFromPieces(host, pieces, { kind: "shell", language: "bash", label, bootstrap: true });
}
function ssmShellDocuments(host, content, label) {
  const out2 = [];
  if (!content) return out2;
  if (content.kind === "string" && content.encoded) return ssmShellDocuments(host, content.encoded, label);
  if (content.kind === "string" && !content.fromFile) {
    const inner = documentFromPieces(host, piecesOf(content), { kind: "text", language: "yaml", label, bootstrap: false });
    const root = parseYamlDocuments(inner)[0];
    return root ? ssmShellDocuments(inner, root, label) : out2;
  }
  if (content.kind !== "map") return out2;
  const steps = [];
  for (const step of asList(mapGet(content, "mainSteps"))) {
    steps.push({ action: knownString(mapGet(step, "action")), inputs: mapGet(step, "inputs") });
  }
  const runtime = mapGet(content, "runtimeConfig");
  if (runtime?.kind === "map") {
    for (const e of runtime.entries) {
      if (e.key !== "aws:runShellScript") continue;
      for (const props of asList(mapGet(e.value, "properties"))) steps.push({ action: e.key, inputs: props });
    }
  }
  for (const step of steps) {
    if (step.action !== "aws:runShellScript") continue;
    const run2 = mapGet(step.inputs, "runCommand");
    const lines = run2?.kind === "list" ? run2.items : run2 ? [run2] : [];
    const doc = linesDocument(host, lines, `${label} runCommand`);
    if (doc) out2.push(doc);
  }
  return out2;
}
var USER_DATA_KEYS = /* @__PURE__ */ new Set(["UserData", "UserDataOverride"]);
function cfnExtract(doc, template) {
  const out2 = [];
  for (const resource of template.resources) {
    if (resource.type === "AWS::SSM::Document") {
      out2.push(...ssmShellDocuments(doc, mapGet(resource.properties, "Content"), `Content of ${resource.logicalId}`));
      continue;
    }
    const walk = (value, path) => {
      if (!value) return;
      if (value.kind === "map") {
        for (const e of value.entries) {
          if (USER_DATA_KEYS.has(e.key)) {
            const d = userDataDocument(doc, e.value, `${path ? `${path}.` : ""}${e.key} of ${resource.logicalId}`);
            if (d) out2.push(d);
          } else walk(e.value, path ? `${path}.${e.key}` : e.key);
        }
      } else if (value.kind === "list") value.items.forEach((item) => walk(item, path));
    };
    walk(resource.properties, "");
  }
  return out2;
}
var cloudFormationUserDataExtractor = {
  name: "cloudformation-user-data",
  kinds: ["cloudformation"],
  keywords: /UserData|runShellScript/,
  extract(doc, notes) {
    const template = parseCloudFormation(doc, notes);
    return template ? cfnExtract(doc, template) : [];
  }
};
var cloudFormationSyntaxExtractor = {
  name: "cloudformation-syntax",
  kinds: ["cloudformation"],
  extract(doc, notes) {
    notifyCloudFormationErrors(doc, notes);
    return [];
  }
};
var USER_DATA_ATTRIBUTES = /* @__PURE__ */ new Set(["user_data", "user_data_base64"]);
function readModuleFile(dir, path) {
  if (!dir || !path) return void 0;
  const full = resolvePath2(dir, path);
  try {
    if (!existsSync3(full) || statSync2(full).size > 1024 * 1024) return void 0;
    return { text: readFileSync2(full, "utf8"), full };
  } catch {
    return void 0;
  }
}
function fileProvisionerDocument(doc, block, owner) {
  const destAttr = block.attribute("destination");
  const dest = destAttr?.value();
  const destText = dest ? knownString(dest) : void 0;
  if (!destAttr || !dest || destText === void 0 || /[\s'"]/.test(destText)) return void 0;
  const pieces = [{ text: "cat > ", start: destAttr.range.start, end: destAttr.range.start, verbatim: false }];
  pieces.push({ text: destText, start: dest.range.start, end: dest.range.end, verbatim: false });
  pieces.push({ text: " <<'CREDLINT_FILE'\n", start: dest.range.end, end: dest.range.end, verbatim: false });
  const content = block.attribute("content")?.value();
  const source = block.attribute("source");
  if (content?.kind === "string") {
    pieces.push(...piecesOf(content));
  } else if (content) {
    pieces.push({ text: "${content}", start: content.range.start, end: content.range.end, verbatim: false });
  } else if (source) {
    const value = source.value();
    const path = knownString(value);
    const file = readModuleFile(doc.absPath ? dirname3(doc.absPath) : void 0, path?.replace(/^\$\{path\.module\}\//, ""));
    if (file) pieces.push({ text: file.text, start: value.range.start, end: value.range.end, verbatim: false });
  }
  pieces.push({ text: "\nCREDLINT_FILE\n", start: block.range.end, end: block.range.end, verbatim: false });
  return documentFromPieces(doc, pieces, { kind: "shell", language: "bash", label: `provisioner "file" of ${owner}`, bootstrap: true });
}
function tfExtractBlock(doc, block, owner, out2) {
  for (const attr of block.attributes()) {
    if (!USER_DATA_ATTRIBUTES.has(attr.name)) continue;
    const d = userDataDocument(doc, attr.value(), `${attr.name} of ${owner}`, attr.name === "user_data_base64");
    if (d) out2.push(d);
  }
  for (const nested of block.blocks()) {
    if (nested.type === "provisioner") {
      if (nested.labels[0]?.value === "file") {
        const d = fileProvisionerDocument(doc, nested, owner);
        if (d) out2.push(d);
        continue;
      }
      if (nested.labels[0]?.value !== "remote-exec") continue;
      const inline = nested.attribute("inline")?.value();
      if (inline?.kind === "list") {
        const d = linesDocument(doc, inline.items, `remote-exec inline of ${owner}`);
        if (d) out2.push(d);
      }
      const dir = doc.absPath ? dirname3(doc.absPath) : void 0;
      for (const name2 of ["script", "scripts"]) {
        const attr = nested.attribute(name2);
        if (!attr) continue;
        for (const item of asList(attr.value())) {
          const path = knownString(item) ?? (item.kind === "string" ? item.value.replace(/^\$\{path\.module\}\//, "") : void 0);
          const file = readModuleFile(dir, path?.replace(/^\$\{path\.module\}\//, ""));
          if (!file) continue;
          const range = item.range;
          out2.push(documentFromPieces(doc, [{ text: file.text, start: range.start, end: range.end, verbatim: false }], { kind: "shell", language: "bash", label: `remote-exec ${name2} ${path} of ${owner}`, bootstrap: true }));
        }
      }
      continue;
    }
    tfExtractBlock(doc, nested, owner, out2);
  }
}
function terraformEmbeddedDocuments(doc, notes) {
  const file = parseTerraform(doc, notes);
  const out2 = [];
  for (const block of file.blocks) {
    if (block.type !== "resource" || block.labels.length < 2) continue;
    const owner = `${resourceType(block)}.${resourceName(block)}`;
    if (resourceType(block) === "aws_ssm_document") {
      out2.push(...ssmShellDocuments(doc, block.attribute("content")?.value(), `content of ${owner}`));
      continue;
    }
    tfExtractBlock(doc, block, owner, out2);
  }
  return out2;
}
var terraformUserDataExtractor = {
  name: "terraform-user-data",
  kinds: ["terraform"],
  keywords: /user_data|remote-exec|runShellScript|provisioner\s+"file"/,
  extract(doc, notes) {
    return terraformEmbeddedDocuments(doc, notes);
  }
};
var terraformSyntaxExtractor = {
  name: "terraform-syntax",
  kinds: ["terraform"],
  extract(doc, notes) {
    if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return [];
    if (isTerraformParsed(doc)) parseTerraform(doc, notes);
    return [];
  }
};

// src/detect/entropy.ts
function shannonEntropy(value) {
  if (value.length === 0) return 0;
  const counts = /* @__PURE__ */ new Map();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = value.length;
  let bits = 0;
  for (const c of counts.values()) {
    const p = c / n;
    bits -= p * Math.log2(p);
  }
  return bits;
}
function charClasses(value) {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  for (let i2 = 0; i2 < value.length; i2++) {
    const c = value.charCodeAt(i2);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
    else if (c >= 48 && c <= 57) digit++;
    else other++;
  }
  return { upper, lower, digit, other };
}
function classOf(c) {
  if (c >= 65 && c <= 90) return 0;
  if (c >= 97 && c <= 122) return 1;
  if (c >= 48 && c <= 57) return 2;
  return 3;
}
function classChangeRatio(value) {
  if (value.length < 2) return 0;
  let changes = 0;
  let prev = classOf(value.charCodeAt(0));
  for (let i2 = 1; i2 < value.length; i2++) {
    const cls = classOf(value.charCodeAt(i2));
    if (cls !== prev) changes++;
    prev = cls;
  }
  return changes / (value.length - 1);
}
function isHexOnly(value) {
  return /^[0-9a-fA-F]+$/.test(value);
}
var BASE64_VALUE = /^[A-Za-z0-9+/]+={0,2}$/;
function decodeBase64(value) {
  if (!BASE64_VALUE.test(value)) return void 0;
  const body2 = value.replace(/=+$/, "");
  if (body2.length % 4 === 1) return void 0;
  return Buffer.from(body2, "base64");
}
function isBase64OfText(value) {
  const bytes = decodeBase64(value);
  if (!bytes || bytes.length < 8) return false;
  let printable = 0;
  for (const b of bytes) if (b >= 32 && b < 127 || b === 9 || b === 10 || b === 13) printable++;
  return printable / bytes.length >= 0.9;
}
function looksLikeWords(value) {
  const pieces = value.match(/[A-Z]?[a-z]{2,}/g) ?? [];
  let covered = 0;
  for (const p of pieces) {
    if (p.length >= 3 && /[aeiouy]/i.test(p) && /[bcdfghjklmnpqrstvwxz]/i.test(p)) covered += p.length;
  }
  return covered / value.length >= 0.7;
}
var SECRET_ACCESS_KEY_SHAPE = /^[A-Za-z0-9/+]{40}$/;
var SECRET_ACCESS_KEY_MIN_ENTROPY = 4;
var SECRET_ACCESS_KEY_MIN_CLASS_CHANGES = 0.3;
function looksLikeSecretAccessKey(value) {
  if (!SECRET_ACCESS_KEY_SHAPE.test(value)) return false;
  const classes = charClasses(value);
  if (classes.upper === 0 || classes.lower === 0 || classes.digit === 0) return false;
  if (isHexOnly(value)) return false;
  if (shannonEntropy(value) < SECRET_ACCESS_KEY_MIN_ENTROPY) return false;
  if (classChangeRatio(value) < SECRET_ACCESS_KEY_MIN_CLASS_CHANGES) return false;
  if (looksLikeWords(value)) return false;
  if (isBase64OfText(value)) return false;
  return true;
}
var SESSION_TOKEN_PREFIXES = ["IQoJb3JpZ2luX2Vj", "FwoGZXIvYXdzE", "AQoDYXdzE"];
var SESSION_TOKEN_SHAPE = /^[A-Za-z0-9+/]{100,}={0,2}$/;
function looksLikeSessionToken(value) {
  if (!SESSION_TOKEN_SHAPE.test(value)) return false;
  const classes = charClasses(value);
  if (classes.upper === 0 || classes.lower === 0 || classes.digit === 0) return false;
  const known = SESSION_TOKEN_PREFIXES.some((p) => value.startsWith(p));
  if (shannonEntropy(value) < (known ? 4 : 4.5)) return false;
  if (classChangeRatio(value) < SECRET_ACCESS_KEY_MIN_CLASS_CHANGES) return false;
  if (!known && (looksLikeWords(value) || isBase64OfText(value))) return false;
  return true;
}

// src/detect/redact.ts
function redact(value, kind) {
  if (kind === "access-key-id") {
    if (value.length < 12) return "****";
    return `${value.slice(0, 4)}\u2026${value.slice(-4)}`;
  }
  if (value.length < 16) return "****";
  return `${value.slice(0, 4)}\u2026`;
}
function maskInPlace(value, kind) {
  if (kind === "access-key-id" && value.length >= 12) {
    return value.slice(0, 4) + "*".repeat(value.length - 8) + value.slice(-4);
  }
  if (value.length >= 16) return value.slice(0, 4) + "*".repeat(value.length - 4);
  return "*".repeat(value.length);
}
var KEY_ID_IN_TEXT = /(?<![A-Za-z0-9])((?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Za-z0-9])/g;
var SECRETISH = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40,}={0,2}(?![A-Za-z0-9/+=])/g;
function maskLine(line, ranges = []) {
  const chars = line.split("");
  const apply = (start2, end, kind) => {
    const s = Math.max(0, start2);
    const e = Math.min(chars.length, end);
    if (e <= s) return;
    const masked = maskInPlace(line.slice(s, e), kind);
    for (let i2 = s; i2 < e; i2++) chars[i2] = masked[i2 - s];
  };
  for (const r of ranges) apply(r.start, r.end, r.kind);
  for (const m of line.matchAll(KEY_ID_IN_TEXT)) apply(m.index, m.index + m[0].length, "access-key-id");
  for (const m of line.matchAll(SECRETISH)) {
    if (isLikelySecretRun(m[0])) apply(m.index, m.index + m[0].length, "secret");
  }
  return chars.join("");
}
function isLikelySecretRun(run2) {
  return /[a-z]/.test(run2) && /[A-Z]/.test(run2) && /[0-9]/.test(run2);
}
function displaySecret(value, kind, settings) {
  return settings.showSecrets ? value : redact(value, kind);
}

// rules/no-credentials-in-environment.ts
var MIN_CREDENTIAL_LENGTH = 16;
var ACCESS_KEY_ID_EXACT = new RegExp(`^${ACCESS_KEY_ID_SOURCE}$`);
var WHAT = {
  "access-key-id": "access key id",
  "secret-access-key": "secret access key",
  "session-token": "session token",
  secret: "secret"
};
function keyShape(value, examples = false) {
  if (ACCESS_KEY_ID_EXACT.test(value)) {
    if (examples && isDocumentationExampleKeyId(value)) return "access-key-id";
    return isImplausibleKeyId(value) ? void 0 : "access-key-id";
  }
  if (looksLikeSecretAccessKey(value)) return !examples && isDocumentationExampleSecret(value) ? void 0 : "secret-access-key";
  if (looksLikeSessionToken(value)) return "session-token";
  return void 0;
}
function looksLike(kind, value) {
  return keyShape(value, true) === kind;
}
function classify(name2, value) {
  const aws = awsCredentialVariableIgnoreCase(name2.trim());
  if (aws) return value.length >= MIN_CREDENTIAL_LENGTH ? { messageId: "awsVariable", kind: aws } : void 0;
  const set = CREDENTIAL_NAME_SETS.find((s) => isCredentialName(name2, s));
  if (set && looksLike(set.kind, value)) return { messageId: "keyLikeValue", kind: set.kind };
  return void 0;
}
function report(context, entry, verdict, text, range, secret) {
  context.report({
    messageId: verdict.messageId,
    data: { name: entry.name, where: entry.where, value: displaySecret(text, verdict.kind, context.settings), what: WHAT[verdict.kind] },
    start: range.start,
    end: range.end,
    secrets: [{ start: secret.start, end: secret.end, kind: verdict.kind }],
    identity: `${entry.where}:${entry.name}`
  });
}
function literalOf(entry) {
  const v = entry.value;
  if (v.kind !== "string" || v.hasPlaceholders) return void 0;
  let from = entry.slice?.[0] ?? 0;
  let to = entry.slice?.[1] ?? v.value.length;
  while (from < to && /\s/.test(v.value[from])) from++;
  while (to > from && /\s/.test(v.value[to - 1])) to--;
  if (to - from >= 2 && /["']/.test(v.value[from]) && v.value[to - 1] === v.value[from]) {
    from++;
    to--;
  }
  const text = v.value.slice(from, to);
  const whole = from === 0 && to === v.value.length;
  const raw = whole ? valueTokenRange(v) : substringRange(v, from, to);
  const range = entry.map ? entry.map(raw) : raw;
  const first = v.pieces?.[0];
  const last = v.pieces?.[v.pieces.length - 1];
  if (whole && !entry.map && !v.fromFile && first && last && (first.start < v.range.start || last.end > v.range.end)) {
    return { text, range: v.range, secret: { start: first.start, end: last.end } };
  }
  return { text, range, secret: range };
}
function checkEntry(context, entry) {
  const literal = literalOf(entry);
  if (!literal || isPlaceholder(literal.text) || entry.reference?.test(literal.text)) return;
  const verdict = classify(entry.classifyAs ?? entry.name, literal.text);
  if (verdict) report(context, entry, verdict, literal.text, literal.range, literal.secret);
}
function mapEntries(value, where, map) {
  if (value?.kind !== "map") return [];
  return value.entries.map((e) => ({ name: e.key, value: e.value, where, ...map ? { map } : {} }));
}
function pairEntries(list, where, keys, map) {
  const out2 = [];
  for (const item of asList(list)) {
    const name2 = knownString(mapGet(item, keys.name));
    const value = mapGet(item, keys.value);
    if (name2 !== void 0 && value) out2.push({ name: name2, value, where, ...map ? { map } : {} });
  }
  return out2;
}
function structureOf(context, value) {
  if (!value) return void 0;
  if (value.kind === "map" || value.kind === "list") return { root: value };
  if (value.kind !== "string") return void 0;
  if (value.encoded) return { root: value.encoded };
  const head = value.value.trimStart()[0];
  if (head !== "[" && head !== "{") return void 0;
  const virtual = documentFromPieces(context.document, piecesOf(value), { kind: "text", language: "json", label: "JSON string", bootstrap: false });
  const root = parseYamlDocuments(virtual)[0];
  const host = virtual.host;
  if (!root || !host) return void 0;
  return { root, map: (r) => host.map.mapRange(r.start, r.end) };
}
function containerEntries(containers, where, cfn, map) {
  const k = cfn ? { name: "Name", env: "Environment", value: "Value" } : { name: "name", env: "environment", value: "value" };
  const out2 = [];
  for (const c of asList(containers)) {
    const cname = knownString(mapGet(c, k.name));
    const w = cname ? `${where}, container ${cname}` : where;
    out2.push(...pairEntries(mapGet(c, k.env), w, { name: k.name, value: k.value }, map));
  }
  return out2;
}
function batchEntries(props, where, cfn, maps = {}) {
  const key = (s) => cfn ? s.charAt(0).toUpperCase() + s.slice(1) : s;
  const out2 = [];
  if (props.container) out2.push(...pairEntries(mapGet(props.container, key("environment")), where, { name: key("name"), value: key("value") }, maps.container));
  for (const range of asList(mapGet(props.node, key("nodeRangeProperties")))) {
    out2.push(...pairEntries(getPath(range, [key("container"), key("environment")]), where, { name: key("name"), value: key("value") }, maps.node));
  }
  for (const task of asList(mapGet(props.ecs, key("taskProperties")))) {
    out2.push(...containerEntries(mapGet(task, key("containers")), where, cfn, maps.ecs));
  }
  return out2;
}
var EB_ENV_NAMESPACE = "aws:elasticbeanstalk:application:environment";
function cloudFormationEntries(template) {
  const out2 = [];
  const globals = getPath(template.root, ["Globals", "Function", "Environment", "Variables"]);
  out2.push(...mapEntries(globals, "SAM Globals.Function"));
  for (const r of template.resources) {
    const p = r.properties;
    if (!p) continue;
    switch (r.type) {
      case "AWS::Lambda::Function":
      case "AWS::Serverless::Function":
        out2.push(...mapEntries(getPath(p, ["Environment", "Variables"]), `Lambda function ${r.logicalId}`));
        break;
      case "AWS::ECS::TaskDefinition":
        out2.push(...containerEntries(mapGet(p, "ContainerDefinitions"), `ECS task definition ${r.logicalId}`, true));
        break;
      case "AWS::Batch::JobDefinition": {
        const props = {};
        const container = mapGet(p, "ContainerProperties");
        const node = mapGet(p, "NodeProperties");
        const ecs = mapGet(p, "EcsProperties");
        if (container) props.container = container;
        if (node) props.node = node;
        if (ecs) props.ecs = ecs;
        out2.push(...batchEntries(props, `Batch job definition ${r.logicalId}`, true));
        break;
      }
      case "AWS::CodeBuild::Project":
        for (const v of asList(getPath(p, ["Environment", "EnvironmentVariables"]))) {
          if (!isPlaintextCodeBuildVariable(mapGet(v, "Type"))) continue;
          out2.push(...pairEntries(v, `CodeBuild project ${r.logicalId}`, { name: "Name", value: "Value" }));
        }
        break;
      case "AWS::ElasticBeanstalk::Environment":
      case "AWS::ElasticBeanstalk::ConfigurationTemplate":
        for (const o of asList(mapGet(p, "OptionSettings"))) {
          if (knownString(mapGet(o, "Namespace")) !== EB_ENV_NAMESPACE) continue;
          out2.push(...pairEntries(o, `Elastic Beanstalk ${r.type.endsWith("Environment") ? "environment" : "configuration template"} ${r.logicalId}`, { name: "OptionName", value: "Value" }));
        }
        break;
      case "AWS::AppRunner::Service": {
        const where = `App Runner service ${r.logicalId}`;
        const keys = { name: "Name", value: "Value" };
        out2.push(...pairEntries(getPath(p, ["SourceConfiguration", "ImageRepository", "ImageConfiguration", "RuntimeEnvironmentVariables"]), where, keys));
        out2.push(...pairEntries(getPath(p, ["SourceConfiguration", "CodeRepository", "CodeConfiguration", "CodeConfigurationValues", "RuntimeEnvironmentVariables"]), where, keys));
        break;
      }
      default:
        break;
    }
  }
  return out2;
}
function isPlaintextCodeBuildVariable(type) {
  if (!type) return true;
  return knownString(type)?.toUpperCase() === "PLAINTEXT";
}
function cloudFormationSsmParameters(template) {
  const out2 = [];
  for (const r of template.resources) {
    if (r.type !== "AWS::SSM::Parameter" || !r.properties) continue;
    const value = mapGet(r.properties, "Value");
    if (!value) continue;
    out2.push({ name: knownString(mapGet(r.properties, "Name")) ?? r.logicalId, type: knownString(mapGet(r.properties, "Type")), value });
  }
  return out2;
}
function isBlock(n) {
  return typeof n.blocks === "function";
}
function tfChildren(n, name2) {
  if (!n) return [];
  if (isBlock(n)) {
    const blocks = n.blocks(name2);
    if (blocks.length > 0) return [...blocks];
    return asList(n.attribute(name2)?.value()).filter((v) => v.kind === "map");
  }
  return asList(mapGet(n, name2)).filter((v) => v.kind === "map");
}
function tfValue(n, name2) {
  if (!n) return void 0;
  return isBlock(n) ? n.attribute(name2)?.value() : mapGet(n, name2);
}
function tfPath(n, path) {
  let current = n ? [n] : [];
  for (const step of path) current = current.flatMap((c) => tfChildren(c, step));
  return current;
}
function terraformEntries(context, blocks) {
  const out2 = [];
  for (const b of blocks) {
    const type = b.labels[0]?.value ?? "";
    const id = `${type}.${b.labels[1]?.value ?? ""}`;
    switch (type) {
      case "aws_lambda_function":
        for (const env of tfChildren(b, "environment")) out2.push(...mapEntries(tfValue(env, "variables"), `Lambda function ${id}`));
        break;
      case "aws_ecs_task_definition": {
        const s = structureOf(context, tfValue(b, "container_definitions"));
        if (s) out2.push(...containerEntries(s.root, `ECS task definition ${id}`, false, s.map));
        break;
      }
      case "aws_batch_job_definition": {
        const container = structureOf(context, tfValue(b, "container_properties"));
        const node = structureOf(context, tfValue(b, "node_properties"));
        const ecs = structureOf(context, tfValue(b, "ecs_properties"));
        const props = {};
        const maps = {};
        if (container) {
          props.container = container.root;
          if (container.map) maps.container = container.map;
        }
        if (node) {
          props.node = node.root;
          if (node.map) maps.node = node.map;
        }
        if (ecs) {
          props.ecs = ecs.root;
          if (ecs.map) maps.ecs = ecs.map;
        }
        out2.push(...batchEntries(props, `Batch job definition ${id}`, false, maps));
        break;
      }
      case "aws_codebuild_project":
        for (const v of tfPath(b, ["environment", "environment_variable"])) {
          if (!isPlaintextCodeBuildVariable(tfValue(v, "type"))) continue;
          const name2 = knownString(tfValue(v, "name"));
          const value = tfValue(v, "value");
          if (name2 !== void 0 && value) out2.push({ name: name2, value, where: `CodeBuild project ${id}` });
        }
        break;
      case "aws_elastic_beanstalk_environment":
      case "aws_elastic_beanstalk_configuration_template":
        for (const s of tfChildren(b, "setting")) {
          if (knownString(tfValue(s, "namespace")) !== EB_ENV_NAMESPACE) continue;
          const name2 = knownString(tfValue(s, "name"));
          const value = tfValue(s, "value");
          if (name2 !== void 0 && value) out2.push({ name: name2, value, where: `Elastic Beanstalk ${type.endsWith("environment") ? "environment" : "configuration template"} ${id}` });
        }
        break;
      case "aws_apprunner_service": {
        const where = `App Runner service ${id}`;
        for (const c of tfPath(b, ["source_configuration", "image_repository", "image_configuration"])) out2.push(...mapEntries(tfValue(c, "runtime_environment_variables"), where));
        for (const c of tfPath(b, ["source_configuration", "code_repository", "code_configuration", "code_configuration_values"])) out2.push(...mapEntries(tfValue(c, "runtime_environment_variables"), where));
        break;
      }
      default:
        break;
    }
  }
  return out2;
}
function terraformSsmParameters(blocks) {
  const out2 = [];
  for (const b of blocks) {
    if (b.labels[0]?.value !== "aws_ssm_parameter") continue;
    const name2 = knownString(b.attribute("name")?.value()) ?? `aws_ssm_parameter.${b.labels[1]?.value ?? ""}`;
    const type = knownString(b.attribute("type")?.value());
    for (const attr of ["value", "insecure_value"]) {
      const value = b.attribute(attr)?.value();
      if (value) out2.push({ name: name2, type: b.attribute("type") ? type : void 0, value });
    }
  }
  return out2;
}
function checkSsmParameter(context, p, format) {
  if (p.type === void 0 || !/^String(?:List)?$/.test(p.type)) return;
  const entry = { name: p.name.split("/").pop() ?? p.name, value: p.value, where: `SSM parameter ${p.name}` };
  const literal = literalOf(entry);
  if (!literal || isPlaceholder(literal.text)) return;
  const kind = keyShape(literal.text) ?? classify(entry.name, literal.text)?.kind;
  if (!kind) return;
  context.report({
    messageId: "ssmParameter",
    data: { parameter: p.name, type: p.type, what: WHAT[kind], value: displaySecret(literal.text, kind, context.settings), store: format === "cloudformation" ? "the stack template" : "the Terraform state" },
    start: literal.range.start,
    end: literal.range.end,
    secrets: [{ start: literal.secret.start, end: literal.secret.end, kind }],
    identity: `ssm:${p.name}`
  });
}
var COMPOSE_ROOT = /^services[ \t]*:/m;
var K8S_API_VERSION = /^apiVersion[ \t]*:/m;
var K8S_KIND = /^kind[ \t]*:/m;
var ECS_JSON = /"containerDefinitions"\s*:/;
var K8S_JSON_API_VERSION = /"apiVersion"\s*:/;
var K8S_JSON_KIND = /"kind"\s*:/;
function composeEntries(root) {
  const services = mapGet(root, "services");
  if (services?.kind !== "map") return [];
  const out2 = [];
  for (const service of services.entries) {
    if (service.value.kind !== "map") continue;
    const where = `docker-compose service ${service.key}`;
    const env = mapGet(service.value, "environment");
    if (env?.kind === "map") out2.push(...mapEntries(env, where));
    else if (env?.kind === "list") {
      for (const item of env.items) {
        if (item.kind !== "string") continue;
        const eq = item.value.indexOf("=");
        if (eq <= 0) continue;
        out2.push({ name: item.value.slice(0, eq), value: item, where, slice: [eq + 1, item.value.length] });
      }
    }
  }
  return out2;
}
function kubernetesEnvHolders(value, out2, depth = 0) {
  if (!value || depth > 16) return;
  if (value.kind === "list") value.items.forEach((i2) => kubernetesEnvHolders(i2, out2, depth + 1));
  if (value.kind !== "map") return;
  const env = mapGet(value, "env");
  if (env?.kind === "list" && env.items.some((i2) => mapGet(i2, "name") !== void 0)) out2.push(value);
  for (const e of value.entries) if (e.key !== "env") kubernetesEnvHolders(e.value, out2, depth + 1);
}
function kubernetesEntries(root) {
  const kind = knownString(mapGet(root, "kind"));
  if (!kind || mapGet(root, "apiVersion") === void 0) return [];
  const name2 = knownString(getPath(root, ["metadata", "name"]));
  const object = `Kubernetes ${kind}${name2 ? ` ${name2}` : ""}`;
  if (kind === "Secret" || kind === "SealedSecret" || kind === "ExternalSecret") return [];
  if (kind === "ConfigMap") return mapEntries(mapGet(root, "data"), object);
  if (kind === "List") return asList(mapGet(root, "items")).flatMap(kubernetesEntries);
  const containers = [];
  for (const e of root.kind === "map" ? root.entries : []) if (e.key !== "metadata") kubernetesEnvHolders(e.value, containers);
  const out2 = [];
  for (const c of containers) {
    const cname = knownString(mapGet(c, "name"));
    const where = `${object}${cname ? `, container ${cname}` : ""}`;
    for (const item of asList(mapGet(c, "env"))) {
      if (mapGet(item, "valueFrom")) continue;
      out2.push(...pairEntries(item, where, { name: "name", value: "value" }));
    }
  }
  return out2;
}
var GITHUB_WORKFLOW_PATH = /(?:^|[\\/])\.github[\\/]workflows[\\/][^\\/]+\.ya?ml$/i;
var GITLAB_CI_NAME = /^(?:\.|.+\.)gitlab-ci\.ya?ml$/i;
var SERVERLESS_NAME = /^serverless\.ya?ml$/i;
var GITHUB_EXPRESSION = /\$\{\{/;
var GITLAB_EXPANSION = /\$(?:\{|[A-Za-z_])/;
var SERVERLESS_VARIABLE = /\$\{/;
var CREDENTIAL_NAME_IN_TEXT = /(?:secret|access)[\W_]{0,2}(?:access[\W_]{0,2})?key|(?:aws|s3)[\W_]{0,2}secret|(?:session|security)[\W_]{0,2}token/i;
function ciFormatOf(path) {
  const base = baseName(path.replace(/\\/g, "/"));
  if (GITHUB_WORKFLOW_PATH.test(path)) return "github-actions";
  if (GITLAB_CI_NAME.test(base)) return "gitlab-ci";
  if (SERVERLESS_NAME.test(base)) return "serverless";
  return void 0;
}
var CONFIGURE_AWS_CREDENTIALS_INPUTS = /* @__PURE__ */ new Map([
  ["aws-access-key-id", "AWS_ACCESS_KEY_ID"],
  ["aws-secret-access-key", "AWS_SECRET_ACCESS_KEY"],
  ["aws-session-token", "AWS_SESSION_TOKEN"]
]);
function githubActionsEntries(root) {
  const reference = GITHUB_EXPRESSION;
  const env = (value, where) => mapEntries(value, where).map((e) => ({ ...e, reference }));
  const out2 = env(mapGet(root, "env"), "GitHub Actions workflow");
  const jobs = mapGet(root, "jobs");
  for (const job of jobs?.kind === "map" ? jobs.entries : []) {
    if (job.value.kind !== "map") continue;
    const where = `GitHub Actions workflow job ${job.key}`;
    out2.push(...env(mapGet(job.value, "env"), where));
    out2.push(...env(getPath(job.value, ["container", "env"]), `${where} container`));
    const services = mapGet(job.value, "services");
    for (const s of services?.kind === "map" ? services.entries : []) out2.push(...env(mapGet(s.value, "env"), `${where} service ${s.key}`));
    for (const [i2, step] of asList(mapGet(job.value, "steps")).entries()) {
      const stepWhere = `${where} step ${i2 + 1}`;
      out2.push(...env(mapGet(step, "env"), stepWhere));
      const uses = knownString(mapGet(step, "uses"))?.trim().toLowerCase();
      if (!uses?.startsWith("aws-actions/configure-aws-credentials")) continue;
      const inputs = mapGet(step, "with");
      for (const e of inputs?.kind === "map" ? inputs.entries : []) {
        const classifyAs = CONFIGURE_AWS_CREDENTIALS_INPUTS.get(e.key.toLowerCase());
        if (classifyAs) out2.push({ name: e.key, value: e.value, where: stepWhere, classifyAs, reference });
      }
    }
  }
  return out2;
}
var GITLAB_GLOBAL_KEYWORDS = /* @__PURE__ */ new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "before_script", "after_script", "spec", "types"]);
function gitlabVariables(value, where) {
  if (value?.kind !== "map") return [];
  const out2 = [];
  for (const e of value.entries) {
    const v = e.value.kind === "map" ? mapGet(e.value, "value") : e.value;
    if (v) out2.push({ name: e.key, value: v, where, reference: GITLAB_EXPANSION });
  }
  return out2;
}
function gitlabRuleVariables(holder, where) {
  return asList(mapGet(holder, "rules")).flatMap((r) => gitlabVariables(mapGet(r, "variables"), where));
}
function gitlabEntries(root) {
  if (root.kind !== "map") return [];
  const out2 = [...gitlabVariables(mapGet(root, "variables"), "GitLab CI global variables")];
  out2.push(...gitlabRuleVariables(mapGet(root, "workflow"), "GitLab CI workflow rules"));
  for (const e of root.entries) {
    if (GITLAB_GLOBAL_KEYWORDS.has(e.key) || e.value.kind !== "map") continue;
    const where = `GitLab CI job ${e.key}`;
    out2.push(...gitlabVariables(mapGet(e.value, "variables"), where));
    out2.push(...gitlabRuleVariables(e.value, `${where} rules`));
  }
  return out2;
}
function serverlessEntries(doc, root) {
  const env = (value, where) => mapEntries(value, where).filter((e) => {
    const start2 = valueTokenRange(e.value).start;
    const before = doc.text.slice(Math.max(0, start2 - 60), start2).split("\n").pop() ?? "";
    return !/![A-Za-z][\w:]*[ \t]+["']?$/.test(before);
  }).map((e) => ({ ...e, reference: SERVERLESS_VARIABLE }));
  const out2 = env(getPath(root, ["provider", "environment"]), "Serverless provider");
  const functions = mapGet(root, "functions");
  for (const f of functions?.kind === "map" ? functions.entries : []) out2.push(...env(mapGet(f.value, "environment"), `Serverless function ${f.key}`));
  return out2;
}
function ciEntries(context, format) {
  const { document: doc } = context;
  if (!CREDENTIAL_NAME_IN_TEXT.test(doc.text)) return [];
  const out2 = [];
  for (const root of parseYamlDocuments(doc)) {
    if (root.kind !== "map") continue;
    if (format === "github-actions") out2.push(...githubActionsEntries(root));
    else if (format === "gitlab-ci") out2.push(...gitlabEntries(root));
    else out2.push(...serverlessEntries(doc, root));
  }
  return out2;
}
function textEntries(context) {
  const { document: doc } = context;
  const text = doc.text;
  if (doc.language === "json") {
    const ecs = ECS_JSON.test(text);
    const k8s2 = K8S_JSON_API_VERSION.test(text) && K8S_JSON_KIND.test(text);
    if (!ecs && !k8s2) return [];
    const root = parseYamlDocuments(doc)[0];
    if (!root) return [];
    const family = knownString(mapGet(root, "family"));
    return [
      ...ecs ? containerEntries(mapGet(root, "containerDefinitions"), `ECS task definition${family ? ` ${family}` : ""}`, false) : [],
      ...k8s2 ? kubernetesEntries(root) : []
    ];
  }
  if (doc.language !== "yaml") return [];
  const ci = ciFormatOf(doc.path);
  if (ci) return ciEntries(context, ci);
  const compose = COMPOSE_ROOT.test(text);
  const k8s = K8S_API_VERSION.test(text) && K8S_KIND.test(text);
  if (!compose && !k8s) return [];
  const out2 = [];
  for (const root of parseYamlDocuments(doc)) {
    if (root.kind !== "map") continue;
    if (compose) out2.push(...composeEntries(root));
    if (k8s) out2.push(...kubernetesEntries(root));
  }
  return out2;
}
var no_credentials_in_environment_default = defineRule({
  id: "no-credentials-in-environment",
  description: "Disallow literal AWS credentials in the environment of Lambda, ECS, Batch, CodeBuild, Beanstalk, App Runner, compose, Kubernetes, GitHub Actions, GitLab CI and Serverless workloads",
  fullDescription: "Environment variables and plain SSM String parameters are configuration, not secret storage: they are shown in the console, returned by describe/get APIs, stored in plain text in the CloudFormation template or Terraform state, and visible to `docker inspect` and `kubectl get -o yaml`. Every one of these services runs with an IAM role (execution role, task role, service role, instance profile, IRSA), so static AWS keys in its environment are both unnecessary and exposed.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798", "CWE-526"],
  tags: ["security", "secrets", "aws", "lambda", "ecs", "kubernetes", "docker-compose", "github-actions", "gitlab-ci", "serverless"],
  kinds: ["cloudformation", "terraform", "text"],
  // SSM parameters are checked by the shape of their value, whatever their name.
  keywords: /access.?key|secret|session.?token|security.?token|AKIA|ASIA|ABIA|ACCA|A3T|aws_ssm_parameter|AWS::SSM::Parameter/i,
  messages: {
    awsVariable: "{{name}} is set to a literal ({{value}}) in {{where}}: static AWS keys in a runtime environment are readable by anyone who can read the configuration; use the role of the workload instead",
    keyLikeValue: "{{name}} in {{where}} holds a literal AWS {{what}} ({{value}}): use the role of the workload, or a reference to Secrets Manager / SSM SecureString",
    ssmParameter: "SSM parameter {{parameter}} of type {{type}} stores an AWS {{what}} ({{value}}) in plain text (also in {{store}}): use a role; if a key is unavoidable, keep it in Secrets Manager or a SecureString created outside the code"
  },
  recommendation: [
    "Delete the key from the code, deactivate it and give the workload a role: the Lambda execution role, the ECS task ",
    "role, the Batch job role, the CodeBuild service role, the Beanstalk instance profile, the App Runner instance role, ",
    "IRSA / EKS Pod Identity in Kubernetes, an OIDC role (`role-to-assume`, `id_tokens`) in GitHub Actions and GitLab CI. ",
    "The AWS SDKs pick those up with no configuration. A key for a system outside ",
    "AWS belongs in Secrets Manager or an SSM SecureString, referenced by name: ECS `secrets`/`valueFrom`, CodeBuild ",
    '`type = "SECRETS_MANAGER"`, `{{resolve:secretsmanager:\u2026}}`, Kubernetes `valueFrom.secretKeyRef`, compose `env_file`, ',
    "`${{ secrets.X }}` in GitHub Actions, a masked CI/CD variable in GitLab, `${ssm:\u2026}` in Serverless."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars.html#configuration-envvars-security",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
    "https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html#build-spec.env",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/sysman-paramstore-securestring.html",
    "https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html",
    "https://kubernetes.io/docs/concepts/configuration/secret/",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document: doc } = context;
    if (doc.kind === "cloudformation") {
      const template = parseCloudFormation(doc);
      if (!template) return;
      for (const entry of cloudFormationEntries(template)) checkEntry(context, entry);
      for (const p of cloudFormationSsmParameters(template)) checkSsmParameter(context, p, "cloudformation");
      if (ciFormatOf(doc.path) === "serverless") for (const entry of ciEntries(context, "serverless")) checkEntry(context, entry);
    } else if (doc.kind === "terraform") {
      if (/\.tfvars(?:\.json)?$/i.test(doc.path)) return;
      const blocks = resourceBlocks(parseTerraform(doc));
      for (const entry of terraformEntries(context, blocks)) checkEntry(context, entry);
      for (const p of terraformSsmParameters(blocks)) checkSsmParameter(context, p, "terraform");
    } else {
      for (const entry of textEntries(context)) checkEntry(context, entry);
    }
  }
});

// rules/no-credentials-in-image.ts
function stagesInFinalImage(model) {
  const froms = model.instructions.filter((i2) => i2.keyword === "FROM" && !i2.onbuild);
  const aliases = /* @__PURE__ */ new Map();
  froms.forEach((ins, index) => {
    const as = ins.args.findIndex((a) => a.value.toLowerCase() === "as");
    const alias = as >= 0 ? ins.args[as + 1]?.value : void 0;
    if (alias) aliases.set(alias.toLowerCase(), index);
  });
  const out2 = /* @__PURE__ */ new Set();
  let current = froms.length - 1;
  while (current !== void 0 && current >= 0 && !out2.has(current)) {
    out2.add(current);
    const base = froms[current]?.args[0]?.value.toLowerCase() ?? "";
    current = aliases.get(base) ?? (/^\d+$/.test(base) ? Number(base) : void 0);
  }
  return out2;
}
function isCredentialSource(path, destination) {
  const clean = path.replace(/^["']|["']$/g, "").replace(/\/+$/, "");
  const segments = clean.split(/[\\/]/).filter((s) => s !== "" && s !== ".");
  const base = (segments.at(-1) ?? "").toLowerCase();
  if (segments.some((s) => s.toLowerCase() === ".aws")) return true;
  if (/(?:^|_)accesskeys\.csv$/.test(base) || base === "credentials.csv" || base === "new_user_credentials.csv") return true;
  if (base === ".boto" || base === "boto.cfg" || base === ".s3cfg") return true;
  if (base === "credentials" || base === "aws_credentials" || base === "aws-credentials") {
    return segments.length === 1 || isCredentialDestination(destination);
  }
  return false;
}
function isCredentialDestination(path) {
  return /(?:^|[\\/])\.aws(?:[\\/](?:credentials)?)?["']?$/i.test(path) || /(?:^|[\\/])(?:boto\.cfg|\.boto|\.s3cfg)["']?$/i.test(path);
}
function literalValue(token) {
  return token !== void 0 && token.value !== "" && !token.value.includes("$");
}
var no_credentials_in_image_default = defineRule({
  id: "no-credentials-in-image",
  description: "Disallow AWS credentials baked into container images through ENV, ARG, COPY or `aws configure` in RUN",
  fullDescription: "Everything a Dockerfile puts into an image can be read by anyone who can pull it: ENV values are stored in the image configuration, build arguments are recorded in `docker history` even without a default, files copied in stay in their layer even if a later step deletes them, and `RUN aws configure set aws_secret_access_key \u2026` writes ~/.aws/credentials into a layer. BuildKit secret mounts give a build step credentials without storing them, and running containers should get credentials from their task, pod or instance role.",
  severity: "error",
  securitySeverity: 8.5,
  precision: "high",
  cwe: ["CWE-798", "CWE-538"],
  tags: ["security", "aws", "docker", "secrets"],
  kinds: ["dockerfile", "shell", "user-data"],
  // `aws … configure` (RUN), credential variables (ENV/ARG) and credential files (COPY/ADD); not
  // a bare `configure`, which every image built from source runs.
  keywords: new RegExp(String.raw`AWS_|\.aws|credentials|\.boto\b|boto\.cfg|s3cfg|accessKeys|${CONFIGURE_KEYWORD_SOURCE}`, "i"),
  messages: {
    envCredential: "`ENV {{name}}` stores an AWS credential in the image configuration, readable by anyone who can pull the image; give the container a task/pod/instance role instead",
    argCredential: "`ARG {{name}}` records the credential passed at build time in the image history; use `RUN --mount=type=secret,id=aws` for build steps that need AWS access",
    copyCredentials: "`{{instruction}}` copies AWS credentials ({{path}}) into an image layer, where they stay even if a later step deletes them; use `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials`",
    runConfigure: "`RUN aws configure` writes an access key to ~/.aws/credentials inside an image layer; use `RUN --mount=type=secret,id=aws,target=/root/.aws/credentials` for the build step and a role at run time",
    builderStage: "`{{instruction}} {{name}}` puts an AWS credential into build stage {{stage}}: it is not in the final image but stays in the build cache and in any image built with `--target`; use `RUN --mount=type=secret,id=aws`"
  },
  recommendation: [
    "Never pass AWS keys into an image. For build steps that need AWS access, use a BuildKit secret mount: ",
    "`RUN --mount=type=secret,id=aws,target=/root/.aws/credentials aws s3 cp \u2026` with ",
    "`docker build --secret id=aws,src=$HOME/.aws/credentials .` \u2014 the file exists only while that step runs. ",
    "At run time, let the container get credentials from its environment: an ECS task role, EKS Pod Identity or IRSA, ",
    "or the EC2 instance profile. Rotate any key that was ever built into an image: every pushed tag still holds it."
  ].join(""),
  references: [
    "https://docs.docker.com/build/building/secrets/",
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html",
    "https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (doc.kind !== "dockerfile") {
      if (!enclosingDockerfile(doc)) return;
      if (!doc.bootstrap) return;
      for (const use of findConfigureCredentialUses(doc)) {
        context.report({
          messageId: "runConfigure",
          start: use.start,
          end: use.end,
          ...use.secret ? { secrets: [use.secret] } : {},
          identity: `run-configure:${use.form}:${use.key ?? ""}`
        });
      }
      return;
    }
    const model = dockerfile(doc);
    if (!model) return;
    const finalStages = stagesInFinalImage(model);
    for (const ins of model.instructions) {
      if (ins.keyword === "ENV" || ins.keyword === "ARG") {
        if (ins.keyword === "ARG" && ins.stage < 0 && !ins.onbuild) continue;
        for (const property of ins.properties) {
          const kind = awsCredentialVariable(property.name.value);
          if (!kind) continue;
          if (ins.keyword === "ENV" && (property.value === void 0 || property.value.value === "")) continue;
          const secrets = literalValue(property.value) && property.value ? [{ start: property.value.start, end: property.value.end, kind }] : [];
          const inFinal = ins.onbuild || finalStages.has(ins.stage);
          const severity = inFinal ? void 0 : "warning";
          context.report({
            messageId: inFinal ? ins.keyword === "ENV" ? "envCredential" : "argCredential" : "builderStage",
            data: { name: property.name.value, instruction: ins.keyword, stage: String(ins.stage) },
            start: property.name.start,
            end: property.name.end,
            secrets,
            identity: `${ins.keyword}:${property.name.value}`,
            ...severity ? { severity } : {}
          });
        }
      } else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
        reportCopy(
          ins,
          doc.text,
          (start2, end, path) => context.report({
            messageId: "copyCredentials",
            data: { instruction: ins.keyword, path },
            start: start2,
            end,
            identity: `${ins.keyword}:${path}`,
            ...ins.onbuild || finalStages.has(ins.stage) ? {} : { severity: "warning" }
          })
        );
      }
    }
  }
});
function reportCopy(ins, text, report2) {
  const json = jsonStrings(text.slice(ins.argsStart, ins.end), ins.argsStart);
  let operands;
  if (json) operands = json;
  else {
    const firstLineEnd = text.indexOf("\n", ins.argsStart);
    const limit = ins.heredocs.length === 0 || firstLineEnd === -1 ? ins.end : firstLineEnd;
    operands = ins.args.filter((a) => a.start < limit);
  }
  if (operands.length < 2) return;
  const destination = operands.at(-1);
  const sources = operands.slice(0, -1);
  for (const source of sources) {
    if (source.value.startsWith("<<")) {
      if (isCredentialDestination(destination.value)) report2(destination.start, destination.end, destination.value);
      continue;
    }
    if (isCredentialSource(source.value, destination.value)) report2(source.start, source.end, source.value);
  }
}

// rules/no-hardcoded-access-key-id.ts
var KEY_TYPE_LABEL = {
  "long-term": "a long-term IAM user key",
  temporary: "a temporary STS key",
  other: "an AWS key"
};
var no_hardcoded_access_key_id_default = defineRule({
  id: "no-hardcoded-access-key-id",
  description: "Disallow AWS access key ids in source, configuration and scripts",
  fullDescription: "An AWS access key id (AKIA\u2026, ASIA\u2026, ABIA\u2026, ACCA\u2026, A3T\u2026) written into a file is half of a credential pair and is usually committed together with its secret. Anyone who can read the repository, an image layer or a build log can then act as that identity. Workloads should get short-lived credentials from an IAM role instead.",
  severity: "error",
  securitySeverity: 9,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws"],
  kinds: "all",
  // Key ids and STS headers, memoised per document and shared with the other credential
  // rules (see credential-context.ts), so enabling all of them adds one scan, not four.
  keywords: KEY_LITERAL_KEYWORDS,
  messages: {
    hardcoded: "AWS access key id {{key}} is hard-coded ({{keyType}}{{account}}); deactivate it and let the SDK load credentials from an IAM role"
  },
  recommendation: [
    "Deactivate and delete the key in IAM (it must be treated as leaked once committed), then remove it from the file and from history. ",
    "Give the workload an IAM role instead: an instance profile on EC2, a task role on ECS, an execution role on Lambda, ",
    "OIDC federation in CI. The AWS SDKs and CLI find those credentials through the default credential provider chain, ",
    "so the code needs no key at all."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  check(context) {
    const { text } = context.document;
    const { allowAccountIds, denyAccountIds } = context.settings;
    for (const match of text.matchAll(accessKeyIdPattern())) {
      const key = match[0];
      const account = decodeAccountId(key);
      const denied = account !== void 0 && denyAccountIds.includes(account);
      if (!denied) {
        if (isImplausibleKeyId(key)) continue;
        if (account !== void 0 && allowAccountIds.includes(account)) continue;
      }
      const start2 = match.index;
      const end = start2 + key.length;
      context.report({
        messageId: "hardcoded",
        data: {
          key: displaySecret(key, "access-key-id", context.settings),
          keyType: KEY_TYPE_LABEL[keyIdType(key)],
          account: account === void 0 ? "" : `, account ${account}`
        },
        start: start2,
        end,
        secrets: [{ start: start2, end, kind: "access-key-id" }],
        identity: key
      });
    }
  }
});

// rules/no-hardcoded-secret-access-key.ts
var no_hardcoded_secret_access_key_default = defineRule({
  id: "no-hardcoded-secret-access-key",
  description: "Disallow AWS secret access keys in source, configuration and scripts",
  fullDescription: "An AWS secret access key written into a file \u2014 assigned to a credential name in code or configuration, passed as a CLI flag, or pasted next to its access key id \u2014 lets anyone who can read the repository, an image layer or a build log sign requests as that IAM identity until the key is deactivated. Workloads should get short-lived credentials from an IAM role instead.",
  severity: "error",
  securitySeverity: 9.5,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws"],
  kinds: "all",
  // A secret is found by its name (`…secret…`) or next to a key id; files with neither are
  // skipped unread. The pre-filter and the name scan are shared with the other credential rules.
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    hardcoded: "AWS secret access key {{secret}} is hard-coded ({{context}}); deactivate the key pair and let the SDK load credentials from an IAM role"
  },
  recommendation: [
    "Deactivate and delete the key pair in IAM: once committed it must be treated as leaked, even after the file is fixed. ",
    "Remove the value from the file and from the repository history. ",
    "Then give the workload an IAM role (an instance profile on EC2, a task role on ECS, an execution role on Lambda, ",
    "OIDC federation in CI); the AWS SDKs and CLI pick those credentials up through the default credential provider chain. ",
    "Where a static secret is truly unavoidable, read it at run time from AWS Secrets Manager or SSM Parameter Store, never from the source."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document: document2, settings } = context;
    const { text } = document2;
    const lineOf = (offset) => document2.lines.lineOf(offset);
    const { assignments, keyIds } = credentialScan(document2);
    const seen = /* @__PURE__ */ new Set();
    const consider = (value, start2, end, label) => {
      if (seen.has(start2)) return;
      seen.add(start2);
      const verdict = acceptSecretValue(value, lineOf(start2), keyIds, settings, {
        looksLike: looksLikeSecretAccessKey,
        isExample: isDocumentationExampleSecret
      });
      if (!verdict) return;
      const { pair } = verdict;
      const where = label !== void 0 ? `assigned to ${label}` : `next to access key id ${displaySecret(pair?.value ?? "", "access-key-id", settings)}`;
      context.report({
        messageId: "hardcoded",
        data: { secret: displaySecret(value, "secret-access-key", settings), context: where },
        start: start2,
        end,
        secrets: [{ start: start2, end, kind: "secret-access-key" }],
        identity: value
      });
    };
    for (const a of assignments) {
      if (a.kind === "secret-access-key" && a.value.length === 40) consider(a.value, a.valueStart, a.valueEnd, a.name.replace(/^-+/, ""));
    }
    for (const id of keyIds) {
      for (const c of secretCandidatesNear(text, id.start, looksLikeSecretAccessKey)) consider(c.value, c.start, c.end, void 0);
    }
  }
});

// rules/no-hardcoded-session-token.ts
var PREFIXED_TOKEN = new RegExp(
  `(?<![A-Za-z0-9+/])(?:${SESSION_TOKEN_PREFIXES.join("|")})[A-Za-z0-9+/]{84,}={0,2}(?![A-Za-z0-9+/=])`,
  "g"
);
function relativeLine(delta) {
  if (delta === 0) return "on the same line";
  const n = Math.abs(delta);
  return `${n} line${n === 1 ? "" : "s"} ${delta > 0 ? "below" : "above"}`;
}
var STS_HEADER = /IQoJ|FwoG|AQoD/;
function isPastedSecret(value) {
  return looksLikeSecretAccessKey(value) && !isDocumentationExampleSecret(value) && !isPlaceholder(value);
}
var no_hardcoded_session_token_default = defineRule({
  id: "no-hardcoded-session-token",
  description: "Disallow AWS session tokens and pasted temporary credentials in source, configuration and scripts",
  fullDescription: "An STS session token (aws_session_token, AWS_SESSION_TOKEN, SessionToken) or a temporary access key id (ASIA\u2026) pasted together with its secret grants whatever the session grants until it expires \u2014 up to 36 hours \u2014 to anyone who can read the file, and pasting them is a sign that credentials are handled by hand. Credentials should come from the runtime (an IAM role, SSO or credential_process), never from the file.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws"],
  kinds: "all",
  // Shared with the other credential rules: one scan per document (token names hold `oken`).
  keywords: CREDENTIAL_KEYWORDS,
  messages: {
    sessionToken: "AWS session token {{token}} is hard-coded ({{context}}); remove it and let the SDK obtain temporary credentials at run time",
    temporaryCredentials: "Temporary AWS credentials are pasted in: access key id {{key}} with its secret access key {{where}}; remove them and use an IAM role, SSO or credential_process"
  },
  recommendation: [
    "Remove the token and its key pair from the file and from history, and revoke the session if it may still be valid ",
    "(for a role session: revoke active sessions on the role; for get-session-token: deactivate the long-term key that issued it). ",
    "Let the runtime supply temporary credentials instead: an IAM role for the workload, `aws sso login` or a ",
    "`credential_process` for people, OIDC federation in CI. The SDKs refresh those automatically."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html",
    "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html",
    "https://docs.aws.amazon.com/sdkref/latest/guide/standardized-credentials.html",
    "https://cwe.mitre.org/data/definitions/798.html"
  ],
  defaultOptions: {},
  // A pasted ASIA id with its secret is one problem: temporary credentials, not a stray key id.
  supersedes: ["no-hardcoded-access-key-id"],
  check(context) {
    const { document: document2, settings } = context;
    const { text } = document2;
    const lineOf = (offset) => document2.lines.lineOf(offset);
    const { assignments, keyIds } = credentialScan(document2);
    const seen = /* @__PURE__ */ new Set();
    const reportToken = (value, start2, end, label) => {
      if (seen.has(start2)) return;
      seen.add(start2);
      if (!acceptSecretValue(value, lineOf(start2), keyIds, settings, { looksLike: looksLikeSessionToken, isExample: isDocumentationExampleToken })) return;
      context.report({
        messageId: "sessionToken",
        data: { token: displaySecret(value, "session-token", settings), context: label },
        start: start2,
        end,
        secrets: [{ start: start2, end, kind: "session-token" }],
        identity: value
      });
    };
    for (const a of assignments) {
      if (a.kind === "session-token") reportToken(a.value, a.valueStart, a.valueEnd, `assigned to ${a.name.replace(/^-+/, "")}`);
    }
    if (KEY_LITERAL_KEYWORDS.test(text) && STS_HEADER.test(text)) for (const m of text.matchAll(PREFIXED_TOKEN)) {
      reportToken(m[0], m.index, m.index + m[0].length, "STS token header");
    }
    for (const id of keyIds) {
      if (!id.value.startsWith("ASIA")) continue;
      if (accountListing(id.account, settings) === "allow") continue;
      const secret = secretCandidatesNear(text, id.start, isPastedSecret)[0];
      if (!secret) continue;
      context.report({
        messageId: "temporaryCredentials",
        data: { key: displaySecret(id.value, "access-key-id", settings), where: relativeLine(lineOf(secret.start) - id.line) },
        start: id.start,
        end: id.end,
        secrets: [
          { start: id.start, end: id.end, kind: "access-key-id" },
          { start: secret.start, end: secret.end, kind: "secret-access-key" }
        ],
        identity: id.value
      });
    }
  }
});

// rules/no-imdsv1-calls.ts
var IMDS_HOST_SOURCE = String.raw`(?:169\.254\.169\.254|\[fd00:ec2::254\]|instance-data(?:\.ec2\.internal)?)`;
var IMDS_URL = new RegExp(String.raw`^(?:https?://)?${IMDS_HOST_SOURCE}(?::80)?(?:[/?#]|$)`, "i");
var IMDS_ANYWHERE = new RegExp(IMDS_HOST_SOURCE, "i");
var TOKEN_HEADER = /x-aws-ec2-metadata-token/i;
var TOKEN_PATH = /\/latest\/api\/token\b/i;
var CREDENTIALS_PATH = /\/meta-data\/iam\/security-credentials/i;
var HTTP_CLIENTS = /* @__PURE__ */ new Set(["curl", "wget"]);
function reportHit(context, hit) {
  const credentials = CREDENTIALS_PATH.test(hit.url);
  const severity = credentials ? "error" : void 0;
  context.report({
    messageId: credentials ? "imdsv1Credentials" : "imdsv1",
    data: { url: hit.url.length > 120 ? `${hit.url.slice(0, 117)}\u2026` : hit.url },
    start: hit.start,
    end: hit.end,
    identity: hit.url.replace(/^https?:\/\//, ""),
    ...severity ? { severity } : {}
  });
}
function resolveWord(script, word) {
  if (word.value !== void 0) return word.value;
  let text = word.loose;
  for (const name2 of word.variables) {
    const a = assignmentBefore(script, name2, word.start);
    const v = a?.value;
    const value = v?.value ?? (v && v.kind === "expansion" ? resolveWord(script, v) : void 0);
    if (value === void 0) continue;
    text = text.replace(new RegExp(String.raw`\$\{${name2}\}|\$${name2}(?![A-Za-z0-9_])`, "g"), value);
  }
  return text;
}
function commandHit(script, command) {
  const args2 = command.effective.slice(1);
  let url;
  for (let i2 = 0; i2 < args2.length; i2++) {
    const w = args2[i2];
    const text = w.value ?? w.loose;
    if (TOKEN_HEADER.test(text)) return void 0;
    if (/^(?:-H|--header)$/.test(text)) {
      const header = args2[i2 + 1];
      if (header && header.value === void 0 && !/^[\w-]+:/.test(header.loose)) return void 0;
      continue;
    }
    if (/^(?:-K|--config|-e|--execute)$/.test(text) || /^--header=\$/.test(w.loose)) return void 0;
    if (url) continue;
    const resolved = resolveWord(script, w);
    if (IMDS_URL.test(resolved)) url = { word: w, resolved };
  }
  if (!url || TOKEN_PATH.test(url.resolved)) return void 0;
  return { start: url.word.contentStart, end: url.word.contentEnd, url: url.resolved };
}
var PY_CALL = /\b(?:requests\.(?:get|head|request\(\s*["']GET["']\s*,)|urllib\.request\.urlopen|urllib2\.urlopen|urlopen|urllib\.request\.Request)\(?\s*$/;
var PY_URL = new RegExp(String.raw`(["'])((?:https?://)?${IMDS_HOST_SOURCE}[^"'\s]*)\1`, "gi");
function pythonHits(text, offset) {
  if (TOKEN_HEADER.test(text)) return [];
  const out2 = [];
  for (const m of text.matchAll(PY_URL)) {
    const before = text.slice(Math.max(0, m.index - 80), m.index);
    if (!PY_CALL.test(before)) continue;
    const url = m[2];
    if (TOKEN_PATH.test(url)) continue;
    const start2 = offset + m.index + 1;
    out2.push({ start: start2, end: start2 + url.length, url });
  }
  return out2;
}
function shellHits(script, doc) {
  const out2 = [];
  for (const command of script.commands) {
    const name2 = commandName(command);
    if (name2 !== void 0 && HTTP_CLIENTS.has(name2)) {
      const hit = commandHit(script, command);
      if (hit) out2.push(hit);
    } else if (name2 !== void 0 && /^python[\d.]*$/.test(name2)) {
      const args2 = command.effective;
      const c = args2.findIndex((w) => w.value === "-c");
      const code = c > 0 ? args2[c + 1] : void 0;
      if (code) out2.push(...pythonHits(doc.text.slice(code.contentStart, code.contentEnd), code.contentStart));
    }
  }
  return out2;
}
function unbalancedClose(text) {
  let depth = 0;
  for (let i2 = 0; i2 < text.length; i2++) {
    if (text[i2] === "(") depth++;
    else if (text[i2] === ")" && --depth < 0) return i2;
  }
  return -1;
}
var PS_CLIENT = /^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr|curl|curl\.exe|wget|wget\.exe)$/i;
function windowsHits(doc) {
  const out2 = [];
  for (const block of windowsBlocks(doc)) {
    const blockText = doc.text.slice(block.start, block.end);
    const blockHasToken = TOKEN_HEADER.test(blockText);
    const urlVariables = /* @__PURE__ */ new Map();
    for (const statement of windowsStatements(doc, block)) {
      const words = windowsWords(statement);
      const assign = /^\$([\w:]+)\s*=\s*["']([^"']+)["']\s*$/.exec(statement.text);
      if (assign && IMDS_URL.test(assign[2])) urlVariables.set(assign[1].toLowerCase(), assign[2]);
      const clientAt = words.findIndex((w) => PS_CLIENT.test(w.value.replace(/^[(@$]*\(/, "")) || /\.Download(?:String|File|Data)\(/i.test(w.value));
      if (clientAt < 0) continue;
      if (TOKEN_HEADER.test(statement.text)) continue;
      if (words.some((w) => /^-(?:Headers|H|Header)$/i.test(w.value)) && blockHasToken) continue;
      let target;
      for (const w of words.slice(clientAt)) {
        const direct = IMDS_URL.test(w.value) ? w.value : void 0;
        const variable = /^\$([\w:]+)$/.exec(w.value)?.[1]?.toLowerCase();
        const url2 = direct ?? (variable ? urlVariables.get(variable) : void 0);
        const inline = direct ?? (IMDS_ANYWHERE.test(w.value) ? /https?:\/\/\S+/.exec(w.value)?.[0] : void 0);
        if (url2 || inline && IMDS_URL.test(inline)) {
          target = { word: w, url: url2 ?? inline };
          break;
        }
      }
      if (!target || TOKEN_PATH.test(target.url)) continue;
      const word = target.word;
      const cut = word.quote === "" ? unbalancedClose(word.value) : -1;
      const url = cut >= 0 && target.url === word.value ? target.url.slice(0, cut) : target.url;
      out2.push({ start: word.contentStart, end: cut >= 0 ? word.contentStart + cut : word.contentEnd, url });
    }
  }
  return out2;
}
var no_imdsv1_calls_default = defineRule({
  id: "no-imdsv1-calls",
  description: "Disallow instance metadata requests without an IMDSv2 session token",
  fullDescription: "A request to the instance metadata service (169.254.169.254, [fd00:ec2::254]) without the `X-aws-ec2-metadata-token` header uses IMDSv1, which answers any GET that reaches it \u2014 including one forged through a server-side request forgery or an open proxy, the path by which role credentials have been stolen. Such scripts also break as soon as the instance requires IMDSv2 (the default for new instance types and AMIs). Reading /latest/meta-data/iam/security-credentials/ this way hands the role's temporary credentials to anything that can run the same request.",
  severity: "warning",
  securitySeverity: 6.5,
  precision: "high",
  cwe: ["CWE-918", "CWE-522"],
  tags: ["security", "aws", "ec2", "imds"],
  kinds: ["shell", "user-data", "cloud-init", "text"],
  keywords: /169\.254\.169\.254|fd00:ec2::254|instance-data/i,
  messages: {
    imdsv1: "Request to the instance metadata service without an IMDSv2 session token ({{url}}); fetch a token with `PUT /latest/api/token` and send it as `X-aws-ec2-metadata-token`",
    imdsv1Credentials: "IMDSv1 request for the instance role's credentials ({{url}}): anything that can make this request can take them; use an IMDSv2 session token, or better let the SDK/CLI load the role credentials itself"
  },
  recommendation: [
    "Use the IMDSv2 session flow: `TOKEN=$(curl -sX PUT http://169.254.169.254/latest/api/token ",
    '-H "X-aws-ec2-metadata-token-ttl-seconds: 21600")`, then `curl -H "X-aws-ec2-metadata-token: $TOKEN" ',
    "http://169.254.169.254/latest/meta-data/\u2026`. In PowerShell, `Invoke-RestMethod -Method PUT` for the token and ",
    '`-Headers @{"X-aws-ec2-metadata-token" = $token}` on each request. Then require IMDSv2 on the instance ',
    '(`HttpTokens: required` / `http_tokens = "required"`). Do not read `iam/security-credentials/` yourself: the ',
    "AWS CLI and SDKs load the instance role credentials on their own, or use `ec2-metadata` from the amazon-ec2-utils package."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instance-metadata-retrieval-examples.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-existing-instances.html"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (doc.kind === "text") {
      if (doc.language === "python") for (const hit of pythonHits(doc.text, 0)) reportHit(context, hit);
      for (const hit of windowsHits(doc)) reportHit(context, hit);
      return;
    }
    const script = shellScript(doc);
    if (script) for (const hit of shellHits(script, doc)) reportHit(context, hit);
    for (const hit of windowsHits(doc)) reportHit(context, hit);
  }
});

// src/iac/graph.ts
var CFN_KINDS = {
  "AWS::EC2::Instance": "instance",
  "AWS::EC2::LaunchTemplate": "launch-template",
  "AWS::AutoScaling::LaunchConfiguration": "launch-configuration",
  "AWS::EC2::SpotFleet": "fleet",
  "AWS::EC2::EC2Fleet": "fleet",
  "AWS::AutoScaling::AutoScalingGroup": "autoscaling-group",
  "AWS::IAM::InstanceProfile": "instance-profile",
  "AWS::IAM::Role": "role",
  "AWS::IAM::Policy": "policy",
  "AWS::IAM::ManagedPolicy": "policy",
  "AWS::IAM::RolePolicy": "policy",
  "AWS::IAM::User": "user",
  "AWS::IAM::AccessKey": "access-key",
  "AWS::Lambda::Function": "lambda",
  "AWS::Serverless::Function": "lambda",
  "AWS::ECS::TaskDefinition": "ecs-task-definition",
  "AWS::EKS::Nodegroup": "eks-nodegroup",
  "AWS::Batch::ComputeEnvironment": "batch-compute"
};
var TF_KINDS = {
  aws_instance: "instance",
  aws_launch_template: "launch-template",
  aws_launch_configuration: "launch-configuration",
  aws_spot_instance_request: "spot-request",
  aws_spot_fleet_request: "fleet",
  aws_ec2_fleet: "fleet",
  aws_autoscaling_group: "autoscaling-group",
  aws_iam_instance_profile: "instance-profile",
  aws_iam_role: "role",
  aws_iam_policy: "policy",
  aws_iam_role_policy: "policy",
  aws_iam_role_policy_attachment: "policy-attachment",
  aws_iam_policy_attachment: "policy-attachment",
  aws_iam_user: "user",
  aws_iam_access_key: "access-key",
  aws_lambda_function: "lambda",
  aws_ecs_task_definition: "ecs-task-definition",
  aws_eks_node_group: "eks-nodegroup",
  aws_batch_compute_environment: "batch-compute"
};
function describeNode(node) {
  return node.format === "cloudformation" ? `${node.type} ${node.id}` : node.id;
}
function attrOf(entry) {
  return entry ? { value: entry.value, keyRange: entry.keyRange } : void 0;
}
function tfAttr(attr) {
  return attr ? { value: attr.value(), keyRange: attr.nameRange } : void 0;
}
function referencesIn(value, out2) {
  if (!value) return;
  if (value.kind === "ref") out2.add(value.target);
  else if (value.kind === "list") value.items.forEach((v) => referencesIn(v, out2));
  else if (value.kind === "map") value.entries.forEach((e) => referencesIn(e.value, out2));
  else if (value.kind === "string") {
    if (value.encoded) referencesIn(value.encoded, out2);
    if (value.hasPlaceholders) for (const m of value.value.matchAll(/\$\{([A-Za-z][\w:-]*(?:\.[\w-]+)?)(?:\.[\w-]+)*\}/g)) out2.add(m[1].split(".").slice(0, 2).join("."));
  }
}
function policyDocument(value) {
  if (!value) return void 0;
  if (value.kind === "map") return value;
  if (value.kind === "string") {
    if (value.encoded) return value.encoded;
    if (value.hasPlaceholders && !value.value.trim().startsWith("{")) return void 0;
    try {
      return plainToValue(JSON.parse(value.value), value.range);
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function plainToValue(v, range) {
  if (typeof v === "string") return { kind: "string", value: v, range, ...v.includes("${") ? { hasPlaceholders: true } : {} };
  if (typeof v === "number") return { kind: "number", value: v, range };
  if (typeof v === "boolean") return { kind: "bool", value: v, range };
  if (v === null || v === void 0) return { kind: "null", range };
  if (Array.isArray(v)) return { kind: "list", items: v.map((i2) => plainToValue(i2, range)), range };
  return { kind: "map", entries: Object.entries(v).map(([key, val]) => ({ key, keyRange: range, value: plainToValue(val, range) })), range };
}
function cfnGraph(template) {
  const nodes = template.resources.map((r) => ({
    id: r.logicalId,
    format: "cloudformation",
    type: r.type,
    kind: CFN_KINDS[r.type] ?? "other",
    typeRange: r.typeRange,
    nameRange: r.idRange,
    local: true,
    cfn: r
  }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const props = (n) => n.cfn?.properties;
  const attribute = (n, path) => {
    let current = props(n);
    let entry;
    for (const step of path) {
      entry = mapEntry(current, step);
      if (!entry) return void 0;
      current = entry.value;
    }
    return attrOf(entry);
  };
  const templateData = (n) => n.kind === "launch-template" ? "LaunchTemplateData" : void 0;
  const under = (n, path) => templateData(n) ? [templateData(n), ...path] : path;
  const resolve = (value) => {
    if (!value) return void 0;
    if (value.kind === "ref") {
      const node = byId.get(value.target);
      return node ? { state: "node", node } : { state: "unknown" };
    }
    if (value.kind === "map") {
      for (const key of ["LaunchTemplateId", "LaunchTemplateName", "Arn", "Name"]) {
        const inner = mapGet(value, key);
        if (inner) return resolve(inner);
      }
      return { state: "unknown" };
    }
    if (value.kind === "string" && value.hasPlaceholders) {
      const refs = /* @__PURE__ */ new Set();
      referencesIn(value, refs);
      for (const r of refs) {
        const node = byId.get(r.split(".")[0]);
        if (node) return { state: "node", node };
      }
    }
    return { state: "unknown" };
  };
  return {
    format: "cloudformation",
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => !kinds || kinds.includes(n.kind)),
    attribute,
    resolve,
    instanceProfileOf(n) {
      if (n.kind === "fleet") {
        const specs = asList(getPath(props(n), ["SpotFleetRequestConfigData", "LaunchSpecifications"]));
        for (const spec of specs) {
          const p = mapEntry(spec, "IamInstanceProfile");
          if (p) return attrOf(p);
        }
        return void 0;
      }
      return attribute(n, under(n, ["IamInstanceProfile"]));
    },
    launchTemplatesOf(n) {
      const out2 = [];
      const p = props(n);
      const lt = mapGet(p, "LaunchTemplate");
      if (lt) out2.push(lt);
      const mixed = getPath(p, ["MixedInstancesPolicy", "LaunchTemplate", "LaunchTemplateSpecification"]);
      if (mixed) out2.push(mixed);
      for (const cfg of asList(getPath(p, ["SpotFleetRequestConfigData", "LaunchTemplateConfigs"]))) {
        const spec = mapGet(cfg, "LaunchTemplateSpecification");
        if (spec) out2.push(spec);
      }
      for (const cfg of asList(mapGet(p, "LaunchTemplateConfigs"))) {
        const spec = mapGet(cfg, "LaunchTemplateSpecification");
        if (spec) out2.push(spec);
      }
      const lc = mapGet(p, "LaunchConfigurationName");
      if (lc) out2.push(lc);
      return out2;
    },
    userDataOf(n) {
      const ud = n.kind === "fleet" ? mapGet(asList(getPath(props(n), ["SpotFleetRequestConfigData", "LaunchSpecifications"]))[0], "UserData") : attribute(n, under(n, ["UserData"]))?.value;
      return ud?.kind === "string" ? ud.value : void 0;
    },
    metadataOptionsOf(n) {
      const entry = n.kind === "launch-template" ? mapEntry(mapGet(props(n), "LaunchTemplateData"), "MetadataOptions") : mapEntry(props(n), "MetadataOptions");
      if (!entry) return void 0;
      return {
        range: entry.keyRange,
        ...optional("httpTokens", attrOf(mapEntry(entry.value, "HttpTokens"))),
        ...optional("httpEndpoint", attrOf(mapEntry(entry.value, "HttpEndpoint"))),
        ...optional("hopLimit", attrOf(mapEntry(entry.value, "HttpPutResponseHopLimit")))
      };
    },
    rolesOf(profile) {
      const roles = mapEntry(props(profile), "Roles");
      if (!roles) return [];
      return asList(roles.value).map((value) => ({ value, keyRange: roles.keyRange }));
    },
    trustPolicyOf(role) {
      return attribute(role, ["AssumeRolePolicyDocument"]);
    },
    referrers(target) {
      return nodes.filter((n) => {
        const refs = /* @__PURE__ */ new Set();
        referencesIn(n.cfn?.properties, refs);
        return [...refs].some((r) => r === target.id || r.startsWith(`${target.id}.`));
      });
    },
    policiesOf(role) {
      const out2 = [];
      for (const p of asList(mapGet(props(role), "Policies"))) {
        const doc = mapGet(p, "PolicyDocument");
        if (doc) out2.push({ node: role, document: doc });
      }
      for (const n of nodes) {
        if (n.kind !== "policy") continue;
        const roles = asList(mapGet(props(n), "Roles")).concat(mapGet(props(n), "RoleName") ? [mapGet(props(n), "RoleName")] : []);
        if (roles.some((r) => r.kind === "ref" && r.target === role.id)) {
          const doc = mapGet(props(n), "PolicyDocument");
          if (doc) out2.push({ node: n, document: doc });
        }
      }
      return out2;
    },
    moduleCalls: () => []
  };
}
function optional(key, value) {
  return value === void 0 ? {} : { [key]: value };
}
function blocksWithDynamic(block, type) {
  if (!block) return [];
  const generated = block.blocks("dynamic").filter((d) => d.labels[0]?.value === type).flatMap((d) => d.blocks("content").slice(0, 1));
  return [...block.blocks(type), ...generated];
}
function dynamicBlocks(block, type) {
  return block.blocks("dynamic").filter((d) => d.labels[0]?.value === type);
}
function dynamicValue(range, label) {
  return { kind: "unknown", reason: "dynamic", range, label };
}
var TRAVERSAL = /(?<![\w.$-])([A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g;
function attributeReferences(attr, locals, out2, seen) {
  if (seen.has(attr)) return;
  seen.add(attr);
  for (const m of attr.source().matchAll(TRAVERSAL)) {
    const head = m[1];
    const name2 = m[2];
    if (head === "local") {
      const l = locals.get(name2);
      if (l) attributeReferences(l, locals, out2, seen);
    } else out2.add(`${head}.${name2}`);
  }
}
function tfGraph(file) {
  const mod = moduleOf(file);
  const nodes = [];
  const byId = /* @__PURE__ */ new Map();
  for (const f of mod.files) {
    for (const b of f.blocks) {
      if (b.type !== "resource" || b.labels.length < 2) continue;
      const type = b.labels[0].value;
      const id = `${type}.${b.labels[1].value}`;
      if (byId.has(id)) continue;
      const node = { id, format: "terraform", type, kind: TF_KINDS[type] ?? "other", typeRange: b.labels[0].range, nameRange: b.labels[1].range, local: f === file, tf: b };
      nodes.push(node);
      byId.set(id, node);
    }
  }
  const attribute = (n, path) => {
    let block = n.tf;
    for (let i2 = 0; i2 < path.length - 1; i2++) {
      const nested = block?.blocks(path[i2])[0];
      if (!nested) {
        const obj = block?.attribute(path[i2])?.value();
        const entry = obj ? mapEntry(obj.kind === "list" ? obj.items[0] : obj, path[path.length - 1]) : void 0;
        return i2 === path.length - 2 ? attrOf(entry) : void 0;
      }
      block = nested;
    }
    return tfAttr(block?.attribute(path[path.length - 1]));
  };
  const resolve = (value) => {
    if (!value) return void 0;
    if (value.kind === "ref") {
      const node = byId.get(value.target);
      return node ? { state: "node", node } : { state: "unknown" };
    }
    if (value.kind === "string" && value.hasPlaceholders) {
      const refs = /* @__PURE__ */ new Set();
      referencesIn(value, refs);
      for (const r of refs) {
        const node = byId.get(r);
        if (node) return { state: "node", node };
      }
    }
    return { state: "unknown" };
  };
  const blockOf = (n) => n.tf;
  const references = /* @__PURE__ */ new Map();
  let referrersIndex;
  const referencesOf = (n) => {
    let refs = references.get(n);
    if (refs) return refs;
    const found = /* @__PURE__ */ new Set();
    const seen = /* @__PURE__ */ new Set();
    const walk = (b) => {
      for (const a of b.attributes()) attributeReferences(a, mod.locals, found, seen);
      for (const nb of b.blocks()) walk(nb);
    };
    walk(blockOf(n));
    refs = found;
    references.set(n, refs);
    return refs;
  };
  return {
    format: "terraform",
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => n.local && (!kinds || kinds.includes(n.kind))),
    attribute,
    resolve,
    instanceProfileOf(n) {
      const b = blockOf(n);
      if (n.type === "aws_launch_template") {
        const spec = b.blocks("iam_instance_profile")[0];
        if (spec) {
          const inner = spec.attribute("name") ?? spec.attribute("arn");
          return inner ? tfAttr(inner) : { value: { kind: "unknown", reason: "dynamic", range: spec.typeRange }, keyRange: spec.typeRange };
        }
        const dyn = dynamicBlocks(b, "iam_instance_profile")[0];
        if (dyn) return { value: dynamicValue(dyn.range, 'dynamic "iam_instance_profile"'), keyRange: dyn.typeRange };
        return tfAttr(b.attribute("iam_instance_profile"));
      }
      if (n.type === "aws_spot_fleet_request") {
        const dyn = dynamicBlocks(b, "launch_specification")[0];
        if (dyn) return { value: dynamicValue(dyn.range, 'dynamic "launch_specification"'), keyRange: dyn.typeRange };
        for (const spec of b.blocks("launch_specification")) {
          const p = spec.attribute("iam_instance_profile") ?? spec.attribute("iam_instance_profile_arn");
          if (p) return tfAttr(p);
        }
        return void 0;
      }
      return tfAttr(b.attribute("iam_instance_profile"));
    },
    launchTemplatesOf(n) {
      const b = blockOf(n);
      const out2 = [];
      const specs = [
        ...blocksWithDynamic(b, "launch_template"),
        ...blocksWithDynamic(b, "mixed_instances_policy").flatMap((m) => blocksWithDynamic(m, "launch_template").flatMap((lt) => blocksWithDynamic(lt, "launch_template_specification"))),
        ...blocksWithDynamic(b, "launch_template_config").flatMap((c) => blocksWithDynamic(c, "launch_template_specification"))
      ];
      for (const spec of specs) {
        const ref = spec.attribute("id") ?? spec.attribute("launch_template_id") ?? spec.attribute("name") ?? spec.attribute("launch_template_name");
        out2.push(ref ? ref.value() : { kind: "unknown", reason: "dynamic", range: spec.typeRange });
      }
      const lc = b.attribute("launch_configuration");
      if (lc) out2.push(lc.value());
      return out2;
    },
    userDataOf(n) {
      const b = blockOf(n);
      const ud = b.attribute("user_data") ?? b.attribute("user_data_base64") ?? b.blocks("launch_specification")[0]?.attribute("user_data");
      const v = ud?.value();
      return v?.kind === "string" ? v.value : void 0;
    },
    metadataOptionsOf(n) {
      const b = blockOf(n);
      const block = b.blocks("metadata_options")[0];
      if (block) {
        return {
          range: block.typeRange,
          ...optional("httpTokens", tfAttr(block.attribute("http_tokens"))),
          ...optional("httpEndpoint", tfAttr(block.attribute("http_endpoint"))),
          ...optional("hopLimit", tfAttr(block.attribute("http_put_response_hop_limit")))
        };
      }
      const dyn = dynamicBlocks(b, "metadata_options")[0];
      if (dyn) {
        const content = dyn.blocks("content")[0];
        const tokens = content?.attribute("http_tokens");
        const tokenValue = knownString(tokens?.value());
        const hop = content?.attribute("http_put_response_hop_limit");
        return {
          range: dyn.typeRange,
          httpTokens: tokens && tokenValue !== void 0 && tokenValue.toLowerCase() !== "required" ? tfAttr(tokens) : { value: dynamicValue(tokens?.range ?? dyn.range, 'dynamic "metadata_options"'), keyRange: tokens?.nameRange ?? dyn.typeRange },
          ...optional("httpEndpoint", tfAttr(content?.attribute("http_endpoint"))),
          ...optional("hopLimit", tfAttr(hop))
        };
      }
      const obj = b.attribute("metadata_options");
      if (!obj) return void 0;
      const v = obj.value();
      const m = v.kind === "list" ? v.items[0] : v;
      return {
        range: obj.nameRange,
        ...optional("httpTokens", attrOf(mapEntry(m, "http_tokens"))),
        ...optional("httpEndpoint", attrOf(mapEntry(m, "http_endpoint"))),
        ...optional("hopLimit", attrOf(mapEntry(m, "http_put_response_hop_limit")))
      };
    },
    rolesOf(profile) {
      const b = blockOf(profile);
      const role = b.attribute("role");
      if (role) return [{ value: role.value(), keyRange: role.nameRange }];
      const roles = b.attribute("roles");
      return roles ? asList(roles.value()).map((value) => ({ value, keyRange: roles.nameRange })) : [];
    },
    trustPolicyOf(role) {
      return tfAttr(blockOf(role).attribute("assume_role_policy"));
    },
    referrers(target) {
      if (!referrersIndex) {
        referrersIndex = /* @__PURE__ */ new Map();
        for (const n of nodes) for (const id of referencesOf(n)) {
          const list = referrersIndex.get(id);
          if (list) list.push(n);
          else referrersIndex.set(id, [n]);
        }
      }
      return referrersIndex.get(target.id) ?? [];
    },
    policiesOf(role) {
      const out2 = [];
      const rb = blockOf(role);
      for (const ip of rb.blocks("inline_policy")) {
        const doc = policyDocument(ip.attribute("policy")?.value());
        if (doc) out2.push({ node: role, document: doc });
      }
      const refersToRole = (v) => asList(v).some((x) => x.kind === "ref" && x.target === role.id);
      for (const n of nodes) {
        if (n.type === "aws_iam_role_policy" && refersToRole(blockOf(n).attribute("role")?.value())) {
          const doc = policyDocument(blockOf(n).attribute("policy")?.value());
          if (doc) out2.push({ node: n, document: doc });
        }
        if (n.kind === "policy-attachment" && (refersToRole(blockOf(n).attribute("role")?.value()) || refersToRole(blockOf(n).attribute("roles")?.value()))) {
          const target = resolve(blockOf(n).attribute("policy_arn")?.value());
          if (target?.state === "node") {
            const doc = policyDocument(blockOf(target.node).attribute("policy")?.value());
            if (doc) out2.push({ node: target.node, document: doc });
          }
        }
      }
      for (const arn of asList(rb.attribute("managed_policy_arns")?.value())) {
        const target = resolve(arn);
        if (target?.state === "node") {
          const doc = policyDocument(blockOf(target.node).attribute("policy")?.value());
          if (doc) out2.push({ node: target.node, document: doc });
        }
      }
      return out2;
    },
    moduleCalls() {
      const out2 = [];
      for (const b of file.blocks) {
        const label = b.labels[0];
        if (b.type !== "module" || !label) continue;
        const source = knownString(b.attribute("source")?.value());
        out2.push({ id: `module.${label.value}`, nameRange: label.range, ...source !== void 0 ? { source } : {}, block: b });
      }
      return out2;
    }
  };
}
var TERRAFORM_AWS_MODULES = /(?:^|[/:])terraform-aws-modules\/(?:([\w-]+)\/aws|terraform-aws-([\w-]+?)(?:\.git)?)(?:\/\/([\w./-]*?))?\/?(?:[?#]|$)/i;
var EC2_MODULES = {
  "ec2-instance": [""],
  autoscaling: [""],
  // The root eks module takes node groups as maps of maps; only the node group modules take `metadata_options` directly.
  eks: ["modules/eks-managed-node-group", "modules/self-managed-node-group"]
};
function ec2ModuleOf(source) {
  const m = source === void 0 ? null : TERRAFORM_AWS_MODULES.exec(source.trim());
  if (!m) return void 0;
  const name2 = (m[1] ?? m[2] ?? "").toLowerCase();
  const subdir = (m[3] ?? "").replace(/^\/+|\/+$/g, "").toLowerCase();
  if (!EC2_MODULES[name2]?.includes(subdir)) return void 0;
  return `terraform-aws-modules/${name2}${subdir ? `//${subdir}` : ""}`;
}
function moduleMetadataOptions(call) {
  const attr = call.block.attribute("metadata_options");
  if (!attr) return void 0;
  const v = attr.value();
  const m = v.kind === "list" ? v.items[0] : v;
  return {
    range: attr.nameRange,
    ...optional("httpTokens", attrOf(mapEntry(m, "http_tokens"))),
    ...optional("httpEndpoint", attrOf(mapEntry(m, "http_endpoint"))),
    ...optional("hopLimit", attrOf(mapEntry(m, "http_put_response_hop_limit")))
  };
}
function planGraph(resources, text) {
  const nodes = [];
  const byId = /* @__PURE__ */ new Map();
  for (const r of resources) {
    if (r.mode !== "managed" || !r.values || byId.has(r.address)) continue;
    const quoted = text[r.typeRange.start] === '"' && text[r.typeRange.end - 1] === '"' && r.typeRange.end - r.typeRange.start >= 2;
    const typeRange = quoted ? { start: r.typeRange.start + 1, end: r.typeRange.end - 1 } : r.typeRange;
    const node = { id: r.address, format: "terraform", type: r.type, kind: TF_KINDS[r.type] ?? "other", typeRange, nameRange: typeRange, local: true, plan: r };
    nodes.push(node);
    byId.set(node.id, node);
  }
  const values = (n) => n.plan?.values;
  const first = (v) => v?.kind === "list" ? v.items[0] : v;
  const entryAt = (n, path) => {
    let current = values(n);
    let entry;
    for (const step of path) {
      entry = mapEntry(first(current), step);
      if (!entry) return void 0;
      current = entry.value;
    }
    return entry;
  };
  const isSet = (v) => v !== void 0 && v.kind !== "null" && !(v.kind === "list" && v.items.length === 0) && !(v.kind === "string" && v.value === "");
  const setAttr = (entry) => entry && isSet(entry.value) ? attrOf(entry) : void 0;
  return {
    format: "terraform",
    nodes,
    node: (id) => byId.get(id),
    localNodes: (kinds) => nodes.filter((n) => !kinds || kinds.includes(n.kind)),
    attribute: (n, path) => setAttr(entryAt(n, path)),
    resolve: (value) => value ? { state: "unknown" } : void 0,
    instanceProfileOf(n) {
      if (n.type === "aws_launch_template") {
        const spec = first(entryAt(n, ["iam_instance_profile"])?.value);
        return setAttr(mapEntry(spec, "name")) ?? setAttr(mapEntry(spec, "arn"));
      }
      if (n.type === "aws_spot_fleet_request") {
        for (const spec of asList(entryAt(n, ["launch_specification"])?.value)) {
          const p = setAttr(mapEntry(spec, "iam_instance_profile")) ?? setAttr(mapEntry(spec, "iam_instance_profile_arn"));
          if (p) return p;
        }
        return void 0;
      }
      return setAttr(entryAt(n, ["iam_instance_profile"]));
    },
    launchTemplatesOf(n) {
      const out2 = [];
      const specs = [
        ...asList(entryAt(n, ["launch_template"])?.value),
        ...asList(getPath(first(entryAt(n, ["mixed_instances_policy"])?.value), ["launch_template"])).flatMap((lt) => asList(mapGet(lt, "launch_template_specification"))),
        ...asList(entryAt(n, ["launch_template_config"])?.value).flatMap((c) => asList(mapGet(c, "launch_template_specification")))
      ];
      for (const spec of specs) if (spec.kind === "map") out2.push(spec);
      const lc = setAttr(entryAt(n, ["launch_configuration"]));
      if (lc) out2.push(lc.value);
      return out2;
    },
    userDataOf(n) {
      return knownString(entryAt(n, ["user_data"])?.value);
    },
    metadataOptionsOf(n) {
      const entry = entryAt(n, ["metadata_options"]);
      const m = first(entry?.value);
      if (!entry || m?.kind !== "map") return void 0;
      return {
        range: entry.keyRange,
        ...optional("httpTokens", setAttr(mapEntry(m, "http_tokens"))),
        ...optional("httpEndpoint", setAttr(mapEntry(m, "http_endpoint"))),
        ...optional("hopLimit", setAttr(mapEntry(m, "http_put_response_hop_limit")))
      };
    },
    rolesOf(profile) {
      const role = setAttr(entryAt(profile, ["role"]));
      return role ? [role] : [];
    },
    trustPolicyOf(role) {
      return setAttr(entryAt(role, ["assume_role_policy"]));
    },
    // Planned values hold no references: relations are not known.
    referrers: () => [],
    policiesOf: () => [],
    // Plans flatten modules into their resources (checked as such).
    moduleCalls: () => []
  };
}
var graphs = /* @__PURE__ */ new WeakMap();
function resourceGraph(doc) {
  const cached = graphs.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  let graph = null;
  if (doc.kind === "cloudformation") {
    const template = parseCloudFormation(doc);
    if (template) graph = cfnGraph(template);
  } else if (doc.kind === "terraform" && !/\.tfvars(?:\.json)?$/i.test(doc.path)) {
    graph = tfGraph(parseTerraform(doc));
  } else if (doc.kind === "text" && doc.language === "json" && looksLikeTerraformPlan(doc.text)) {
    graph = planGraph(parseTerraformPlan(doc), doc.text);
  }
  graphs.set(doc, graph);
  return graph ?? void 0;
}
function actionPattern(pattern) {
  const body2 = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${body2}$`, "i");
}
function statementCoversAction(st, action) {
  const matches = (list) => {
    let uncertain = false;
    for (const a of list) {
      const s = knownString(a);
      if (s === void 0) uncertain = true;
      else if (actionPattern(s).test(action)) return true;
    }
    return uncertain ? void 0 : false;
  };
  const act = mapGet(st, "Action");
  if (act) {
    if (act.kind !== "list" && act.kind !== "string") return void 0;
    return matches(asList(act));
  }
  const notAct = mapGet(st, "NotAction");
  if (notAct) {
    if (notAct.kind !== "list" && notAct.kind !== "string") return void 0;
    const m = matches(asList(notAct));
    return m === void 0 ? void 0 : !m;
  }
  return void 0;
}
function statementCoversEc2(st) {
  if (mapGet(st, "NotPrincipal")) return void 0;
  const principal = mapGet(st, "Principal");
  if (!principal) return void 0;
  if (principal.kind === "string") return principal.hasPlaceholders ? void 0 : principal.value === "*";
  if (principal.kind !== "map") return void 0;
  let uncertain = false;
  for (const e of principal.entries) {
    if (e.key !== "Service") {
      if (e.key === "AWS" && asList(e.value).some((v) => knownString(v) === void 0 || knownString(v) === "*")) uncertain = true;
      continue;
    }
    if (e.value.kind !== "list" && e.value.kind !== "string") {
      uncertain = true;
      continue;
    }
    for (const s of asList(e.value)) {
      const v = knownString(s);
      if (v === void 0) uncertain = true;
      else if (/^ec2\.amazonaws\.com(?:\.cn)?$/i.test(v.trim()) || v === "*") return true;
    }
  }
  return uncertain ? void 0 : false;
}
function trustsEc2(trust) {
  const doc = policyDocument(trust);
  if (!doc || doc.kind !== "map") return void 0;
  const statementValue = mapGet(doc, "Statement");
  if (!statementValue || statementValue.kind !== "list" && statementValue.kind !== "map") return void 0;
  if (statementValue.kind === "list" && statementValue.items.length === 0) return void 0;
  let uncertain = false;
  let allowed = false;
  for (const st of asList(statementValue)) {
    if (st.kind !== "map") {
      uncertain = true;
      continue;
    }
    const effect = knownString(mapGet(st, "Effect"))?.toLowerCase();
    const action = statementCoversAction(st, "sts:AssumeRole");
    const principal = statementCoversEc2(st);
    if (effect === "deny") {
      if (action === true && principal === true && !mapGet(st, "Condition")) return false;
      continue;
    }
    if (effect !== "allow") {
      uncertain = true;
      continue;
    }
    if (action === true && principal === true) allowed = true;
    else if (action !== false && principal !== false) uncertain = true;
  }
  if (allowed) return true;
  return uncertain ? void 0 : false;
}
var AWS_API_USE = /(?:^|[\s;&|(`"'$])aws\s+(?:s3|ssm|ec2|sts|secretsmanager|ecr|dynamodb|sqs|sns|cloudwatch|logs|configure|kms|autoscaling|elbv2|route53|lambda|iam|[a-z0-9-]+\s+[a-z])|\bboto3\b|\bbotocore\b|\baws-sdk\b|@aws-sdk\/|\bAWSPowerShell\b|\b(?:Read|Write|Copy)-S3Object\b|\bGet-SSMParameter\b|\baws-cli\b/;

// rules/no-long-lived-access-keys.ts
var CFN_SECRET_ATTRIBUTES = /* @__PURE__ */ new Set(["SecretAccessKey"]);
var TF_SECRET_ATTRIBUTES = /* @__PURE__ */ new Set(["secret", "encrypted_secret", "ses_smtp_password_v4", "encrypted_ses_smtp_password_v4"]);
function exposedSecret(value, isAccessKey, secretAttrs) {
  if (!value) return void 0;
  if (value.kind === "ref") return value.attribute && secretAttrs.has(value.attribute) && isAccessKey(value.target) ? value.range : void 0;
  if (value.kind === "string" && value.hasPlaceholders) {
    for (const m of value.value.matchAll(/\$\{([\w:.-]+)\}/g)) {
      const parts2 = m[1].split(".");
      const attribute = parts2[parts2.length - 1];
      if (secretAttrs.has(attribute) && isAccessKey(parts2.slice(0, -1).join("."))) return value.range;
    }
  }
  if (value.kind === "list") for (const i2 of value.items) {
    const r = exposedSecret(i2, isAccessKey, secretAttrs);
    if (r) return r;
  }
  if (value.kind === "map") for (const e of value.entries) {
    const r = exposedSecret(e.value, isAccessKey, secretAttrs);
    if (r) return r;
  }
  return void 0;
}
function checkOutputs(context) {
  const doc = context.document;
  if (doc.kind === "cloudformation") {
    const template = parseCloudFormation(doc);
    if (!template) return;
    const isKey = (id) => template.resourcesById.get(id)?.type === "AWS::IAM::AccessKey";
    for (const output of template.outputs) {
      const range = exposedSecret(output.value, isKey, CFN_SECRET_ATTRIBUTES);
      if (range) context.report({ messageId: "exposed", data: { output: output.name }, start: range.start, end: range.end, identity: `output.${output.name}` });
    }
  } else {
    const file = parseTerraform(doc);
    const isKey = (target) => target.startsWith("aws_iam_access_key.");
    for (const block of file.blocks) {
      if (block.type !== "output") continue;
      const value = block.attribute("value")?.value();
      const range = exposedSecret(value, isKey, TF_SECRET_ATTRIBUTES);
      if (range) context.report({ messageId: "exposed", data: { output: block.labels[0]?.value ?? "" }, start: range.start, end: range.end, identity: `output.${block.labels[0]?.value ?? ""}` });
    }
  }
}
var no_long_lived_access_keys_default = defineRule({
  id: "no-long-lived-access-keys",
  description: "Disallow minting IAM user access keys in infrastructure code and exposing their secrets as outputs",
  fullDescription: "An `AWS::IAM::AccessKey` / `aws_iam_access_key` creates a long-lived IAM user key whose secret ends up in the CloudFormation stack or the Terraform state (in plain text), and often in an output that anyone who can read the stack or the state can see. Workloads should use roles (instance profiles, task roles, OIDC) instead.",
  severity: "warning",
  securitySeverity: 7,
  precision: "very-high",
  cwe: ["CWE-798", "CWE-200"],
  tags: ["security", "aws", "iam"],
  kinds: ["cloudformation", "terraform"],
  keywords: /AWS::IAM::AccessKey|aws_iam_access_key/,
  messages: {
    minted: "{{resource}} creates a long-lived IAM user access key; its secret is stored in the {{store}}: use a role instead",
    exposed: "output {{output}} exposes an access key secret to anyone who can read the {{store}}: remove the output and use a role"
  },
  recommendation: [
    "Give the workload a role instead of a user key: an instance profile on EC2, a task role on ECS, an execution role ",
    "on Lambda, OIDC federation for CI. If a key is unavoidable (a third-party system outside AWS), create it out of ",
    "band, store it in Secrets Manager and rotate it; never output its secret."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-accesskey.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_access_key"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    const store = graph.format === "cloudformation" ? "stack" : "Terraform state";
    for (const node of graph.localNodes(["access-key"])) {
      context.report({ messageId: "minted", data: { resource: describeNode(node), store }, start: node.typeRange.start, end: node.typeRange.end, identity: `${node.id}:access-key` });
    }
    checkOutputs({ ...context, report: (d) => context.report({ ...d, data: { ...d.data, store } }) });
  }
});

// src/parsers/cloud-init.ts
var import_yaml2 = __toESM(require_dist(), 1);
var cache3 = /* @__PURE__ */ new WeakMap();
function isCloudConfigDocument(doc) {
  return (doc.kind === "cloud-init" || doc.kind === "user-data") && userDataFormat(doc.text) === "cloud-config";
}
function cloudConfig(doc) {
  const cached = cache3.get(doc);
  if (cached !== void 0) return cached ?? void 0;
  const config = isCloudConfigDocument(doc) ? parseCloudConfig(doc.text) : null;
  cache3.set(doc, config);
  return config ?? void 0;
}
function rangeOf2(node) {
  const r = node.range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}
function scalarString(node) {
  if (!(0, import_yaml2.isScalar)(node)) return void 0;
  const v = node.value;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? node : void 0;
}
var TERRAFORM_DIRECTIVE = /%\{[^{}\n]*\}/g;
var JINJA_TAG = /\{%[\s\S]*?%\}|\{#[\s\S]*?#\}/g;
var JINJA_EXPRESSION = /\{\{[\s\S]*?\}\}/g;
function neutralizeTemplateSyntax(text) {
  const blank = (m) => m.replace(/[^\n]/g, " ");
  let out2 = text.includes("%{") ? text.replace(TERRAFORM_DIRECTIVE, blank) : text;
  if (/^## template: *jinja\b/i.test(out2)) {
    out2 = out2.replace(JINJA_TAG, blank).replace(JINJA_EXPRESSION, (m) => m.replace(/[^\n]/g, "_"));
  }
  return out2;
}
function parseCloudConfig(source) {
  const text = neutralizeTemplateSyntax(source);
  const errors = [];
  const commands = [];
  const writeFiles = [];
  let parsed;
  try {
    parsed = (0, import_yaml2.parseDocument)(text, { strict: false, uniqueKeys: false, prettyErrors: false });
  } catch (error) {
    return { commands, writeFiles, errors: [error.message] };
  }
  for (const e of parsed.errors) errors.push(e.message);
  const root = parsed.contents;
  if (!(0, import_yaml2.isMap)(root)) return { commands, writeFiles, errors };
  for (const pair of root.items) {
    const key = (0, import_yaml2.isScalar)(pair.key) ? String(pair.key.value) : void 0;
    const value = pair.value;
    if ((key === "runcmd" || key === "bootcmd") && (0, import_yaml2.isSeq)(value)) {
      value.items.forEach((item, index) => {
        const single = scalarString(item);
        if (single) {
          const r = rangeOf2(single);
          commands.push({ section: key, index, form: "string", scalars: [single], start: r.start, end: r.end });
        } else if ((0, import_yaml2.isSeq)(item)) {
          const scalars = item.items.map(scalarString).filter((s) => s !== void 0);
          const r = rangeOf2(item);
          if (scalars.length > 0) commands.push({ section: key, index, form: "argv", scalars, start: r.start, end: r.end });
        }
      });
    } else if (key === "write_files" && (0, import_yaml2.isSeq)(value)) {
      value.items.forEach((item, index) => {
        if (!(0, import_yaml2.isMap)(item)) return;
        let path;
        let contentScalar;
        let encoding = "";
        for (const p of item.items) {
          const k = (0, import_yaml2.isScalar)(p.key) ? String(p.key.value) : "";
          const s = scalarString(p.value);
          if (!s) continue;
          const r2 = rangeOf2(s);
          if (k === "path") path = { value: String(s.value), start: r2.start, end: r2.end, decoded: false, scalar: s };
          else if (k === "content") contentScalar = s;
          else if (k === "encoding") encoding = String(s.value).toLowerCase();
        }
        let content;
        if (contentScalar) {
          const r2 = rangeOf2(contentScalar);
          const raw = String(contentScalar.value);
          const encoded = /(?:^|\+)(?:b64|base64)$/.test(encoding) || /^(?:gz|gzip)$/.test(encoding);
          const decoded = encoded ? decodeBase64Text(raw) : void 0;
          content = encoded ? { value: decoded ?? "", start: r2.start, end: r2.end, decoded: true, scalar: contentScalar } : { value: raw, start: r2.start, end: r2.end, decoded: false, scalar: contentScalar };
        }
        const r = rangeOf2(item);
        writeFiles.push({ index, path, content, encoding, start: r.start, end: r.end });
      });
    }
  }
  return { commands, writeFiles, errors };
}
function escapeLength2(host, p) {
  const c = host[p + 1];
  if (c === "x") return 4;
  if (c === "u") return 6;
  if (c === "U") return 10;
  return 2;
}
function alignScalar(value, host, scalar) {
  const range = scalar.range;
  if (!range) return void 0;
  let p = range[0];
  const hostEnd = range[2];
  const type = scalar.type;
  if (type === import_yaml2.Scalar.QUOTE_DOUBLE || type === import_yaml2.Scalar.QUOTE_SINGLE) p += 1;
  else if (type === import_yaml2.Scalar.BLOCK_LITERAL || type === import_yaml2.Scalar.BLOCK_FOLDED) {
    const nl = host.indexOf("\n", p);
    if (nl === -1) return value === "" ? [] : void 0;
    p = nl + 1;
  }
  const pieces = [];
  let runStart = -1;
  let runHost = -1;
  const flush = (i3) => {
    if (runStart !== -1) {
      pieces.push({ text: value.slice(runStart, i3), hostStart: runHost, hostEnd: runHost + (i3 - runStart), verbatim: true });
      runStart = -1;
    }
  };
  let i2 = 0;
  while (i2 < value.length) {
    if (p >= hostEnd) return void 0;
    const c = value[i2];
    const h = host[p];
    const doubleEscape = type === import_yaml2.Scalar.QUOTE_DOUBLE && h === "\\";
    if (h === c && !doubleEscape) {
      if (runStart === -1) {
        runStart = i2;
        runHost = p;
      }
      i2++;
      p++;
      continue;
    }
    flush(i2);
    if (doubleEscape) {
      if (host[p + 1] === "\n" || host[p + 1] === "\r" && host[p + 2] === "\n") {
        p += host[p + 1] === "\r" ? 3 : 2;
        while (p < hostEnd && (host[p] === " " || host[p] === "	")) p++;
        continue;
      }
      const len = escapeLength2(host, p);
      pieces.push({ text: c, hostStart: p, hostEnd: p + len, verbatim: false });
      i2++;
      p += len;
      continue;
    }
    if (type === import_yaml2.Scalar.QUOTE_SINGLE && c === "'" && h === "'" && host[p + 1] === "'") {
      pieces.push({ text: c, hostStart: p, hostEnd: p + 2, verbatim: false });
      i2++;
      p += 2;
      continue;
    }
    const hostSpace = h === " " || h === "	" || h === "\r" || h === "\n";
    if ((c === " " || c === "\n") && hostSpace) {
      const from = p;
      while (p < hostEnd && /[ \t\r\n]/.test(host[p])) p++;
      pieces.push({ text: c, hostStart: from, hostEnd: p, verbatim: false });
      i2++;
      continue;
    }
    if (hostSpace) {
      p++;
      continue;
    }
    return void 0;
  }
  flush(i2);
  return pieces;
}
function appendScalar(builder, value, host, scalar) {
  const pieces = alignScalar(value, host, scalar);
  if (pieces) {
    for (const piece of pieces) {
      if (piece.verbatim) builder.verbatim(piece.text, piece.hostStart);
      else builder.synthetic(piece.text, piece.hostStart, piece.hostEnd);
    }
    return;
  }
  const r = scalar.range ?? [0, 0, 0];
  builder.synthetic(value, r[0], r[1]);
}
var SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;
function commandText(command, host) {
  const builder = new VirtualTextBuilder();
  if (command.form === "string") {
    const scalar = command.scalars[0];
    appendScalar(builder, String(scalar.value), host, scalar);
    return builder.build();
  }
  command.scalars.forEach((scalar, i2) => {
    const r = scalar.range ?? [0, 0, 0];
    if (i2 > 0) {
      const prev = command.scalars[i2 - 1]?.range ?? r;
      builder.synthetic(" ", prev[1], r[0]);
    }
    const value = String(scalar.value);
    if (SHELL_SAFE.test(value)) appendScalar(builder, value, host, scalar);
    else if (!value.includes("'")) {
      builder.synthetic("'", r[0], r[0]);
      appendScalar(builder, value, host, scalar);
      builder.synthetic("'", r[1], r[1]);
    } else builder.synthetic(`'${value.replace(/'/g, `'\\''`)}'`, r[0], r[1]);
  });
  return builder.build();
}
var cloudInitExtractor = {
  name: "cloud-init",
  kinds: ["cloud-init", "user-data"],
  keywords: /runcmd|bootcmd|write_files/,
  extract(document2, notes) {
    const config = cloudConfig(document2);
    if (!config) return [];
    if (config.errors.length > 0 && config.commands.length === 0 && config.writeFiles.length === 0) {
      notes.push({ id: "parse-error", level: "note", path: document2.path, message: `${document2.path}: cloud-config is not valid YAML (${config.errors[0]}); its commands were not scanned` });
      return [];
    }
    const out2 = [];
    for (const command of config.commands) {
      const { text, map } = commandText(command, document2.text);
      out2.push(createVirtualDocument(document2, { kind: "shell", language: "shell", text, map, label: `cloud-init ${command.section}[${command.index}]`, bootstrap: true }));
    }
    for (const file of config.writeFiles) {
      if (!file.content || file.content.value === "") continue;
      const builder = new VirtualTextBuilder();
      if (file.content.decoded) builder.synthetic(file.content.value, file.content.start, file.content.end);
      else appendScalar(builder, file.content.value, document2.text, file.content.scalar);
      const { text, map } = builder.build();
      const path = file.path?.value ?? `write_files[${file.index}]`;
      const kind = classifyFile(path, text.slice(0, 16384));
      out2.push(
        createVirtualDocument(document2, {
          kind,
          language: languageOf(path, kind),
          text,
          map,
          label: `cloud-init write_files[${file.index}] (${path})`,
          bootstrap: true
        })
      );
    }
    return out2;
  }
};

// rules/no-static-credentials-in-bootstrap.ts
var TEMPLATE_PATH = /(?:user-?data|userdata|cloud-?init)[^/]*$|\.(?:tpl|tftpl|tmpl|j2)$/i;
var CREDENTIALS_PATH2 = /(?:^|[\\/])\.aws[\\/]credentials$|^\$\{?AWS_SHARED_CREDENTIALS_FILE\}?$/i;
var CONFIG_PATH = /(?:^|[\\/])\.aws[\\/]config$|^\$\{?AWS_CONFIG_FILE\}?$|(?:^|[\\/])(?:boto\.cfg|\.boto|\.s3cfg)$/i;
var KEY_CONTENT = /aws_(?:access_key_id|secret_access_key|session_token|security_token)|^\s*(?:access|secret)_key\s*=|\b(?:AKIA|ASIA)[A-Z2-7]{16}\b/im;
var RUNTIME_FETCH = /\baws\s+(?:[^|;]*\s)?(?:secretsmanager|ssm|sts|kms)\b|\bvault\b|\/run\/secrets\/|169\.254\.169\.254|fd00:ec2::254|\bcredential[_-]process\b|\baws\s+configure\s+(?:get|export-credentials)\b|\bjq\b|\bgcloud\s+secrets\b|\baz\s+keyvault\b|\bop\s+read\b|\bchamber\b|\bsops\b/i;
function isEncodedLiteral(word) {
  return word.substitutions.some((s) => /^\s*(?:echo|printf)\s+(?:-\w+\s+)*["']?[A-Za-z0-9+/=]{16,}["']?\s*\|\s*(?:base64|openssl\s+base64)\s+(?:-d|--decode|-D)\b/.test(s.text));
}
function trimQuotes(value) {
  return value.replace(/^["']|["']$/g, "");
}
function judgeValue(script, a, allowForwarded, depth = 0) {
  const value = a.value;
  if (!value || (value.value ?? value.loose) === "") return void 0;
  if (value.kind === "literal") return { reason: "literal", secret: { start: value.contentStart, end: value.contentEnd } };
  if (value.kind === "command-substitution") {
    if (isEncodedLiteral(value)) return { reason: "literal" };
    return void 0;
  }
  const others = value.variables.filter((v) => v !== a.name);
  if (others.length === 0) {
    return allowForwarded && value.variables.length === 0 && value.text.includes("${") ? { reason: "forwarded" } : void 0;
  }
  let forwarded = false;
  for (const name2 of others) {
    const source = assignmentBefore(script, name2, a.start);
    if (!source) {
      forwarded = true;
      continue;
    }
    if (depth >= 4) continue;
    const inner = judgeValue(script, source, allowForwarded, depth + 1);
    if (inner?.reason === "literal") return { reason: "literal", ...inner.secret ? { secret: inner.secret } : {}, via: name2 };
    if (!inner) return void 0;
  }
  if (forwarded && allowForwarded && !RUNTIME_FETCH.test(value.text)) return { reason: "forwarded" };
  return void 0;
}
function reportAssignments(context, script, allowForwarded) {
  for (const a of script.assignments) {
    const kind = awsCredentialVariable(a.name);
    if (!kind) continue;
    const verdict = judgeValue(script, a, allowForwarded);
    if (!verdict) continue;
    context.report({
      messageId: verdict.reason === "literal" ? "literalVariable" : "forwardedVariable",
      // The value as written in the document (`${var.key}`, `"$KEY"`), not the neutralised form.
      data: { name: a.name, via: a.value ? context.document.text.slice(a.value.start, a.value.end) : "" },
      start: a.nameStart,
      end: a.nameEnd,
      ...verdict.secret ? { secrets: [{ ...verdict.secret, kind }] } : {},
      identity: `variable:${a.name}`
    });
  }
}
function isCredentialFileWrite(path, content, copy) {
  const clean = trimQuotes(path).replace(/["']/g, "");
  if (CREDENTIALS_PATH2.test(clean)) return copy || content === void 0 || content.trim() !== "";
  if (CONFIG_PATH.test(clean)) return content !== void 0 && KEY_CONTENT.test(content);
  return false;
}
function reportFileWrites(context, script) {
  const chosen = /* @__PURE__ */ new Map();
  for (const write of fileWrites(script)) {
    if (!isCredentialFileWrite(write.target.loose, write.content, write.via === "copy")) continue;
    const key = trimQuotes(write.target.loose).replace(/["']/g, "");
    const previous = chosen.get(key);
    const carriesKey = write.content !== void 0 && KEY_CONTENT.test(write.content);
    const previousCarriesKey = previous?.content !== void 0 && KEY_CONTENT.test(previous.content);
    if (!previous || carriesKey && !previousCarriesKey) chosen.set(key, write);
  }
  for (const write of chosen.values()) {
    context.report({
      messageId: "credentialsFile",
      data: { path: context.document.text.slice(write.target.contentStart, write.target.contentEnd) },
      start: write.target.contentStart,
      end: write.target.contentEnd,
      identity: `file:${write.target.loose}`
    });
  }
}
function reportCreateAccessKey(context, script) {
  for (const command of script.commands) {
    const aws = awsInvocation(command);
    if (aws?.service?.value !== "iam" || aws.args[0]?.value !== "create-access-key") continue;
    const op = aws.args[0];
    context.report({ messageId: "createAccessKey", start: op.start, end: op.end, identity: "iam:create-access-key" });
  }
}
function reportCloudConfig(context, doc) {
  const config = cloudConfig(doc);
  if (!config) return;
  for (const file of config.writeFiles) {
    if (!file.path) continue;
    if (!isCredentialFileWrite(file.path.value, file.content?.value ?? "", false)) continue;
    const quote = /["']/.test(doc.text[file.path.start] ?? "") ? 1 : 0;
    context.report({
      messageId: "credentialsFile",
      data: { path: file.path.value },
      start: file.path.start + quote,
      end: file.path.end - quote,
      identity: `file:${file.path.value}`
    });
  }
}
var PS_ENV = new RegExp(`\\$env:(${AWS_CREDENTIAL_VARIABLE_SOURCE})\\s*=\\s*(.+)$`, "is");
var PS_SETENV = new RegExp(`SetEnvironmentVariable\\(\\s*["'](${AWS_CREDENTIAL_VARIABLE_SOURCE})["']\\s*,\\s*(["'])([^"']*)\\2`, "i");
var CMD_SET = new RegExp(`^@?set\\s+"?(${AWS_CREDENTIAL_VARIABLE_SOURCE})=([^"\\r\\n]*)`, "i");
var PS_WRITE_VERB = /\b(?:Set-Content|Add-Content|Out-File|New-Item|Copy-Item|Move-Item|Read-S3Object|copy|xcopy|move)\b|>/i;
var WIN_CREDENTIALS_PATH = /[\\/]\.aws[\\/]credentials\b/i;
function isWindowsLiteral(value) {
  const v = value.trim();
  if (v === "" || v === '""' || v === "''") return false;
  if (/^'[^']*'$/.test(v)) return true;
  if (/^"[^"$]*"$/.test(v)) return true;
  return /^[^\s$(%"'[]+$/.test(v);
}
function reportWindows(context, doc) {
  for (const block of windowsBlocks(doc)) {
    for (const statement of windowsStatements(doc, block)) {
      windowsStatement(context, statement);
    }
  }
}
function windowsStatement(context, statement) {
  const text = statement.text;
  const report2 = (messageId, start2, end, identity, kind, secret, name2) => context.report({
    messageId,
    data: { name: name2 ?? text.slice(start2 - statement.start, end - statement.start), path: text.slice(start2 - statement.start, end - statement.start), via: "" },
    start: start2,
    end,
    identity,
    ...secret && kind ? { secrets: [{ ...secret, kind }] } : {}
  });
  let m = PS_ENV.exec(text);
  if (m) {
    const name2 = m[1];
    const value = m[2].split(/[;\r\n]/)[0] ?? "";
    const kind = awsCredentialVariableIgnoreCase(name2);
    if (kind && isWindowsLiteral(value)) {
      const at = statement.start + m.index + "$env:".length;
      report2("literalVariable", at, at + name2.length, `variable:${name2.toUpperCase()}`);
    }
  }
  m = PS_SETENV.exec(text);
  if (m && (m[3] ?? "") !== "") {
    const name2 = m[1];
    const at = statement.start + m.index + m[0].indexOf(name2);
    report2("literalVariable", at, at + name2.length, `variable:${name2.toUpperCase()}`);
  }
  const words = windowsWords(statement);
  const first = words[0]?.value.toLowerCase().replace(/^@/, "");
  if (first === "setx" && words[1] && words[2]) {
    const kind = awsCredentialVariableIgnoreCase(words[1].value);
    if (kind && isWindowsLiteral(words[2].quote ? `${words[2].quote}${words[2].value}${words[2].quote}` : words[2].value)) {
      report2("literalVariable", words[1].contentStart, words[1].contentEnd, `variable:${words[1].value.toUpperCase()}`);
    }
  }
  m = CMD_SET.exec(text);
  if (m && first === "set") {
    const name2 = m[1];
    const value = m[2];
    if (value !== "" && !/[%!$]/.test(value)) {
      const at = statement.start + m[0].indexOf(name2);
      report2("literalVariable", at, at + name2.length, `variable:${name2.toUpperCase()}`);
    }
  }
  if (/^(?:Set-AWSCredentials?|Initialize-AWSDefaultConfiguration|Initialize-AWSDefaults)$/i.test(words[0]?.value ?? "")) {
    const param = words.find((w) => /^-SecretKey$/i.test(w.value)) ?? words.find((w) => /^-AccessKey$/i.test(w.value));
    if (param) report2("powershellCredentials", param.start, param.end, `ps:${words[0]?.value.toLowerCase()}`, void 0, void 0, words[0]?.value);
  }
  if (PS_WRITE_VERB.test(text)) {
    const target = words.find((w) => WIN_CREDENTIALS_PATH.test(w.value));
    if (target) report2("credentialsFile", target.contentStart, target.contentEnd, `file:${target.value}`);
  }
  for (let i2 = 0; i2 + 2 < words.length; i2++) {
    if (/^(?:.*[\\/])?aws(?:\.exe)?$/i.test(words[i2]?.value ?? "") && words[i2 + 1]?.value === "iam" && words[i2 + 2]?.value === "create-access-key") {
      const op = words[i2 + 2];
      if (op) report2("createAccessKey", op.start, op.end, "iam:create-access-key");
    }
  }
}
var no_static_credentials_in_bootstrap_default = defineRule({
  id: "no-static-credentials-in-bootstrap",
  description: "Disallow static AWS keys placed on instances and images by user data, cloud-init and provisioning scripts",
  fullDescription: "A bootstrap script that exports AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, writes ~/.aws/credentials (or /etc/boto.cfg), or mints a key with `aws iam create-access-key` leaves a long-lived IAM user key on every instance or image it builds. The key is also in the user data, which anyone allowed to describe the instance attribute or to reach the metadata service can read. An instance profile provides rotating temporary credentials instead, and secrets the workload needs belong in Secrets Manager or Parameter Store, fetched at run time.",
  severity: "error",
  securitySeverity: 8,
  precision: "high",
  cwe: ["CWE-798", "CWE-522"],
  tags: ["security", "aws", "ec2", "bootstrap"],
  kinds: ["shell", "user-data", "cloud-init"],
  // Credential variables, credential files (`.aws/…`, `$AWS_SHARED_CREDENTIALS_FILE`, boto and
  // s3cmd configs) and key-minting commands; not `boto` alone, which every `pip install boto3`
  // has, nor `.aws` in names such as `Dockerrun.aws.json`.
  keywords: /AWS_(?:ACCESS_KEY|SECRET|SESSION_TOKEN|SECURITY_TOKEN|SHARED_CREDENTIALS_FILE|CONFIG_FILE)|\.aws[\\/]|\.boto\b|boto\.cfg|s3cfg|create-access-key|Set-AWSCredential|Initialize-AWSDefault/i,
  messages: {
    literalVariable: "{{name}} is set to a static key in a bootstrap script, so the key sits in the user data and on the machine; attach an IAM instance profile (role) instead",
    forwardedVariable: "{{name}} is set from {{via}}, which a bootstrap script can only get from its template: the key ends up in the user data; attach an IAM instance profile (role) instead, or fetch secrets at run time from Secrets Manager or SSM Parameter Store",
    credentialsFile: "The bootstrap script writes AWS keys to {{path}}, leaving a long-lived key on the machine; attach an IAM instance profile (role) instead",
    createAccessKey: "`aws iam create-access-key` mints a long-lived IAM user key during bootstrap; attach an IAM instance profile (role) to the instance instead",
    powershellCredentials: "`{{name}}` stores an access key in the AWS Tools for PowerShell credential store on the machine; attach an IAM instance profile (role) instead"
  },
  recommendation: [
    "Delete the key from the script and rotate it: user data is readable through the EC2 API and the metadata service. ",
    "Attach an IAM role through an instance profile; the AWS CLI, SDKs and AWS Tools for PowerShell then get temporary ",
    "credentials from the instance metadata service automatically. Secrets the application needs (database passwords, ",
    "third-party tokens) are fetched at run time: `$(aws secretsmanager get-secret-value \u2026)`, ",
    "`$(aws ssm get-parameter --with-decryption \u2026)`. In image builds use BuildKit secret mounts."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#bp-workloads-use-roles",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets.html"
  ],
  defaultOptions: {},
  check(context) {
    const doc = context.document;
    if (!isBootstrapContext(doc)) return;
    const script = shellScript(doc);
    if (script) {
      const allowForwarded = !enclosingDockerfile(doc) && (doc.bootstrap || TEMPLATE_PATH.test(doc.path));
      reportAssignments(context, script, allowForwarded);
      reportFileWrites(context, script);
      reportCreateAccessKey(context, script);
    }
    reportCloudConfig(context, doc);
    reportWindows(context, doc);
  }
});

// rules/no-static-provider-credentials.ts
var TF_CREDENTIAL_ARGUMENTS = {
  access_key: "access-key-id",
  secret_key: "secret-access-key",
  token: "session-token"
};
var KEY_PARAMETER = /(?:^|[^a-z])(?:aws)?_?(?:access_?key(?:_?id)?|secret_?(?:access_?)?key|session_?token)(?:$|[^a-z])/i;
var SECRET_PARAMETER = /secret|token/i;
function nonEmptyLiteral(value) {
  return value.kind === "string" && !value.hasPlaceholders && value.value.trim().length > 0;
}
function reportValue(context, messageId, data, range, kind, identity) {
  context.report({ messageId, data, start: range.start, end: range.end, secrets: [{ start: range.start, end: range.end, kind }], identity });
}
function checkTerraformArguments(context, block, where) {
  const file = block.file;
  for (const attr of block.attributes()) {
    const kind = TF_CREDENTIAL_ARGUMENTS[attr.name];
    if (!kind) continue;
    checkTerraformArgument(context, file, attr, kind, where);
  }
}
function checkTerraformArgument(context, file, attr, kind, where) {
  const expr = context.document.text.slice(attr.range.start, attr.range.end).trim();
  const variable = /^(?:var\.([A-Za-z_][\w-]*)|"\$\{\s*var\.([A-Za-z_][\w-]*)\s*\}")$/.exec(expr)?.slice(1).find((g) => g !== void 0);
  if (variable !== void 0) {
    const block = moduleOf(file).variables.get(variable);
    const def = block?.attribute("default");
    if (!block || !def) return;
    const value2 = def.value();
    if (!nonEmptyLiteral(value2)) return;
    context.report({ messageId: "providerVariable", data: { argument: attr.name, where, variable }, start: attr.range.start, end: attr.range.end, identity: `${where}.${attr.name}` });
    if (block.file === file) {
      reportValue(context, "variableDefault", { argument: attr.name, variable }, def.range, kind, `var.${variable}.default`);
    }
    return;
  }
  const value = attr.value();
  if (nonEmptyLiteral(value)) reportValue(context, "providerLiteral", { argument: attr.name, where }, attr.range, kind, `${where}.${attr.name}`);
}
function checkTerraform(context) {
  const file = parseTerraform(context.document);
  for (const block of file.blocks) {
    if (block.type === "provider" && block.labels[0]?.value === "aws") {
      const alias = block.attribute("alias")?.value();
      const where = `provider "aws"${alias?.kind === "string" ? ` (${alias.value})` : ""}`;
      checkTerraformArguments(context, block, where);
    } else if (block.type === "terraform") {
      for (const backend of block.blocks("backend")) {
        if (backend.labels[0]?.value === "s3") checkTerraformArguments(context, backend, 'backend "s3"');
      }
    }
  }
}
function checkTerraformPlan(context) {
  const root = parseYamlDocuments(context.document)[0];
  const providers = getPath(root, ["configuration", "provider_config"]);
  if (providers?.kind !== "map") return;
  const variables = mapGet(root, "variables");
  for (const provider of providers.entries) {
    if (knownString(mapGet(provider.value, "name")) !== "aws") continue;
    const alias = knownString(mapGet(provider.value, "alias"));
    const where = `provider "aws"${alias ? ` (${alias})` : ""}`;
    const expressions = mapGet(provider.value, "expressions");
    for (const [argument, kind] of Object.entries(TF_CREDENTIAL_ARGUMENTS)) {
      const expression = mapGet(expressions, argument);
      if (!expression) continue;
      const constant = mapGet(expression, "constant_value");
      if (constant && nonEmptyLiteral(constant)) {
        reportValue(context, "providerLiteral", { argument, where }, valueTokenRange(constant), kind, `${where}.${argument}`);
        continue;
      }
      for (const ref of asList(mapGet(expression, "references"))) {
        const variable = /^var\.([A-Za-z_][\w-]*)$/.exec(knownString(ref) ?? "")?.[1];
        if (variable === void 0) continue;
        const value = getPath(variables, [variable, "value"]);
        if (value && nonEmptyLiteral(value)) {
          reportValue(context, "planVariable", { argument, where, variable }, valueTokenRange(value), kind, `var.${variable}.value`);
        }
        break;
      }
    }
  }
}
function checkCloudFormation(context) {
  const template = parseCloudFormation(context.document);
  if (!template) return;
  for (const resource of template.resources) {
    const auth = mapEntry(resource.metadata, "AWS::CloudFormation::Authentication");
    if (auth?.value.kind !== "map") continue;
    for (const source of auth.value.entries) {
      for (const [key, kind] of [["accessKeyId", "access-key-id"], ["secretKey", "secret-access-key"], ["password", "secret"]]) {
        const entry = mapEntry(source.value, key);
        if (!entry) continue;
        const data = { key, resource: resource.logicalId };
        const identity = `${resource.logicalId}.${source.key}.${key}`;
        if (nonEmptyLiteral(entry.value)) reportValue(context, "cfnAuthentication", data, entry.value.range, kind, identity);
        else context.report({ messageId: "cfnAuthentication", data, start: entry.value.range.start, end: entry.value.range.end, identity });
      }
    }
  }
  for (const parameter2 of template.parameters.values()) {
    if (!KEY_PARAMETER.test(parameter2.name)) continue;
    const def = parameter2.default;
    if (def && nonEmptyLiteral(def)) {
      const kind = SECRET_PARAMETER.test(parameter2.name) ? "secret-access-key" : "access-key-id";
      reportValue(context, "parameterDefault", { parameter: parameter2.name }, def.range, kind, `${parameter2.name}.Default`);
    } else if (SECRET_PARAMETER.test(parameter2.name) && !parameter2.noEcho) {
      context.report({ messageId: "parameterEcho", data: { parameter: parameter2.name }, start: parameter2.nameRange.start, end: parameter2.nameRange.end, identity: `${parameter2.name}.NoEcho` });
    }
  }
}
var no_static_provider_credentials_default = defineRule({
  id: "no-static-provider-credentials",
  description: "Disallow static AWS keys in Terraform providers and backends and in CloudFormation templates",
  fullDescription: 'Access keys written into a Terraform `provider "aws"` or `backend "s3"` block, a variable default, a CloudFormation `AWS::CloudFormation::Authentication` block or a parameter default are long-lived credentials committed with the code. Terraform and CloudFormation get credentials from the environment (profiles, SSO, OIDC in CI, an assumed role) and cfn-init from the instance role: the slot itself is the defect, whatever value is in it today.',
  severity: "error",
  securitySeverity: 8,
  precision: "very-high",
  cwe: ["CWE-798"],
  tags: ["security", "secrets", "aws", "terraform", "cloudformation"],
  // `text`: Terraform plan JSON (`terraform show -json`).
  kinds: ["terraform", "cloudformation", "text"],
  keywords: /access_key|secret_key|\btoken\s*=|AWS::CloudFormation::Authentication|AccessKey|SecretKey|SessionToken|access_?key|secret/i,
  messages: {
    providerLiteral: "{{where}} sets {{argument}} to a literal: static keys committed with the code; use a profile, SSO, OIDC or assume_role instead",
    providerVariable: "{{where}} takes {{argument}} from var.{{variable}}, whose default is a literal key: use a profile, SSO, OIDC or assume_role instead",
    variableDefault: "var.{{variable}} has a literal default and is used as {{argument}} of an AWS provider: a committed key",
    planVariable: "the plan records var.{{variable}}, the {{argument}} of {{where}}, in plain text: anyone who can read the plan has the key; use a profile, SSO, OIDC or assume_role instead",
    cfnAuthentication: "{{resource}} gives cfn-init static keys ({{key}}) in AWS::CloudFormation::Authentication: use roleName with the instance role instead",
    parameterDefault: "parameter {{parameter}} holds an AWS key as its Default: a committed key; remove the default and use a role",
    parameterEcho: "parameter {{parameter}} takes an AWS secret without NoEcho: true, so the console and API show it; better, use a role"
  },
  recommendation: [
    "Remove the key from the code and deactivate it. Let Terraform find credentials in the environment ",
    "(`AWS_PROFILE`, IAM Identity Center, OIDC federation in CI) and switch accounts with `assume_role { role_arn = \u2026 }`. ",
    "For cfn-init, use `type: S3` with `roleName` pointing at the instance role. For CloudFormation parameters, do ",
    "not take keys at all; if you must, drop the `Default` and set `NoEcho: true`."
  ].join(""),
  references: [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs#authentication-and-configuration",
    "https://developer.hashicorp.com/terraform/language/backend/s3#credentials-and-shared-configuration",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-authentication.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html"
  ],
  defaultOptions: {},
  check(context) {
    const { document: doc } = context;
    if (doc.kind === "terraform") checkTerraform(context);
    else if (doc.kind === "cloudformation") checkCloudFormation(context);
    else if (doc.language === "json" && looksLikeTerraformPlan(doc.text)) checkTerraformPlan(context);
  }
});

// rules/require-imdsv2.ts
var TARGETS = ["instance", "launch-template", "launch-configuration", "spot-request"];
function inheritsFromTemplate(graph, node) {
  return graph.launchTemplatesOf(node).length > 0;
}
function numberOf(attr) {
  const s = knownString(attr?.value);
  if (s === void 0 || !/^\d+$/.test(s.trim())) return void 0;
  return Number(s);
}
var require_imdsv2_default = defineRule({
  id: "require-imdsv2",
  description: "Require IMDSv2 (session tokens) on EC2 instances, launch templates and launch configurations",
  fullDescription: "The instance metadata service serves the instance role's temporary credentials. With IMDSv1 enabled, any process or server-side request forgery that can make the instance fetch http://169.254.169.254/ can read them with a plain GET. IMDSv2 requires a session token obtained with a PUT that such requests cannot make, and a hop limit of 1 keeps the token from leaving the host.",
  severity: "warning",
  securitySeverity: 6.5,
  precision: "high",
  cwe: ["CWE-918", "CWE-522"],
  tags: ["security", "aws", "ec2", "imds"],
  // `text`: Terraform plan JSON (`terraform show -json`), read through the same resource graph.
  kinds: ["cloudformation", "terraform", "text"],
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request)\b|terraform-aws-modules/,
  messages: {
    missing: "{{resource}} does not require IMDSv2: set {{setting}} so a stolen metadata request cannot read the role credentials",
    optional: 'http tokens are "{{value}}": IMDSv1 stays enabled and any SSRF can read the role credentials; set it to "required"',
    moduleOptional: '{{module}} passes metadata_options.http_tokens = "{{value}}" to {{source}}: IMDSv1 stays enabled on the instances it launches and any SSRF can read the role credentials; set it to "required"',
    hopLimit: "hop limit {{value}} lets the metadata token travel {{value}} network hops (containers on the host can use it); use 1 unless containers need 2"
  },
  recommendation: [
    "Require session tokens: `MetadataOptions: {HttpTokens: required, HttpPutResponseHopLimit: 1}` on an instance, ",
    "a launch template (under `LaunchTemplateData`) or a launch configuration in CloudFormation, ",
    '`metadata_options { http_tokens = "required" }` in Terraform (`metadata_options = { http_tokens = "required" }` ',
    "as an input of the terraform-aws-modules ec2-instance, autoscaling and EKS node group modules). Update tools that still use IMDSv1 (the AWS CLI and ",
    "SDKs have used IMDSv2 for years). Use a hop limit of 2 only for containers that need the instance role."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-IMDS-new-instances.html",
    "https://aws.amazon.com/blogs/security/defense-in-depth-open-firewalls-reverse-proxies-ssrf-vulnerabilities-ec2-instance-metadata-service/"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...TARGETS])) {
      const resource = describeNode(node);
      const options = graph.metadataOptionsOf(node);
      const endpoint = knownString(options?.httpEndpoint?.value);
      if (endpoint?.toLowerCase() === "disabled") continue;
      const inherited = inheritsFromTemplate(graph, node);
      if (!options) {
        if (inherited) continue;
        const setting = node.format === "cloudformation" ? "MetadataOptions.HttpTokens: required" : 'metadata_options { http_tokens = "required" }';
        context.report({ messageId: "missing", data: { resource, setting }, start: node.typeRange.start, end: node.typeRange.end, identity: `${node.id}:imds` });
        continue;
      }
      const tokens = options.httpTokens;
      if (!tokens) {
        if (!inherited) {
          const setting = node.format === "cloudformation" ? "HttpTokens: required" : 'http_tokens = "required"';
          context.report({ messageId: "missing", data: { resource, setting }, start: options.range.start, end: options.range.end, identity: `${node.id}:imds` });
        }
      } else {
        const value = knownString(tokens.value);
        if (value !== void 0 && value.toLowerCase() !== "required") {
          context.report({ messageId: "optional", data: { value }, start: tokens.value.range.start, end: tokens.value.range.end, identity: `${node.id}:imds` });
        }
      }
      const hops = numberOf(options.hopLimit);
      if (hops !== void 0 && hops > 1 && options.hopLimit) {
        context.report({
          messageId: "hopLimit",
          data: { value: hops },
          start: options.hopLimit.value.range.start,
          end: options.hopLimit.value.range.end,
          identity: `${node.id}:imds-hops`,
          // Containers behind a bridge network need 2; anything more is never required.
          severity: hops > 2 ? "warning" : "note"
        });
      }
    }
    for (const call of graph.moduleCalls()) {
      const source = ec2ModuleOf(call.source);
      if (!source) continue;
      const options = moduleMetadataOptions(call);
      const tokens = options?.httpTokens;
      if (!tokens) continue;
      if (knownString(options.httpEndpoint?.value)?.toLowerCase() === "disabled") continue;
      const value = knownString(tokens.value);
      if (value === void 0 || value.toLowerCase() === "required") continue;
      context.report({ messageId: "moduleOptional", data: { module: call.id, value, source }, start: tokens.value.range.start, end: tokens.value.range.end, identity: `${call.id}:imds` });
    }
  }
});

// rules/require-instance-profile.ts
var COMPUTE = ["instance", "launch-template", "launch-configuration", "spot-request", "fleet"];
function usedByRoleSupplyingService(graph, template) {
  return graph.referrers(template).some((n) => n.kind === "eks-nodegroup" || n.kind === "batch-compute");
}
function awsCallIn(userData) {
  const call = userData ? AWS_API_USE.exec(userData)?.[0]?.trim().replace(/^[;&|(`"'$]/, "") : void 0;
  return call ? call.slice(0, 40) : void 0;
}
function input(call, name2) {
  return call.block.attribute(name2)?.value();
}
function knownBool(value) {
  const s = knownString(value)?.trim().toLowerCase();
  return s === "true" ? true : s === "false" ? false : void 0;
}
function given(value) {
  if (!value || value.kind === "null") return false;
  return knownString(value)?.trim() !== "";
}
var MODULE_PROFILE_INPUTS = {
  "terraform-aws-modules/ec2-instance": { profile: ["iam_instance_profile"], hint: "pass iam_instance_profile" },
  "terraform-aws-modules/autoscaling": { profile: ["iam_instance_profile_arn", "iam_instance_profile_name"], hint: "pass iam_instance_profile_arn" }
};
function profileDecidedElsewhere(call, source) {
  if (knownBool(input(call, "create")) === false) return true;
  if (source === "terraform-aws-modules/ec2-instance") {
    return given(input(call, "launch_template"));
  }
  const createTemplate = input(call, "create_launch_template");
  if (createTemplate && knownBool(createTemplate) !== true) {
    if (knownBool(createTemplate) === void 0) return true;
    return ["launch_template", "launch_template_name", "launch_template_id"].some((name2) => given(input(call, name2)));
  }
  return false;
}
var require_instance_profile_default = defineRule({
  id: "require-instance-profile",
  description: "Require an IAM instance profile on EC2 instances, launch templates, launch configurations and spot requests",
  fullDescription: "An EC2 instance gets AWS credentials safely only from an IAM role attached through an instance profile: the instance metadata service hands out temporary STS credentials that rotate on their own. An instance without a profile has no identity, so whatever it runs that needs AWS access ends up with static access keys baked into user data, an AMI or a configuration file.",
  severity: "warning",
  securitySeverity: 5,
  precision: "high",
  cwe: ["CWE-522"],
  tags: ["security", "aws", "iam", "ec2"],
  kinds: ["cloudformation", "terraform"],
  keywords: /AWS::EC2::(?:Instance|LaunchTemplate|SpotFleet)|AWS::AutoScaling::LaunchConfiguration|aws_(?:instance|launch_template|launch_configuration|spot_instance_request|spot_fleet_request)\b|terraform-aws-modules/,
  messages: {
    missing: "{{resource}} has no IAM instance profile: anything on it that calls AWS will need static keys; attach a role through an instance profile",
    missingWithApiCalls: "{{resource}} has no IAM instance profile but its user data calls AWS ({{call}}): that script can only work with static keys; attach a role through an instance profile",
    moduleMissing: "{{module}} ({{source}}) launches an instance without an IAM instance profile: {{hint}} or set create_iam_instance_profile = true",
    moduleMissingWithApiCalls: "{{module}} ({{source}}) launches an instance without an IAM instance profile but its user_data calls AWS ({{call}}): that script can only work with static keys; {{hint}} or set create_iam_instance_profile = true"
  },
  recommendation: [
    "Create an IAM role whose trust policy lets `ec2.amazonaws.com` call `sts:AssumeRole`, grant it only what the ",
    "instance needs, wrap it in an instance profile and reference the profile: `IamInstanceProfile: !Ref Profile` ",
    "(CloudFormation), `iam_instance_profile = aws_iam_instance_profile.app.name` (Terraform). In a launch template, ",
    "set it under `LaunchTemplateData.IamInstanceProfile` / `iam_instance_profile { name = \u2026 }`. The AWS CLI and SDKs ",
    "on the instance then find temporary credentials through the metadata service with no configuration."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
    "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/iam-roles-for-amazon-ec2.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-instance.html#cfn-ec2-instance-iaminstanceprofile",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/instance#iam_instance_profile"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    for (const node of graph.localNodes([...COMPUTE])) {
      if (graph.instanceProfileOf(node)) continue;
      const templates2 = graph.launchTemplatesOf(node);
      if (templates2.length > 0) continue;
      if (node.type === "AWS::EC2::EC2Fleet" || node.type === "aws_ec2_fleet") continue;
      if (node.kind === "fleet" && node.format === "cloudformation" && !node.cfn?.properties) continue;
      if (node.kind === "launch-template" && usedByRoleSupplyingService(graph, node)) continue;
      const call = awsCallIn(graph.userDataOf(node));
      context.report({
        messageId: call ? "missingWithApiCalls" : "missing",
        data: { resource: describeNode(node), ...call ? { call } : {} },
        start: node.typeRange.start,
        end: node.typeRange.end,
        identity: `${node.id}:instance-profile`,
        ...call ? { severity: "error" } : {}
      });
    }
    for (const call of graph.moduleCalls()) {
      const source = ec2ModuleOf(call.source);
      const inputs = source ? MODULE_PROFILE_INPUTS[source] : void 0;
      const sourceAttr = call.block.attribute("source");
      if (!source || !inputs || !sourceAttr) continue;
      if (inputs.profile.some((name2) => given(input(call, name2)))) continue;
      const create = input(call, "create_iam_instance_profile");
      if (create && knownBool(create) !== false) continue;
      if (profileDecidedElsewhere(call, source)) continue;
      const userData = input(call, "user_data") ?? input(call, "user_data_base64");
      const apiCall = awsCallIn(userData?.kind === "string" ? userData.value : void 0);
      const range = valueTokenRange(sourceAttr.value());
      context.report({
        messageId: apiCall ? "moduleMissingWithApiCalls" : "moduleMissing",
        data: { module: call.id, source, hint: inputs.hint, ...apiCall ? { call: apiCall } : {} },
        start: range.start,
        end: range.end,
        identity: `${call.id}:instance-profile`,
        ...apiCall ? { severity: "error" } : {}
      });
    }
  }
});

// rules/valid-instance-profile.ts
var COMPUTE2 = ["instance", "launch-template", "launch-configuration", "spot-request", "fleet"];
var CFN_PROFILE_SETTINGS = {
  "AWS::Batch::ComputeEnvironment": ["ComputeResources", "InstanceRole"],
  "AWS::EMR::Cluster": ["JobFlowRole"],
  "AWS::ImageBuilder::InfrastructureConfiguration": ["InstanceProfileName"]
};
var TF_PROFILE_SETTINGS = {
  aws_batch_compute_environment: ["compute_resources", "instance_role"],
  aws_emr_cluster: ["ec2_attributes", "instance_profile"],
  aws_imagebuilder_infrastructure_configuration: ["instance_profile_name"]
};
var EB_NAMESPACE = "aws:autoscaling:launchconfiguration";
var EB_OPTION = "IamInstanceProfile";
var ROLE_ARN = /^arn:(?:\$\{[^}]*\}|[^:\s])*:iam::(?:\$\{[^}]*\}|[^:\s])*:role\//;
var TF_ROLE_NAME_ATTRIBUTES = /* @__PURE__ */ new Set(["name", "id"]);
var TF_DATA_ROLE_ARN = /^data\.aws_iam_role\.[\w-]+\.(?:arn|unique_id)$/;
function profileSettings(graph, node) {
  const out2 = [];
  if (node.format === "cloudformation") {
    const props = node.cfn?.properties;
    if (node.kind === "fleet") {
      for (const spec of asList(getPath(props, ["SpotFleetRequestConfigData", "LaunchSpecifications"]))) {
        const p = mapGet(spec, "IamInstanceProfile");
        if (p) out2.push(...specificationValues(p));
      }
      return out2;
    }
    if (COMPUTE2.includes(node.kind)) {
      const p = graph.instanceProfileOf(node);
      if (p) out2.push(...specificationValues(p.value));
      return out2;
    }
    const path = CFN_PROFILE_SETTINGS[node.type];
    if (path) {
      const v = getPath(props, path);
      if (v) out2.push({ value: v });
    }
    if (node.type === "AWS::ElasticBeanstalk::Environment" || node.type === "AWS::ElasticBeanstalk::ConfigurationTemplate") {
      for (const opt of asList(mapGet(props, "OptionSettings"))) {
        if (knownString(mapGet(opt, "Namespace")) === EB_NAMESPACE && knownString(mapGet(opt, "OptionName")) === EB_OPTION) {
          const v = mapGet(opt, "Value");
          if (v) out2.push({ value: v });
        }
      }
    }
    return out2;
  }
  const block = node.tf;
  const attrValue = (b, name2) => b?.attribute(name2)?.value();
  const push = (v) => {
    if (v) out2.push({ value: v });
  };
  switch (node.type) {
    case "aws_launch_template": {
      const spec = block.blocks("iam_instance_profile")[0];
      if (spec) {
        push(attrValue(spec, "name"));
        push(attrValue(spec, "arn"));
      } else {
        for (const v of specificationValues(attrValue(block, "iam_instance_profile"), ["name", "arn"])) out2.push(v);
      }
      return out2;
    }
    case "aws_spot_fleet_request":
      for (const spec of block.blocks("launch_specification")) {
        push(attrValue(spec, "iam_instance_profile"));
        push(attrValue(spec, "iam_instance_profile_arn"));
      }
      return out2;
    case "aws_elastic_beanstalk_environment":
    case "aws_elastic_beanstalk_configuration_template":
      for (const s of block.blocks("setting")) {
        if (knownString(attrValue(s, "namespace")) === EB_NAMESPACE && knownString(attrValue(s, "name")) === EB_OPTION) push(attrValue(s, "value"));
      }
      return out2;
    default: {
      if (COMPUTE2.includes(node.kind)) {
        push(attrValue(block, "iam_instance_profile"));
        return out2;
      }
      const path = TF_PROFILE_SETTINGS[node.type];
      if (!path) return out2;
      let b = block;
      for (const step of path.slice(0, -1)) b = b?.blocks(step)[0];
      push(attrValue(b, path[path.length - 1]));
      return out2;
    }
  }
}
function specificationValues(value, keys = ["Name", "Arn"]) {
  if (!value) return [];
  if (value.kind !== "map") return [{ value }];
  return keys.map((k) => mapGet(value, k)).filter((v) => v !== void 0).map((v) => ({ value: v }));
}
function singleReference(value, format) {
  if (value.kind === "ref") return value;
  if (value.kind !== "string" || !value.hasPlaceholders) return void 0;
  const m = /^\$\{\s*([A-Za-z][\w:-]*)((?:\.[\w-]+)*)\s*\}$/.exec(value.value);
  if (!m) return void 0;
  const parts2 = `${m[1]}${m[2]}`.split(".");
  if (format === "terraform") {
    if (parts2.length < 2) return void 0;
    return { target: `${parts2[0]}.${parts2[1]}`, ...parts2[2] ? { attribute: parts2[2] } : {} };
  }
  return { target: parts2[0], ...parts2.length > 1 ? { attribute: parts2.slice(1).join(".") } : {} };
}
function profileNamedLikeRole(graph, role) {
  const roleName = knownString(graph.attribute(role, [role.format === "cloudformation" ? "RoleName" : "name"])?.value);
  return graph.nodes.some((n) => {
    if (n.kind !== "instance-profile") return false;
    const name2 = graph.attribute(n, [n.format === "cloudformation" ? "InstanceProfileName" : "name"])?.value;
    if (!name2) return false;
    const ref = singleReference(name2, graph.format);
    if (ref && ref.target === role.id && (n.format === "cloudformation" ? ref.attribute === void 0 : TF_ROLE_NAME_ATTRIBUTES.has(ref.attribute ?? ""))) return true;
    const literal = knownString(name2);
    return literal !== void 0 && roleName !== void 0 && literal === roleName;
  });
}
function checkSetting(context, graph, node, setting) {
  const { value } = setting;
  const resource = describeNode(node);
  const ref = singleReference(value, graph.format);
  if (ref) {
    const target = graph.node(ref.target);
    if (target?.kind !== "role") return;
    const byName = graph.format === "cloudformation" ? ref.attribute === void 0 : TF_ROLE_NAME_ATTRIBUTES.has(ref.attribute ?? "");
    if (byName && profileNamedLikeRole(graph, target)) return;
    context.report({
      messageId: "roleInsteadOfProfile",
      data: { resource, role: describeNode(target) },
      start: value.range.start,
      end: value.range.end,
      identity: `${node.id}:instance-profile-role:${target.id}`
    });
    return;
  }
  if (value.kind === "string" && ROLE_ARN.test(value.value)) {
    const range = valueTokenRange(value);
    context.report({ messageId: "roleArn", data: { resource, arn: value.value.replace(/\$\{[^}]*\}/g, "\u2026") }, start: range.start, end: range.end, identity: `${node.id}:instance-profile-role-arn` });
    return;
  }
  if (value.kind === "unknown" && value.label && TF_DATA_ROLE_ARN.test(value.label)) {
    context.report({ messageId: "roleArn", data: { resource, arn: value.label }, start: value.range.start, end: value.range.end, identity: `${node.id}:instance-profile-role-arn` });
  }
}
function hasNoRole(graph, profile) {
  const roles = graph.rolesOf(profile);
  if (profile.format === "cloudformation") {
    const entry = mapEntry(profile.cfn?.properties, "Roles");
    if (!entry) return profile.cfn?.properties !== void 0 || !mapEntry(profile.cfn?.node, "Properties");
    if (entry.value.kind === "null") return true;
    return entry.value.kind === "list" && entry.value.items.length === 0;
  }
  if (roles.length === 0) return true;
  return roles.every((r) => r.value.kind === "null" || r.value.kind === "string" && !r.value.hasPlaceholders && r.value.value.trim() === "");
}
function checkProfile(context, graph, profile, reportedRoles) {
  if (hasNoRole(graph, profile)) {
    context.report({
      messageId: "profileWithoutRole",
      data: { profile: describeNode(profile) },
      start: profile.typeRange.start,
      end: profile.typeRange.end,
      identity: `${profile.id}:no-role`
    });
    return;
  }
  for (const { value } of graph.rolesOf(profile)) {
    const ref = singleReference(value, graph.format);
    const role = ref ? graph.node(ref.target) : void 0;
    if (role?.kind !== "role") continue;
    const trust = graph.trustPolicyOf(role);
    if (!trust || trustsEc2(trust.value) !== false) continue;
    const data = { role: describeNode(role), profile: describeNode(profile) };
    if (role.local) {
      if (reportedRoles.has(role.id)) continue;
      reportedRoles.add(role.id);
      context.report({ messageId: "roleNotTrustingEc2", data, start: trust.keyRange.start, end: trust.keyRange.end, identity: `${role.id}:trust-ec2` });
    } else {
      context.report({ messageId: "roleNotTrustingEc2", data, start: value.range.start, end: value.range.end, identity: `${profile.id}:${role.id}:trust-ec2` });
    }
  }
}
var CFN_EXTRA_TYPES = /* @__PURE__ */ new Set([...Object.keys(CFN_PROFILE_SETTINGS), "AWS::ElasticBeanstalk::Environment", "AWS::ElasticBeanstalk::ConfigurationTemplate"]);
var TF_EXTRA_TYPES = /* @__PURE__ */ new Set([...Object.keys(TF_PROFILE_SETTINGS), "aws_elastic_beanstalk_environment", "aws_elastic_beanstalk_configuration_template"]);
var valid_instance_profile_default = defineRule({
  id: "valid-instance-profile",
  description: "Require instance profile references to name an instance profile that wraps a role EC2 can assume",
  fullDescription: "An EC2 instance gets credentials only through an instance profile that wraps one role whose trust policy lets `ec2.amazonaws.com` call `sts:AssumeRole`. Pointing the instance-profile setting at the role itself, creating a profile without a role, or wrapping a role that trusts another service (Lambda, ECS tasks) leaves the instance without credentials \u2014 the launch fails or the instance silently has no identity, and the usual workaround is static access keys.",
  severity: "error",
  securitySeverity: 4,
  precision: "high",
  cwe: ["CWE-1188", "CWE-522"],
  tags: ["security", "aws", "iam", "ec2", "correctness"],
  kinds: ["cloudformation", "terraform"],
  keywords: /IamInstanceProfile|iam_instance_profile|AWS::IAM::InstanceProfile|InstanceRole|instance_role|JobFlowRole|instance_profile|InstanceProfileName/,
  messages: {
    roleInsteadOfProfile: "{{resource}} sets its instance profile to {{role}}, which is an IAM role, not an instance profile: wrap the role in an instance profile and reference the profile",
    roleArn: "{{resource}} sets its instance profile to a role ARN ({{arn}}): instance profiles have ARNs of the form arn:aws:iam::<account>:instance-profile/<name>",
    profileWithoutRole: "{{profile}} has no role: instances launched with it get no AWS credentials; add the role (Roles / role)",
    roleNotTrustingEc2: "{{role}} is wrapped in {{profile}} but its trust policy does not let ec2.amazonaws.com call sts:AssumeRole: instances can never get its credentials"
  },
  recommendation: [
    "Reference an instance profile, not a role: `IamInstanceProfile: !Ref Profile` with `Profile` an ",
    "`AWS::IAM::InstanceProfile` whose `Roles` lists the role (CloudFormation), `iam_instance_profile = ",
    "aws_iam_instance_profile.app.name` with `role = aws_iam_role.app.name` in the profile (Terraform). Give the role a ",
    "trust policy with `Effect: Allow`, `Principal: {Service: ec2.amazonaws.com}` and `Action: sts:AssumeRole`. ",
    "Launch templates and spot fleets take `{Name: \u2026}` or `{Arn: \u2026}` of the profile (`arn:aws:iam::<account>:instance-profile/<name>`)."
  ].join(""),
  references: [
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2_instance-profiles.html",
    "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html",
    "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-instanceprofile.html",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/iam_instance_profile"
  ],
  defaultOptions: {},
  check(context) {
    const graph = resourceGraph(context.document);
    if (!graph) return;
    const extra = graph.format === "cloudformation" ? CFN_EXTRA_TYPES : TF_EXTRA_TYPES;
    for (const node of graph.localNodes()) {
      if (!COMPUTE2.includes(node.kind) && !extra.has(node.type)) continue;
      for (const setting of profileSettings(graph, node)) checkSetting(context, graph, node, setting);
    }
    const reportedRoles = /* @__PURE__ */ new Set();
    for (const profile of graph.localNodes(["instance-profile"])) checkProfile(context, graph, profile, reportedRoles);
  }
});

// rules/index.ts
var rules = [
  no_aws_configure_in_bootstrap_default,
  no_committed_credentials_file_default,
  no_credentials_in_environment_default,
  no_credentials_in_image_default,
  no_hardcoded_access_key_id_default,
  no_hardcoded_secret_access_key_default,
  no_hardcoded_session_token_default,
  no_imdsv1_calls_default,
  no_long_lived_access_keys_default,
  no_static_credentials_in_bootstrap_default,
  no_static_provider_credentials_default,
  require_imdsv2_default,
  require_instance_profile_default,
  valid_instance_profile_default
];

// src/detect/hash.ts
import { createHash } from "node:crypto";
function hashHex(value, length = 32) {
  return createHash("sha256").update(value).digest("hex").slice(0, length);
}

// src/engine/suppress.ts
var MARKER = "credlint-disable";
var COMMENT_BEFORE = /(?:#|\/\/|\/\*+|;|--|<!--|\bREM|%|\{\{\/\*)[ \t]*\*?[ \t]*$/i;
var RULE_ID_LIST = /^[\s,]*(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:[\s,]+|$))*$/;
var DIRECTIVE = /^credlint-disable(-next-line|-line)?(?![\w-])([^\n]*)$/;
function parseDirectives(text, lines) {
  const directives = [];
  for (let at = text.indexOf(MARKER); at !== -1; at = text.indexOf(MARKER, at + MARKER.length)) {
    const pos = lines.position(at);
    const lineText = lines.lineText(pos.line);
    const before = lineText.slice(0, pos.column - 1);
    if (!COMMENT_BEFORE.test(before)) continue;
    const m = DIRECTIVE.exec(lineText.slice(pos.column - 1));
    if (!m) continue;
    let rest = (m[2] ?? "").replace(/\s*(?:\*\/|-->|#\}|\*\/\}\})\s*$/, "");
    let justification;
    const sep = rest.search(/\s--\s|\s--$/);
    if (sep !== -1) {
      justification = rest.slice(sep).replace(/^\s--\s?/, "").trim() || void 0;
      rest = rest.slice(0, sep);
    }
    if (!RULE_ID_LIST.test(rest)) continue;
    const ruleIds = rest.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
    const kind = m[1] === "-next-line" ? "next-line" : m[1] === "-line" ? "line" : "file";
    directives.push({
      kind,
      ruleIds,
      justification,
      line: pos.line,
      column: pos.column,
      target: kind === "file" ? void 0 : kind === "line" ? pos.line : nextCodeLine(lines, pos.line)
    });
  }
  return directives;
}
function nextCodeLine(lines, line) {
  let next = line + 1;
  while (next <= lines.lineCount && /^\s*(?:#|\/\/|\/\*|;|--|<!--)\s*credlint-disable-next-line\b/.test(lines.lineText(next))) next++;
  return next;
}
function directiveCovers(directive, ruleId, startLine, endLine) {
  if (directive.ruleIds.length > 0 && !directive.ruleIds.includes(ruleId)) return false;
  if (directive.target === void 0) return true;
  return directive.target >= startLine && directive.target <= endLine;
}

// src/engine/read.ts
import { closeSync, constants as fsConstants, openSync, readFileSync as readFileSync3, statSync as statSync3 } from "node:fs";
import { isUtf8 } from "node:buffer";
var BINARY_SNIFF_BYTES = 8e3;
function note(path, id, level, message) {
  return { id, level, message, path };
}
function hasNul(buf, from, to) {
  const idx = buf.indexOf(0, from);
  return idx !== -1 && idx < to;
}
function decodeBytes(buf, path) {
  const notifications = [];
  if (buf.length >= 2 && buf[0] === 255 && buf[1] === 254) {
    return { ok: true, text: buf.subarray(2).toString("utf16le"), notifications };
  }
  if (buf.length >= 2 && buf[0] === 254 && buf[1] === 255) {
    const body3 = Buffer.from(buf.subarray(2, 2 + (buf.length - 2 & ~1))).swap16();
    return { ok: true, text: body3.toString("utf16le"), notifications };
  }
  const start2 = buf.length >= 3 && buf[0] === 239 && buf[1] === 187 && buf[2] === 191 ? 3 : 0;
  if (hasNul(buf, start2, Math.min(buf.length, BINARY_SNIFF_BYTES))) {
    return { ok: false, notification: note(path, "binary-file", "note", `${path}: skipped: binary file (NUL byte in the first ${BINARY_SNIFF_BYTES} bytes)`) };
  }
  const body2 = start2 ? buf.subarray(start2) : buf;
  if (!isUtf8(body2)) {
    notifications.push(
      note(path, "invalid-encoding", "note", `${path}: not valid UTF-8; decoded leniently (invalid bytes replaced) and scanned`)
    );
  }
  return { ok: true, text: body2.toString("utf8"), notifications };
}
async function readTextFile(absPath, relPath, maxBytes) {
  return readTextFileSync(absPath, relPath, maxBytes);
}
function readTextFileSync(absPath, relPath, maxBytes) {
  let fd;
  try {
    const stat = statSync3(absPath);
    if (stat.isDirectory()) {
      return { ok: false, notification: note(relPath, "not-a-file", "note", `${relPath}: skipped: a directory (symbolic links to directories are not followed)`) };
    }
    if (!stat.isFile()) {
      return { ok: false, notification: note(relPath, "not-a-file", "note", `${relPath}: skipped: not a regular file`) };
    }
    if (stat.size > maxBytes) {
      return {
        ok: false,
        notification: note(
          relPath,
          "file-too-large",
          "warning",
          `${relPath}: skipped: ${formatBytes(stat.size)} is over the size limit of ${formatBytes(maxBytes)} (set maxFileSize or --max-file-size)`
        )
      };
    }
    fd = openSync(absPath, fsConstants.O_RDONLY);
    const buf = readFileSync3(fd);
    const decoded = decodeBytes(buf, relPath);
    if (!decoded.ok) return decoded;
    return { ok: true, text: decoded.text, bytes: buf.length, notifications: decoded.notifications };
  } catch (error) {
    return { ok: false, notification: note(relPath, "unreadable-file", "error", `${relPath}: could not be read: ${describeFsError(error)}`) };
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function describeFsError(error) {
  const code = error?.code;
  switch (code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no such file (a dangling symbolic link?)";
    case "ELOOP":
      return "symbolic link loop";
    case "EISDIR":
      return "is a directory";
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, "")} KB`;
  return `${bytes} B`;
}
function parseByteSize(value) {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? Math.floor(value) : void 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|kib|mb|m|mib|gb|g|gib)?\s*$/i.exec(value);
  if (!m) return void 0;
  const n = Number(m[1]);
  const unit = (m[2] ?? "b").toLowerCase();
  const mult = unit.startsWith("g") ? 1024 ** 3 : unit.startsWith("m") ? 1024 ** 2 : unit.startsWith("k") ? 1024 : 1;
  const bytes = Math.floor(n * mult);
  return bytes > 0 ? bytes : void 0;
}

// src/engine/scan-file.ts
var MAX_DEPTH2 = 4;
var MAX_SNIPPET_LINES = 3;
function appliesTo(rule, kind) {
  return rule.kinds === "all" || rule.kinds.includes(kind);
}
function runDocument(doc, setup, out2, notes) {
  const keywordHits = /* @__PURE__ */ new Map();
  const mentions = (re) => {
    let hit = keywordHits.get(re);
    if (hit === void 0) {
      hit = re.test(doc.text);
      keywordHits.set(re, hit);
    }
    return hit;
  };
  for (const active of setup.rules) {
    const { rule } = active;
    if (!appliesTo(rule, doc.kind)) continue;
    if (rule.keywords && !mentions(rule.keywords)) continue;
    try {
      rule.check({
        document: doc,
        options: active.options,
        settings: setup.settings,
        report: (descriptor) => out2.push({ active, doc, descriptor })
      });
    } catch (error) {
      notes.push({
        id: "rule-error",
        level: "error",
        path: doc.path,
        message: `${doc.path}: rule ${rule.id} failed: ${error?.message ?? String(error)}`
      });
    }
  }
  if (doc.depth >= MAX_DEPTH2) return;
  for (const extractor of setup.extractors) {
    if (!extractor.kinds.includes(doc.kind)) continue;
    if (extractor.keywords && !mentions(extractor.keywords)) continue;
    let embedded;
    try {
      embedded = extractor.extract(doc, notes);
    } catch (error) {
      notes.push({ id: "parse-error", level: "warning", path: doc.path, message: `${doc.path}: ${extractor.name} failed: ${error.message}` });
      continue;
    }
    for (const child of embedded) runDocument(child, setup, out2, notes);
  }
}
function locate(raw) {
  const { doc, descriptor } = raw;
  const range = toFileRange(doc, descriptor.start, Math.max(descriptor.end, descriptor.start + 1));
  const secrets = (descriptor.secrets ?? []).map((s) => {
    const r = toFileRange(doc, s.start, s.end);
    return { start: r.start, end: r.end, kind: s.kind };
  });
  return { raw, start: range.start, end: range.end, secrets };
}
var MAX_SNIPPET_WIDTH = 240;
var SNIPPET_CONTEXT = 80;
var SNIPPET_MASK_MARGIN = 2048;
function buildSnippet(lines, start2, end, secrets, showSecrets) {
  const out2 = [];
  let column = 1;
  const last = Math.min(end.line, start2.line + MAX_SNIPPET_LINES - 1);
  for (let line = start2.line; line <= last; line++) {
    const lineStart = lines.lineStart(line);
    const full = lines.lineText(line);
    let from = 0;
    let to = full.length;
    if (full.length > MAX_SNIPPET_WIDTH) {
      if (line === start2.line) {
        from = Math.max(0, start2.column - 1 - SNIPPET_CONTEXT);
        const regionEnd = end.line === start2.line ? end.column - 1 : full.length;
        to = Math.min(full.length, Math.max(regionEnd, start2.column - 1) + SNIPPET_CONTEXT, from + MAX_SNIPPET_WIDTH * 4);
        column = from + 1;
      } else {
        to = MAX_SNIPPET_WIDTH;
      }
    }
    const marginFrom = Math.max(0, from - SNIPPET_MASK_MARGIN);
    const marginTo = Math.min(full.length, to + SNIPPET_MASK_MARGIN);
    let piece = full.slice(marginFrom, marginTo);
    if (!showSecrets) {
      const base = lineStart + marginFrom;
      const ranges = secrets.filter((s) => s.end > base && s.start < base + piece.length).map((s) => ({ start: s.start - base, end: s.end - base, kind: s.kind }));
      piece = maskLine(piece, ranges);
    }
    out2.push(piece.slice(from - marginFrom, from - marginFrom + (to - from)));
  }
  return { text: out2.join("\n"), column };
}
function scanText(path, text, setup, kindOverride, absPath) {
  const notifications = [];
  const kind = kindOverride ?? classifyFile(path, text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text);
  const doc = createDocument({ path, ...absPath !== void 0 ? { absPath } : {}, kind, language: languageOf(path, kind), text });
  const raws = [];
  try {
    runDocument(doc, setup, raws, notifications);
  } finally {
    runScanEndHooks();
  }
  let located = raws.map(locate);
  const { allowAccountIds } = setup.settings;
  if (setup.allowPatterns.length > 0 || allowAccountIds.length > 0) {
    located = located.filter(({ raw }) => {
      const values = [raw.doc.text.slice(raw.descriptor.start, raw.descriptor.end), ...raw.descriptor.identity !== void 0 ? [raw.descriptor.identity] : []];
      for (const sec of raw.descriptor.secrets ?? []) values.push(raw.doc.text.slice(sec.start, sec.end));
      if (setup.allowPatterns.some((re) => values.some((v) => re.test(v)))) return false;
      if (allowAccountIds.length > 0) {
        const line = raw.doc.lines.lineText(raw.doc.lines.lineOf(raw.descriptor.start) + 1);
        for (const v of [...values, line]) {
          for (const m of v.matchAll(accessKeyIdPattern())) {
            const account = decodeAccountId(m[0]);
            if (account !== void 0 && allowAccountIds.includes(account)) return false;
          }
        }
      }
      return true;
    });
  }
  located.sort(
    (a, b) => a.start - b.start || a.end - b.end || (a.raw.active.rule.id < b.raw.active.rule.id ? -1 : a.raw.active.rule.id > b.raw.active.rule.id ? 1 : 0) || b.raw.doc.depth - a.raw.doc.depth
  );
  const allSecrets = located.flatMap((l) => l.secrets);
  const secretValues = /* @__PURE__ */ new Map();
  for (const { raw } of located) {
    for (const sec of raw.descriptor.secrets ?? []) secretValues.set(raw.doc.text.slice(sec.start, sec.end), sec.kind);
  }
  const lines = doc.lines;
  const directives = located.length > 0 || text.includes("credlint-disable") ? parseDirectives(text, lines) : [];
  const used = /* @__PURE__ */ new Set();
  const superseded = /* @__PURE__ */ new Set();
  for (const l of located) {
    for (const id of l.raw.active.rule.supersedes ?? []) superseded.add(`${id}\0${l.start}\0${l.end}`);
  }
  const findings = [];
  const seen = /* @__PURE__ */ new Set();
  const occurrences = /* @__PURE__ */ new Map();
  for (const l of located) {
    const { raw } = l;
    const rule = raw.active.rule;
    const dedupeKey = `${rule.id}\0${l.start}\0${l.end}`;
    if (seen.has(dedupeKey) || superseded.has(dedupeKey)) continue;
    seen.add(dedupeKey);
    const start2 = lines.position(l.start);
    const end = lines.position(l.end);
    const identity = raw.descriptor.identity ?? raw.doc.text.slice(raw.descriptor.start, raw.descriptor.end);
    const baseFingerprint = hashHex(`${rule.id}\0${path}\0${identity}`);
    const n = occurrences.get(baseFingerprint) ?? 0;
    occurrences.set(baseFingerprint, n + 1);
    const template = rule.messages[raw.descriptor.messageId];
    if (template === void 0) {
      notifications.push({ id: "rule-error", level: "error", path, message: `${path}: rule ${rule.id} used unknown message id "${raw.descriptor.messageId}"` });
      continue;
    }
    const snippet = buildSnippet(lines, start2, end, allSecrets, setup.settings.showSecrets === true);
    let suppression;
    for (const d of directives) {
      if (directiveCovers(d, rule.id, start2.line, end.line)) {
        used.add(d);
        suppression = { kind: "inSource", ...d.justification ? { justification: d.justification } : {} };
        break;
      }
    }
    const embeddedIn = embeddingPath(raw.doc);
    findings.push({
      ruleId: rule.id,
      messageId: raw.descriptor.messageId,
      message: setup.settings.showSecrets ? formatMessage(template, raw.descriptor.data) : redactKnown(formatMessage(template, raw.descriptor.data), secretValues),
      severity: raw.descriptor.severity ?? raw.active.severity,
      path,
      region: { startLine: start2.line, startColumn: start2.column, endLine: end.line, endColumn: end.column },
      snippet: snippet.text,
      ...snippet.column > 1 ? { snippetColumn: snippet.column } : {},
      fingerprint: `${baseFingerprint}:${n + 1}`,
      ...embeddedIn.length > 0 ? { embeddedIn } : {},
      kind: rootDocument(raw.doc).kind,
      ...suppression ? { suppression } : {}
    });
  }
  for (const d of directives) {
    const unknown2 = d.ruleIds.filter((id) => !setup.knownRuleIds.has(id));
    for (const id of unknown2) {
      notifications.push({
        id: "unknown-suppression",
        level: "error",
        path,
        line: d.line,
        column: d.column,
        message: `${path}:${d.line}:${d.column}: suppression names unknown rule id "${id}"; it suppresses nothing`
      });
    }
    if (setup.reportUnusedSuppressions && !used.has(d) && unknown2.length === 0) {
      notifications.push({
        id: "unknown-suppression",
        level: "note",
        path,
        line: d.line,
        column: d.column,
        message: `${path}:${d.line}:${d.column}: unused suppression${d.ruleIds.length ? ` for ${d.ruleIds.join(", ")}` : ""}: nothing was reported there`
      });
    }
  }
  const safeNotes = setup.settings.showSecrets ? notifications : notifications.map((n) => ({ ...n, message: redactKnown(n.message, secretValues) }));
  return { findings, notifications: safeNotes };
}
function redactKnown(message, secretValues) {
  let out2 = message;
  for (const [value, kind] of secretValues) {
    if (value.length >= 8 && out2.includes(value)) out2 = out2.split(value).join(redact(value, kind));
  }
  return maskLine(out2);
}
async function scanFile(absPath, relPath, maxBytes, setup) {
  const read = await readTextFile(absPath, relPath, maxBytes);
  if (!read.ok) return { path: relPath, findings: [], notifications: [read.notification], bytes: 0, scanned: false };
  const { findings, notifications } = scanText(relPath, read.text, setup, void 0, absPath);
  return { path: relPath, findings, notifications: [...read.notifications, ...notifications], bytes: read.bytes, scanned: true };
}

// src/parsers/kubernetes.ts
function valueRange(value) {
  const pieces = piecesOf(value);
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  return first && last ? { start: first.start, end: last.end } : value.range;
}
function secretDocuments(host, manifest, out2, depth = 0) {
  if (manifest.kind !== "map" || depth > 4) return;
  const kind = knownString(mapGet(manifest, "kind"));
  const apiVersion = knownString(mapGet(manifest, "apiVersion"));
  if (kind === "List" || kind === "SecretList") {
    for (const item of asList(mapGet(manifest, "items"))) secretDocuments(host, item, out2, depth + 1);
    return;
  }
  if (kind !== "Secret" || apiVersion !== void 0 && apiVersion !== "v1") return;
  const name2 = knownString(mapGet(mapGet(manifest, "metadata"), "name")) ?? "(unnamed)";
  const data = mapGet(manifest, "data");
  if (data?.kind !== "map") return;
  for (const entry of data.entries) {
    const value = entry.value;
    if (value.kind !== "string" || value.hasPlaceholders) continue;
    const decoded = decodeBase64Text2(value.value);
    if (decoded === void 0 || decoded.trim().length === 0) continue;
    const range = valueRange(value);
    const text = `${entry.key}=${decoded}${decoded.endsWith("\n") ? "" : "\n"}`;
    const { text: built, map } = new VirtualTextBuilder().synthetic(text, range.start, range.end).build();
    out2.push(
      createVirtualDocument(host, {
        kind: "text",
        language: "dotenv",
        text: built,
        map,
        label: `Secret ${name2} data.${entry.key} (base64)`,
        bootstrap: false
      })
    );
  }
}
var kubernetesSecretExtractor = {
  name: "kubernetes-secret",
  kinds: ["text"],
  keywords: /\bkind:\s*["']?Secret\b|"kind"\s*:\s*"Secret"/,
  extract(document2, _notes) {
    if (document2.language !== "yaml" && document2.language !== "json") return [];
    const out2 = [];
    for (const root of parseYamlDocuments(document2)) secretDocuments(document2, root, out2);
    return out2;
  }
};

// src/engine/extractors.ts
var extractors = [
  cloudFormationUserDataExtractor,
  terraformUserDataExtractor,
  dockerfileRunExtractor,
  cloudInitExtractor,
  multipartUserDataExtractor,
  heredocFileExtractor,
  kubernetesSecretExtractor,
  cloudFormationSyntaxExtractor,
  terraformSyntaxExtractor
];

// src/engine/setup.ts
function createSetup(config, allRules, options = {}) {
  const byId = new Map(allRules.map((r) => [r.id, r]));
  return {
    rules: config.rules.flatMap((r) => {
      const rule = byId.get(r.id);
      return rule ? [{ rule, severity: r.severity, options: r.options }] : [];
    }),
    settings: { allowAccountIds: config.allowAccountIds, denyAccountIds: config.denyAccountIds, showSecrets: config.showSecrets },
    allowPatterns: config.allowPatterns.map((p) => new RegExp(p)),
    extractors: options.extractors ?? extractors,
    knownRuleIds: new Set(allRules.map((r) => r.id)),
    reportUnusedSuppressions: options.reportUnusedSuppressions ?? false
  };
}

export {
  __require,
  __commonJS,
  __toESM,
  ruleHelpUri,
  defineRule,
  formatMessage,
  severityRank,
  classifyFile,
  initParsers,
  parsersReady,
  require_dist,
  maskLine,
  rules,
  decodeBytes,
  formatBytes,
  parseByteSize,
  scanText,
  scanFile,
  createSetup
};
