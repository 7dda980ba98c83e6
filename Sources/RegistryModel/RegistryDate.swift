import ASCIIBytes

/// A registration or modification date as the registry writes it: `YYYY-MM-DD`, or `YYYY-MM`
/// for old entries whose day was never recorded. Always a real calendar date.
public struct RegistryDate: UTF8Parsable, Comparable {
    public let year: UInt16
    public let month: UInt8
    /// nil when the registry gives only the month.
    public let day: UInt8?

    public init?(year: UInt16, month: UInt8, day: UInt8?) {
        guard (1...12).contains(month) else { return nil }
        if let day {
            guard day >= 1, day <= RegistryDate.daysIn(month: month, year: year) else { return nil }
        }
        self.year = year
        self.month = month
        self.day = day
    }

    public init?(canonicalUTF8 b: Span<UInt8>) {
        guard b.count == 7 || b.count == 10, b[4] == UInt8(ascii: "-"),
            let year = RegistryDate.digits(b.extracting(0..<4)), let month = RegistryDate.digits(b.extracting(5..<7))
        else { return nil }
        var day: Int?
        if b.count == 10 {
            guard b[7] == UInt8(ascii: "-"), let digits = RegistryDate.digits(b.extracting(8..<10)) else { return nil }
            day = digits
        }
        self.init(year: UInt16(year), month: UInt8(month), day: day.map { UInt8($0) })
    }

    /// `YYYY-MM-DD` or `YYYY-MM`, written digit by digit: writers ask for it on every record.
    public var text: String {
        let yearDigits = year > 9999 ? 5 : 4
        let count = yearDigits + (day == nil ? 3 : 6)
        return String(unsafeUninitializedCapacity: count) { out in
            func put(_ value: Int, digits: Int, at end: Int) {
                var value = value
                for i in stride(from: end - 1, through: end - digits, by: -1) {
                    out[i] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(Int(year), digits: yearDigits, at: yearDigits)
            out[yearDigits] = UInt8(ascii: "-")
            put(Int(month), digits: 2, at: yearDigits + 3)
            if let day {
                out[yearDigits + 3] = UInt8(ascii: "-")
                put(Int(day), digits: 2, at: count)
            }
            return count
        }
    }

    /// Month-only dates sort before any day of their month.
    public static func < (a: RegistryDate, b: RegistryDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }

    private static func digits(_ bytes: Span<UInt8>) -> Int? {
        var value = 0
        for i in bytes.indices {
            let byte = bytes[i]
            guard ASCII.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func daysIn(month: UInt8, year: UInt16) -> UInt8 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
