/// A field that should hold a `Value` but may hold text that does not parse as one.
///
/// Readers never drop data: what does not parse is kept, verbatim, as `.invalid`, so writers
/// can carry it on and the validator can point at it.
public enum Parsed<Value: TextRepresentable>: Hashable, Sendable {
    case valid(Value)
    case invalid(String)

    /// Parses `text`; keeps it verbatim when it is not the canonical spelling of a `Value`.
    /// Inlinable so readers get it specialised for each value type.
    @inlinable
    public init(_ text: String) {
        if let value = Value(canonicalText: text) {
            self = .valid(value)
        } else {
            self = .invalid(text)
        }
    }

    /// Parses UTF-8 bytes (from a reader's buffer): a valid value is made without a String.
    @inlinable
    public init(utf8 bytes: Span<UInt8>) {
        if let value = Value(canonicalUTF8: bytes) {
            self = .valid(value)
        } else {
            self = .invalid(String(decodingUTF8: bytes))
        }
    }

    @inlinable
    public var value: Value? {
        if case .valid(let value) = self { return value }
        return nil
    }

    // Written out and inlinable: the synthesized conformance of a generic enum runs
    // unspecialized in other modules, and the validator hashes these in every rule.
    @inlinable
    public static func == (a: Parsed, b: Parsed) -> Bool {
        switch (a, b) {
        case (.valid(let x), .valid(let y)): x == y
        case (.invalid(let x), .invalid(let y)): x == y
        default: false
        }
    }

    @inlinable
    public func hash(into hasher: inout Hasher) {
        switch self {
        case .valid(let value):
            hasher.combine(true)
            hasher.combine(value)
        case .invalid(let raw):
            hasher.combine(false)
            hasher.combine(raw)
        }
    }

    /// True for empty text (`<name/>`): a valid value always has a spelling. Answered without
    /// printing the value.
    @inlinable
    public var isEmpty: Bool {
        if case .invalid(let raw) = self { return raw.isEmpty }
        return false
    }

    /// The text as it was read (a valid value's canonical spelling is its original text).
    @inlinable
    public var text: String {
        switch self {
        case .valid(let value): value.text
        case .invalid(let raw): raw
        }
    }
}

/// A value with exactly one spelling, so that parsing and printing it round-trips byte for byte.
public protocol TextRepresentable: Hashable, Sendable {
    /// Accepts only the canonical spelling: `"080"` is not a port, it is text to report.
    init?(canonicalText: String)
    /// The same from UTF-8 bytes. Values that parse bytes anyway (numbers, dates, protocols)
    /// implement it, so readers skip making a String for every valid field.
    init?(canonicalUTF8 bytes: Span<UInt8>)
    var text: String { get }
}

extension TextRepresentable {
    @inlinable
    public init?(canonicalUTF8 bytes: Span<UInt8>) {
        self.init(canonicalText: String(decodingUTF8: bytes))
    }
}

/// A value parsed from its UTF-8 bytes (numbers, dates): it implements
/// `init?(canonicalUTF8:)`, and its String parse is the parse of the String's bytes.
public protocol UTF8Parsable: TextRepresentable {}

extension UTF8Parsable {
    @inlinable
    public init?(canonicalText text: String) {
        var text = text
        guard let value = text.withUTF8({ Self(canonicalUTF8: $0.span) }) else { return nil }
        self = value
    }
}
