import Foundation
import Testing
import TestSupport
import XMLTreeDiff

/// Issue #19 over IANA's real pairs, one per era of its CSV, through the release binary.
@Suite(.serialized) struct CSVEraTests {
    @Test(arguments: Paths.csvEraPairs.map(\.xml).indices)
    func xmlToCSVWritesTheRuleInForceOnTheRegistrysDate(_ era: Int) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let pair = Paths.csvEraPairs[era]
        let result = try Binary.run(["xml", "csv", pair.xml])
        #expect(result.status == 0, "\(result.stderr)")
        let expected = try Paths.bytes(pair.csv)
        #expect(result.stdout == expected, "byte for byte")
    }

    @Test(arguments: Paths.csvEraPairs.map(\.xml).indices)
    func ianasCSVIsCanonicalAndSurvivesCSVToXMLToCSV(_ era: Int) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let pair = Paths.csvEraPairs[era]
        let csv = try Paths.bytes(pair.csv)
        let check = try Binary.run(["fmt", "--check", pair.csv])
        #expect(check.status == 0, "\(check.stdoutText.prefix(600)) \(check.stderr)")
        let xml = try Binary.run(["csv", "xml"], stdin: csv)
        #expect(xml.status == 0, "\(xml.stderr)")
        let back = try Binary.run(["xml", "csv"], stdin: xml.stdout)
        #expect(back.stdout == csv, "csv → xml → csv")
    }

    /// CSV as people save it: LF line ends, every cell quoted.
    @Test func aCSVWithLFLineEndsOrQuotedCellsIsRead() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let csv = try Paths.bytes(Paths.registry2024CSV)
        let lf = Array(String(decoding: csv, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-lf-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("lf.csv")
        try Data(lf).write(to: file)
        let check = try Binary.run(["fmt", "--check", file.path])
        #expect(check.status == 1)
        #expect(check.stdoutText == "\(file.path): only its line ends differ from the canonical form's: it has LF, the canonical form CRLF and LF\n")
        #expect(try Binary.run(["csv", "csv"], stdin: lf).stdout == csv, "read, and written back in IANA's form")
        let header = "\"Service Name\",\"Port Number\",\"Transport Protocol\",\"Description\",\"Assignee\",\"Contact\",\"Registration Date\",\"Modification Date\",\"Reference\",\"Service Code\",\"Unauthorized Use Reported\",\"Assignment Notes\"\r\n"
        let quoted = Array((header + "\"echo\",\"7\",\"tcp\",\"Echo\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\r\n").utf8)
        for from in ["auto", "csv"] {
            let read = try Binary.run([from, "xml"], stdin: quoted)
            #expect(read.status == 0 && read.stdoutText.contains("<name>echo</name>"), "--from \(from): \(read.stderr)")
        }
    }

    @Test func csvStyleChoosesTheRuleAndTheHelpListsTheEras() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let (old, today) = (Paths.csvEraPairs[0], Paths.csvEraPairs[3])
        let written = try Binary.run(["xml", "csv", "--csv-style", "before-2019", old.xml])
        let oldCSV = try Paths.bytes(old.csv)
        #expect(written.stdout == oldCSV)
        let modern = try Binary.run(["xml", "csv", "--csv-style", "2025", old.xml])
        #expect(modern.stdout != written.stdout)
        #expect(modern.stdoutText.hasPrefix("Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,"))
        // Today's XML written in an older rule.
        let older = try Binary.run(["xml", "csv", "--csv-style", "2020", today.xml])
        let todaysCSV = try Paths.bytes(today.csv)
        #expect(older.status == 0 && older.stdout != todaysCSV)
        let help = try Binary.run(["convert", "--help"]).stdoutText
        for era in ["before-2019", "2019", "2020", "2025"] { #expect(help.contains(era), "\(era) in the help") }
        #expect(try Binary.run(["xml", "csv", "--csv-style", "1999", old.xml]).status != 0)
    }

    @Test func aCSVWithoutADateIsWrittenInTodaysRule() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        // The 2018 XML's records with no <updated>: the 2025 rule, not the 2018 one.
        var text = String(decoding: try Paths.bytes(Paths.csvEraPairs[0].xml), as: UTF8.self)
        text = text.replacingOccurrences(of: "<updated>2018-02-21</updated>", with: "")
        let csv = try Binary.run(["xml", "csv"], stdin: Array(text.utf8)).stdoutText
        let dated = try Binary.run(["xml", "csv", "--csv-style", "2025", Paths.csvEraPairs[0].xml]).stdoutText
        #expect(csv == dated)
    }

    @Test func theXMLPrologSurvivesXMLToXMLAndOtherLayoutsGetTodays() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let original = try Paths.bytes(Paths.csvEraPairs[0].xml)
        let again = try Binary.run(["xml", "xml", Paths.csvEraPairs[0].xml])
        #expect(again.stderr.isEmpty, "\(again.stderr)")
        #expect(again.stdoutText.contains("<?oxygen RNGSchema=\"service-names-port-numbers.rng\" type=\"xml\"?>\n<registry"))
        #expect(!again.stdoutText.contains("<?xml-model"))
        #expect(XMLTree.differences(original, again.stdout).isEmpty)
        // Comments and instructions around the root, in order.
        let framed = "<?xml version='1.0' encoding='UTF-8'?>\n<!-- a -->\n<?b c?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"x\">\n</registry>\n<!-- d -->\n"
        #expect(try Binary.run(["xml", "xml"], stdin: Array(framed.utf8)).stdoutText == framed)
        let fromCSV = try Binary.run(["csv", "xml", Paths.csvEraPairs[3].csv]).stdoutText
        #expect(fromCSV.hasPrefix("<?xml version='1.0' encoding='UTF-8'?>\n<?xml-stylesheet type=\"text/xsl\" href=\"service-names-port-numbers.xsl\"?>\n<?xml-model href=\"service-names-port-numbers.rng\" schematypens=\"http://relaxng.org/ns/structure/1.0\" ?>\n<registry"))
    }

    /// Comments and processing instructions inside the registry: the model has no place for
    /// them, so convert reports the loss and fmt does not rewrite the file.
    @Test func markupInsideTheRegistryIsALossThatStopsFmt() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let xml = "<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\" id=\"x\">\n  <!-- kept? -->\n  <record>\n    <?pi x?>\n    <description>d</description>\n  </record>\n</registry>\n"
        let converted = try Binary.run(["xml", "xml", "--fail-on-loss"], stdin: Array(xml.utf8))
        #expect(converted.status == 1)
        #expect(converted.stderr.contains("2 comments or processing instructions inside the registry"), "\(converted.stderr)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-unkept-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("r.xml")
        try Data(xml.utf8).write(to: file)
        let fmt = try Binary.run(["fmt", file.path])
        #expect(fmt.status == 1, "\(fmt.stderr)")
        #expect(fmt.stderr.contains("not rewritten"), "\(fmt.stderr)")
        #expect(try Data(contentsOf: file) == Data(xml.utf8), "the file is unchanged")
    }

    /// `--metadata`: IANA's 2024-04-30 CSV made whole again with that day's XML gives that XML,
    /// except what a CSV row cannot carry.
    @Test func csvWithTheXMLsMetadataGivesIANAsXML() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["csv", "xml", Paths.registry2024CSV, "--metadata", Paths.registry2024XML])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try Paths.bytes(Paths.registry2024XML)
        // Everything but the records, exactly.
        #expect(XMLTree.differences(Self.withoutRecords(original), Self.withoutRecords(result.stdout)).isEmpty,
            "\(XMLTree.differences(Self.withoutRecords(original), Self.withoutRecords(result.stdout)))")
        // The records, field by field as a flat row carries them.
        let (ours, ianas) = (try #require(RecordFields.all(in: result.stdout)), try #require(RecordFields.all(in: original)))
        #expect(ours.count == ianas.count)
        let differing = zip(ours, ianas).filter { $0 != $1 }
        #expect(differing.isEmpty, "\(differing.count) records differ; first: \(differing.prefix(2))")
        #expect(result.stdoutText.contains("<updated>2024-04-30</updated>"), "a client that needs <updated> finds it")
    }

    private static func withoutRecords(_ xml: [UInt8]) -> [UInt8] {
        let text = String(decoding: xml, as: UTF8.self)
        let kept = text.replacingOccurrences(of: #"(?s)\s*<record[ >].*?</record>"#, with: "", options: .regularExpression)
        return Array(kept.utf8)
    }
}
