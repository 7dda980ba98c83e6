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
}

/// Input that cannot be read, with where and why.
public struct ReadError: Error, Sendable, CustomStringConvertible {
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

    /// `path:line:column: error: message`, the GNU form editors and CI understand.
    public var description: String {
        Diagnostic.format(file: file, line: line, column: column, severity: "error", message: message)
    }
}

/// Something a reader noticed and worked around (a guess, a comment it could not keep).
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
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
        Diagnostic.format(file: file, line: line, column: column, severity: "warning", message: message)
    }

    static func format(file: String, line: Int?, column: Int?, severity: String, message: String) -> String {
        var out = file
        if let line {
            out += ":\(line)"
            if let column { out += ":\(column)" }
        }
        return out + ": \(severity): \(message)"
    }
}
