import RegistryModel

/// A reader turns the bytes of one layout into the shared model. One type per layout, listed in
/// `Readers.all`.
public protocol RegistryReader: Sendable {
    /// The layout's name on the command line, and its aliases.
    static var name: String { get }
    static var aliases: [String] { get }
    /// True when the content looks like this layout, for `auto` detection. Only the first
    /// bytes are given.
    static func recognizes(_ head: ArraySlice<UInt8>) -> Bool
    /// Reads one input. Problems the reader worked around go to `diagnostics`; input it cannot
    /// read throws a `ReadError` that says where.
    static func read(_ input: InputFile, diagnostics: inout [Diagnostic]) throws(ReadError) -> Registry
    /// Reads one input, handing each record to `sink`, in order, as soon as it is complete; the
    /// registry returned holds everything but the records. A converter can then write and drop
    /// each record without keeping the whole registry. The default reads the input first;
    /// layouts that stream (XML) do better.
    static func read(
        _ input: InputFile, diagnostics: inout [Diagnostic], records sink: RecordSink
    ) throws(ReadError) -> Registry
}

/// Where a streaming read hands each finished record.
public typealias RecordSink = (Record) -> Void

/// A reader that can cut one input at record boundaries into parts that read independently,
/// so each part can be read (and written) on its own core.
public protocol SplittableRegistryReader: RegistryReader {
    /// Up to `count` parts, in order; one part (the whole input) when it cannot be cut safely.
    static func parts(of input: InputFile, count: Int) -> [InputPart]
    /// Reads one part. Its registry joins the others' with `Registry.joining(parts:)`. A cut
    /// that was not at a record boundary after all (inside a comment, say) makes a part fail
    /// to read: read the input whole then, which also reports any error exactly.
    static func read(
        _ part: InputPart, diagnostics: inout [Diagnostic], records sink: RecordSink?
    ) throws(ReadError) -> Registry
    /// What comes before the first record (metadata), read on its own; nil when it cannot be
    /// cut off.
    static func head(of input: InputFile) -> Registry?
}

/// A stretch of an input with what it needs around it to read on its own (the root element's
/// start and end tags, say), and how far its lines are from the input's.
public struct InputPart: Sendable {
    public let input: InputFile
    public let range: Range<Int>
    /// Bytes read before and after the range.
    let prefix: [UInt8]
    let suffix: [UInt8]
    /// Added to a line number counted from the start of the prefix to give the input's.
    let lineOffset: Int

    init(input: InputFile, range: Range<Int>, prefix: [UInt8] = [], suffix: [UInt8] = [], lineOffset: Int = 0) {
        self.input = input
        self.range = range
        self.prefix = prefix
        self.suffix = suffix
        self.lineOffset = lineOffset
    }

    /// The whole input as one part.
    init(whole input: InputFile) {
        self.init(input: input, range: 0..<input.bytes.count)
    }
}

extension RegistryReader {
    public static func read(
        _ input: InputFile, diagnostics: inout [Diagnostic], records sink: RecordSink
    ) throws(ReadError) -> Registry {
        var registry = try read(input, diagnostics: &diagnostics)
        registry.records.forEach(sink)
        registry.records = []
        return registry
    }
}

/// One input: its bytes, the name to show in messages, and its index among the inputs
/// (what `SourceLocation.file` holds).
public struct InputFile: Sendable {
    public var displayName: String
    public var bytes: [UInt8]
    public var index: UInt16

    public init(displayName: String, bytes: [UInt8], index: UInt16 = 0) {
        self.displayName = displayName
        self.bytes = bytes
        self.index = index
    }

    func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: index, line: UInt32(clamping: line), column: UInt32(clamping: column))
    }

    /// The line and column of byte `offset` (or of the end, at `bytes.count`), counted from the
    /// start: for an error found by a scan that does not track lines.
    func lineAndColumn(ofByteAt offset: Int) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return (before.count { $0 == 0x0A } + 1, offset - lineStart + 1)
    }
}

/// Input that cannot be read, with where and why.
public typealias ReadError = LocatedMessage<ErrorSeverity>

/// Something a reader noticed and worked around (a guess, a comment it could not keep).
public typealias Diagnostic = LocatedMessage<WarningSeverity>

/// A message about a place in an input, printed `path:line:column: severity: message`, the GNU
/// form editors and CI understand. The severity is part of the type, so an error can never be
/// passed where a warning is expected.
public struct LocatedMessage<Severity: MessageSeverity>: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        }
        return out + ": \(Severity.word): \(message)"
    }
}

public protocol MessageSeverity: Sendable, Hashable {
    static var word: String { get }
}

public enum ErrorSeverity: MessageSeverity {
    public static let word = "error"
}

public enum WarningSeverity: MessageSeverity {
    public static let word = "warning"
}
