import ASCIIBytes

/// A port number or an inclusive range of them, `N` or `N-M`, with `N <= M <= 65535`.
/// The bounds are checked once, here; a value of this type is always a real range.
public struct PortRange: UTF8Parsable, Comparable {
    public let lower: UInt16
    public let upper: UInt16

    public init?(lower: UInt16, upper: UInt16) {
        guard lower <= upper else { return nil }
        self.lower = lower
        self.upper = upper
    }

    public init(port: UInt16) {
        lower = port
        upper = port
    }

    public init?(canonicalUTF8 bytes: Span<UInt8>) {
        if let dash = bytes.indices.first(where: { bytes[$0] == UInt8(ascii: "-") }) {
            guard let low = ASCII.canonicalDecimal(bytes.extracting(..<dash), limit: 65535),
                  let high = ASCII.canonicalDecimal(bytes.extracting((dash + 1)...), limit: 65535),
                  low < high  // "5-5" is not how the registry spells port 5
            else { return nil }
            self.init(lower: UInt16(low), upper: UInt16(high))
        } else {
            guard let port = ASCII.canonicalDecimal(bytes, limit: 65535) else { return nil }
            self.init(port: UInt16(port))
        }
    }

    public var isSinglePort: Bool { lower == upper }

    public var text: String { isSinglePort ? String(lower) : "\(lower)-\(upper)" }

    public func overlaps(_ other: PortRange) -> Bool {
        lower <= other.upper && other.lower <= upper
    }

    public static func < (a: PortRange, b: PortRange) -> Bool {
        (a.lower, a.upper) < (b.lower, b.upper)
    }
}
