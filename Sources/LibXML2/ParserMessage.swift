internal import CLibXML2

/// One of libxml2's messages (a warning, an error, a schema's complaint), or one this module
/// says in its place, with where it is: the one place libxml2's structured errors are read.
public struct ParserMessage: Sendable, Hashable {
    public enum Severity: Sendable {
        case warning
        /// The parse cannot go on (a stream stops after it) or, from a schema, a violation.
        case error
    }

    public let severity: Severity
    /// The line in the input, nil when libxml2 does not know it; of the element when the
    /// message is about one.
    public let line: Int?
    public let column: Int?
    /// The text without the line break libxml2 ends it with.
    public let text: String
    /// The element the message is about, when libxml2 names one (a schema's complaints do).
    public let element: String?
    /// A RELAX NG validator's complaint, not the parser's.
    public let isSchemaViolation: Bool

    init(error text: String, at location: (line: Int, column: Int)? = nil) {
        severity = .error
        line = location.flatMap { $0.line > 0 ? $0.line : nil }
        column = location.flatMap { $0.column > 0 ? $0.column : nil }
        self.text = text
        element = nil
        isSchemaViolation = false
    }

    /// `error` as libxml2 reported it; a parser's lines are counted from `lineOffset` lines
    /// before its input.
    init(_ error: xmlError, lineOffset: Int = 0) {
        severity = error.level == XML_ERR_WARNING ? .warning : .error
        let node = error.node?.assumingMemoryBound(to: xmlNode.self)
        let nodeLine = node.map { Int(xmlGetLineNo($0)) } ?? 0
        line = nodeLine > 0 ? nodeLine : error.line > 0 ? Int(error.line) + lineOffset : nil
        column = error.int2 > 0 ? Int(error.int2) : nil
        var message = error.message.map { String(cString: $0) } ?? "unknown libxml2 error"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        text = message
        element = node.flatMap { $0.pointee.name.map { String(cString: $0) } }
        isSchemaViolation = error.domain == Int32(XML_FROM_RELAXNGV.rawValue)
    }
}
