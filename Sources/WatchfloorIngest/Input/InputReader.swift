import Foundation
import Watchfloor

/// A file to ingest.
public struct InputFile: Hashable, Sendable {
    public var path: String
    public var size: Int

    public init(path: String, size: Int) {
        self.path = path
        self.size = size
    }
}

/// Reads files of every supported format into ``ParsedDocument``s, reporting each record that
/// cannot be read as a ``Rejection`` and carrying on with the rest.
///
/// ```swift
/// let reader = InputReader()
/// try reader.read(InputFile(path: "feeds/dailynk.xml", size: 52_000)) { item in
///     if case .document(let parsed) = item { print(parsed.title ?? "untitled") }
/// }
/// ```
public struct InputReader: Sendable {
    public var format: InputFormat
    public var encoding: TextEncoding
    public var limits: IngestLimits

    public init(format: InputFormat = .auto, encoding: TextEncoding = .auto, limits: IngestLimits = IngestLimits()) {
        self.format = format
        self.encoding = encoding
        self.limits = limits
    }

    /// The files named by `paths`, folders walked recursively (hidden entries skipped), in a
    /// stable order; paths that do not exist come back as rejections.
    public static func files(in paths: [String]) -> (files: [InputFile], missing: [Rejection]) {
        var files: [InputFile] = []
        var missing: [Rejection] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(Rejection(InputLocation(file: path), .unreadable("no such file or folder")))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(InputFile(path: path, size: Self.size(of: path)))
                continue
            }
            var visited = Set<String>()
            var found: [InputFile] = []
            walk(path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path, into: &found, missing: &missing,
                visited: &visited)
            files.append(contentsOf: found.sorted { $0.path < $1.path })
        }
        return (files, missing)
    }

    /// Every file under `folder`, following symbolic links (a folder reached twice, through a link
    /// cycle, is walked once); hidden files and folders are skipped, as shells list them. A folder
    /// or link that cannot be read is a rejection with the reason, never a silent gap.
    private static func walk(_ folder: String, into found: inout [InputFile], missing: inout [Rejection], visited: inout Set<String>) {
        let manager = FileManager.default
        let real = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: folder)
        } catch {
            missing.append(Rejection(InputLocation(file: folder), .unreadable("cannot list the folder (\(Self.reason(error)))")))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            var isDirectory: ObjCBool = false
            // fileExists follows links: a dangling link is reported, not skipped.
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                missing.append(Rejection(InputLocation(file: path), .unreadable("a link to a file or folder that does not exist")))
                continue
            }
            if isDirectory.boolValue {
                walk(path, into: &found, missing: &missing, visited: &visited)
            } else {
                found.append(InputFile(path: path, size: Self.size(of: path)))
            }
        }
    }

    private static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let message = strerror(Int32(underlying.code))
        {
            return String(cString: message).lowercased()
        }
        if nsError.domain == NSCocoaErrorDomain, nsError.code == NSFileReadNoPermissionError { return "permission denied" }
        return nsError.localizedDescription
    }

    private static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Reads one file, calling `emit` for every document, rejection, notice and progress step.
    public func read(_ file: InputFile, emit: (ReadItem) throws -> Void) throws {
        let source: ChunkedFile
        do { source = try ChunkedFile(path: file.path) } catch {
            return try emit(.rejection(Rejection(InputLocation(file: file.path), error)))
        }
        try read(source, named: file.path, emit: emit)
    }

    /// Reads bytes already in memory (a fetched feed, a fuzzer's input) exactly as it would read a
    /// file called `name`: the name gives the format when it is not sniffed, dates in file names,
    /// and every location in a rejection.
    public func read(bytes: [UInt8], named name: String, emit: (ReadItem) throws -> Void) throws {
        try read(MemoryBytes(bytes), named: name, emit: emit)
    }

    private func read(_ source: some ByteSource, named name: String, emit: (ReadItem) throws -> Void) throws {
        let whole = InputLocation(file: name)
        var prefix = [UInt8]()
        do {
            while prefix.count < 65_536 {
                if try source.read(into: &prefix, count: 65_536 - prefix.count) == 0 { break }
            }
        } catch {
            return try emit(.rejection(Rejection(whole, error)))
        }
        guard !prefix.isEmpty else { return try emit(.rejection(Rejection(whole, .empty))) }
        let format = format == .auto ? InputFormat.detect(prefix: prefix, fileName: name) : format

        switch format {
        case .jsonl, .csv:
            try readStreaming(format, source: source, prefix: prefix, name: name, emit: emit)
        default:
            let bytes: [UInt8]
            do {
                bytes = try readRest(of: source, after: prefix)
            } catch {
                return try emit(.rejection(Rejection(whole, error)))
            }
            try emit(.progress(bytes: bytes.count))
            try readWhole(format, bytes: bytes, name: name, emit: emit)
        }
    }

    private func readRest(of source: some ByteSource, after prefix: [UInt8]) throws(InputProblem) -> [UInt8] {
        var bytes = prefix
        while try source.read(into: &bytes, count: 1 << 20) > 0 {
            if bytes.count > limits.maxFileBytes {
                throw InputProblem.tooLarge(
                    "the file is larger than the \(formatBytes(limits.maxFileBytes)) limit for a file read whole "
                        + "(--max-file-size)")
            }
        }
        return bytes
    }

    // MARK: JSON Lines and CSV: streamed

    private func readStreaming(
        _ format: InputFormat, source: some ByteSource, prefix: [UInt8], name: String, emit: (ReadItem) throws -> Void
    ) throws {
        let whole = InputLocation(file: name)
        var fileEncoding = encoding
        var stream: any ByteSource = PrefixedSource(prefix: prefix, rest: source)
        if encoding == .auto {
            let head = prefix.withUnsafeBufferPointer { $0 }
            if let bom = ByteOrderMark.detect(head), bom == .utf16LE || bom == .utf16BE {
                // UTF-16 cannot be split at line feeds byte-wise: decode it whole, then stream.
                switch utf8(ofUTF16: source, prefix: prefix) {
                case .success(let bytes):
                    stream = MemoryBytes(bytes)
                    fileEncoding = .utf8
                case .failure(let problem):
                    return try emit(.rejection(Rejection(whole, problem)))
                }
            } else if let binary = prefix.withUnsafeBufferPointer({ BinarySniffer.describe($0) }) {
                return try emit(.rejection(Rejection(whole, .binary(binary))))
            } else {
                fileEncoding = Self.streamingEncoding(prefix: prefix, complete: prefix.count < 65_536)
            }
        }
        switch format {
        case .jsonl:
            try JSONLinesReader(limits: limits, encoding: fileEncoding).read(stream, display: name, emit: emit)
        default:
            let separator: UInt8 = name.lowercased().hasSuffix(".tsv") ? 0x09 : 0x2C
            try CSVReader(limits: limits, encoding: fileEncoding, separator: separator)
                .read(stream, display: name, emit: emit)
        }
    }

    private func utf8(ofUTF16 source: some ByteSource, prefix: [UInt8]) -> Result<[UInt8], InputProblem> {
        Result { () throws(InputProblem) -> [UInt8] in
            Array(try TextDecoder().decode(try readRest(of: source, after: prefix)).text.utf8)
        }
    }

    /// UTF-8 unless the first bytes are structurally CP949 Korean and not UTF-8.
    private static func streamingEncoding(prefix: [UInt8], complete: Bool) -> TextEncoding {
        prefix.withUnsafeBufferPointer { head in
            guard let bad = UTF8Validation.firstInvalidOffset(head) else { return .utf8 }
            // A multi-byte character cut by the end of the prefix is not an error.
            if !complete, bad >= head.count - 3 { return .utf8 }
            var cut = head.count
            if !complete, let lastNewline = head.lastIndex(of: 0x0A) { cut = lastNewline }
            return CP949Validation.looksKorean(UnsafeBufferPointer(rebasing: head[..<cut])) ? .cp949 : .utf8
        }
    }

    // MARK: Text, Markdown, HTML, feeds: read whole

    private func readWhole(_ format: InputFormat, bytes: [UInt8], name: String, emit: (ReadItem) throws -> Void) throws {
        let whole = InputLocation(file: name)
        let hint = (format == .html || format == .rss) ? DeclaredCharset.sniff(bytes.prefix(4096)) : nil
        let text: String
        do {
            text = try TextDecoder().decode(bytes, declared: encoding, hint: hint).text
        } catch {
            return try emit(.rejection(Rejection(whole, error)))
        }
        guard text.nonBlank != nil else { return try emit(.rejection(Rejection(whole, .noText))) }
        do {
            switch format {
            case .rss:
                return try FeedReader(limits: limits).read(text: text, display: name, emit: emit)
            case .html:
                var utf8 = Array(text.utf8)
                guard let page = utf8.withUnsafeMutableBufferPointer({ HTMLExtractor.extract(utf8: UnsafeBufferPointer($0)) })
                else { throw InputProblem.malformed("cannot parse the HTML page") }
                guard page.text.nonBlank != nil else { throw InputProblem.malformed("the page has no visible article text") }
                try emitChecked(ParsedDocument(
                    text: page.text, location: whole, title: page.title, url: page.url, containerOutlet: page.siteName,
                    language: page.language.map(Language.init(rawValue:)),
                    published: page.published ?? Self.dateInFileName(name)), emit: emit)
            case .markdown:
                var document = try MarkdownReader.document(from: text, location: whole)
                if document.published == nil { document.published = Self.dateInFileName(name) }
                try emitChecked(document, emit: emit)
            default:
                let firstLine = text.split(separator: "\n", maxSplits: 1).first.map { $0.trimmingWhitespace() }
                try emitChecked(ParsedDocument(
                    text: text, location: whole, title: firstLine.flatMap { $0.count <= 200 ? $0 : nil },
                    published: Self.dateInFileName(name)), emit: emit)
            }
        } catch let problem as InputProblem {
            try emit(.rejection(Rejection(whole, problem)))
        }
    }

    private func emitChecked(_ document: ParsedDocument, emit: (ReadItem) throws -> Void) throws {
        let size = document.text.utf8.count
        guard size <= limits.maxDocumentBytes else {
            throw InputProblem.tooLarge(
                "the document's text is \(formatBytes(size)), over the \(formatBytes(limits.maxDocumentBytes)) limit "
                    + "for one document (--max-document-size)")
        }
        try emit(.document(document))
    }

    /// `2025-10-24-hyesan-report.txt` carries its date in its name.
    static func dateInFileName(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        guard let range = name.range(of: #"(19|20)\d{2}-\d{2}-\d{2}"#, options: .regularExpression) else { return nil }
        return String(name[range])
    }
}

/// The prefix already read for sniffing, then the rest of the file.
private final class PrefixedSource: ByteSource {
    private var prefix: [UInt8]?
    private let rest: any ByteSource

    init(prefix: [UInt8], rest: any ByteSource) {
        self.prefix = prefix
        self.rest = rest
    }

    func read(into buffer: inout [UInt8], count: Int) throws(InputProblem) -> Int {
        if let prefix {
            self.prefix = nil
            buffer.append(contentsOf: prefix)
            return prefix.count
        }
        return try rest.read(into: &buffer, count: count)
    }
}
