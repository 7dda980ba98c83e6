/// The questions every layer asks of ASCII bytes: white space, digits, case, trimming, the
/// canonical decimal of ports and service codes. One definition each; inlinable, because the
/// readers and writers ask them of every byte in their hot loops.
public enum ASCII {
    /// Space, tab, line feed or carriage return: XML's white space, and what HTML collapses.
    @inlinable @inline(__always)
    public static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Space or tab: the blanks within one line.
    @inlinable @inline(__always)
    public static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// True for a non-empty run of digits only.
    @inlinable
    public static func isDigits<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var any = false
        for byte in bytes {
            guard isDigit(byte) else { return false }
            any = true
        }
        return any
    }

    /// The byte lower-cased if it is an ASCII capital, else itself.
    @inlinable @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    /// The bytes without the ones `isTrimmed` holds for at either end (white space unless told).
    @inlinable
    public static func trimming<Bytes: BidirectionalCollection<UInt8>>(
        _ bytes: Bytes, where isTrimmed: (UInt8) -> Bool = isWhiteSpace
    ) -> Bytes.SubSequence {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end, isTrimmed(bytes[start]) { bytes.formIndex(after: &start) }
        while end > start, isTrimmed(bytes[bytes.index(before: end)]) { bytes.formIndex(before: &end) }
        return bytes[start..<end]
    }

    /// The text without white space at either end.
    @inlinable
    public static func trimming(_ text: String) -> String {
        String(Substring(trimming(text.utf8)))
    }

    /// Canonical unsigned decimal: digits only, no sign, no leading zero (except "0" itself).
    /// Nil for anything else or for a value above `limit`.
    @inlinable
    public static func canonicalDecimal(_ digits: Span<UInt8>, limit: UInt64) -> UInt64? {
        var value: UInt64 = 0
        for i in digits.indices {
            let byte = digits[i]
            guard isDigit(byte) else { return nil }
            if i == 1, value == 0 { return nil }  // leading zero
            value = value * 10 + UInt64(byte - UInt8(ascii: "0"))
            if value > limit { return nil }
        }
        return digits.isEmpty ? nil : value
    }
}

extension ASCII {
    /// Lower-cases ASCII letters only: service names compare case-insensitively in US-ASCII.
    public static func lowercased(_ text: String) -> String {
        guard text.utf8.contains(where: { lowercased($0) != $0 }) else { return text }
        return String(decoding: text.utf8.map(lowercased), as: UTF8.self)
    }
}
