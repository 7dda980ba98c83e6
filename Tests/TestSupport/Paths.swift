import Foundation

/// Where the package's own files are, found from this source file (tests run from anywhere).
public enum Paths {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TestSupport
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    public static func file(_ relative: String) -> URL {
        packageRoot.appendingPathComponent(relative)
    }

    public static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: file(relative)))
    }

    /// IANA's registry files copied into the suite (see Tests/Fixtures/iana/SOURCES.md).
    public static let registry2026XML = "Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xml"
    public static let registry2026HTML = "Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.xhtml"
    public static let registry2015Page1HTML = "Tests/Fixtures/iana/2015-03-16-page1/service-names-port-numbers.xhtml"
    public static let registry2024XML = "Tests/Fixtures/iana/2024-04-30/service-names-port-numbers.xml"
    public static let registry2026Text = "Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.txt"
    public static let registry2013Text = "Tests/Fixtures/iana/2013-06-26/service-names-port-numbers.txt"
    public static let registry2024CSV = "Tests/Fixtures/iana/2024-04-30/service-names-port-numbers.csv"

    /// The XML/CSV pair of each era of IANA's CSV (`CSVStyle`), oldest first.
    public static let csvEraPairs: [(xml: String, csv: String)] = ["2018-02-21", "2020-07-14", "2024-04-30", "2026-04-24"].map { day in
        ("Tests/Fixtures/iana/\(day)/service-names-port-numbers.xml", "Tests/Fixtures/iana/\(day)/service-names-port-numbers.csv")
    }
}
