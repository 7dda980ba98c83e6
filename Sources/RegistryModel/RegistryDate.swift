/// A registration or modification date as the registry writes it: `YYYY-MM-DD`, or `YYYY-MM`
/// for old entries whose day was never recorded. Always a real calendar date.
public struct RegistryDate: TextRepresentable, Comparable {
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

    public init?(canonicalText text: String) {
        let b = Array(text.utf8)
        guard b.count == 7 || b.count == 10, b[4] == UInt8(ascii: "-") else { return nil }
        guard let year = RegistryDate.digits(b[0..<4]), let month = RegistryDate.digits(b[5..<7])
        else { return nil }
        var day: Int?
        if b.count == 10 {
            guard b[7] == UInt8(ascii: "-"), let d = RegistryDate.digits(b[8..<10]) else { return nil }
            day = d
        }
        self.init(year: UInt16(year), month: UInt8(month), day: day.map { UInt8($0) })
    }

    public var text: String {
        var out = String(year)
        while out.utf8.count < 4 { out = "0" + out }
        out += month < 10 ? "-0\(month)" : "-\(month)"
        if let day { out += day < 10 ? "-0\(day)" : "-\(day)" }
        return out
    }

    /// Month-only dates sort before any day of their month.
    public static func < (a: RegistryDate, b: RegistryDate) -> Bool {
        (a.year, a.month, a.day ?? 0) < (b.year, b.month, b.day ?? 0)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
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
