/// How IANA's CSV flattened the registry: IANA changed its stylesheet three times, and each
/// rule was in force for an era. Recorded on the registry when it is read from CSV, so that
/// the registry is written back in the rule it was read in.
public enum CSVStyle: String, CaseIterable, Comparable, Sendable {
    /// Until 2019-01-01: `<br/>` dropped; column 11 titled "Known Unauthorized Uses".
    case before2019 = "before-2019"
    /// 2019-01-02 to 2020-07-30: `<br/>` is a line break, white space kept.
    case from2019 = "2019"
    /// 2020-07-31 to 2025-04-06: `<br/>` and the white space around it collapse.
    case from2020 = "2020"
    /// Since 2025-04-07: `<br/>` dropped, each paragraph opened by eight spaces.
    case from2025 = "2025"

    /// The rule today, for a registry with no date.
    public static let today = from2025

    /// The first day of each era after the first. IANA's files date the switches only within
    /// windows: the title change on 2019-01-02 (IANA's stylesheet); after the XML updated
    /// 2020-07-14 and by the one updated 2020-07-31; after 2025-01-23 and by 2025-04-07. Each
    /// switch is put on the first day a file shows it.
    private static let switches: [(day: (UInt16, UInt8, UInt8), style: CSVStyle)] = [
        ((2019, 1, 2), .from2019), ((2020, 7, 31), .from2020), ((2025, 4, 7), .from2025),
    ]

    /// The rule in force on `date` (the registry's `<updated>`); today's when there is none.
    public init(inForceOn date: RegistryDate?) {
        guard let date else {
            self = .today
            return
        }
        let day = (date.year, date.month, date.day ?? 1)
        self = Self.switches.last { day >= $0.day }?.style ?? .before2019
    }

    public static func < (a: CSVStyle, b: CSVStyle) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
