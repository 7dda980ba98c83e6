import ASCIIBytes

/// A DCCP service code (RFC 4340 §8.1.2): an unsigned 32-bit integer in canonical decimal.
/// Whether the code is *allowed* (4294967295 is not) is the validator's question, not the parser's.
public struct ServiceCode: UTF8Parsable {
    public let value: UInt32

    public init(_ value: UInt32) { self.value = value }

    public init?(canonicalUTF8 bytes: Span<UInt8>) {
        guard let value = ASCII.canonicalDecimal(bytes, limit: UInt64(UInt32.max)) else { return nil }
        self.value = UInt32(value)
    }

    public var text: String { String(value) }
}
