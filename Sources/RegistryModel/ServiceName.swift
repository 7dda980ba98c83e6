import ASCIIBytes

/// A service name as registered. Any non-empty text is a name the registry may hold; the name
/// knows whether it is well formed under RFC 6335 §5.1 or a legacy name that breaks it, and
/// which clause it breaks first.
public struct ServiceName: TextRepresentable {
    public let text: String
    /// nil for a name that satisfies RFC 6335 §5.1.
    public let violation: ServiceNameViolation?

    public init?(canonicalText text: String) {
        guard !text.isEmpty else { return nil }
        self.text = text
        violation = ServiceNameViolation.first(in: text)
    }

    /// A name that breaks §5.1; the registry keeps such names from before RFC 6335.
    public var isLegacy: Bool { violation != nil }

    /// Names are unique case-insensitively (RFC 6335 §5.1); this is the comparison key.
    public var key: String { ASCII.lowercased(text) }
}

/// The clauses of RFC 6335 §5.1, in the order they are checked.
public enum ServiceNameViolation: String, Hashable, Sendable, CaseIterable {
    case tooLong = "longer than 15 characters"
    case forbiddenCharacter = "contains a character other than a US-ASCII letter, digit or hyphen"
    case noLetter = "has no letter"
    case hyphenAtEdge = "begins or ends with a hyphen"
    case doubleHyphen = "has two hyphens in a row"

    static func first(in name: String) -> ServiceNameViolation? {
        var name = name
        return name.withUTF8 { first(in: $0.span) }  // on the bytes: every record's name passes here
    }

    private static func first(in bytes: Span<UInt8>) -> ServiceNameViolation? {
        if bytes.count > 15 { return .tooLong }
        var hasLetter = false
        var previous: UInt8 = 0
        for i in bytes.indices {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                hasLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            case UInt8(ascii: "-"):
                if previous == UInt8(ascii: "-") { return .doubleHyphen }
            default:
                return .forbiddenCharacter
            }
            previous = byte
        }
        if !hasLetter { return .noLetter }
        if bytes[0] == UInt8(ascii: "-") || bytes[bytes.count - 1] == UInt8(ascii: "-") { return .hyphenAtEdge }
        return nil
    }
}
