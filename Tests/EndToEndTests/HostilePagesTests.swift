import Foundation
import Testing
import TestSupport

/// What a red-team pass found beyond `HostileInputTests` (issue #22, sections 2 to 4), through
/// the binary: nothing is written that ianaconv cannot read back, its own output is canonical
/// for its own `fmt`, hostile pages read as a browser shows them.
@Suite(.timeLimit(.minutes(5))) struct HostilePagesTests {
    // MARK: - Never write what cannot be read back

    @Test(arguments: ["csv", "txt", "html"], ["\u{1B}[2J", "\u{01}", "\u{00}"])
    func aControlCharacterIsRefusedWithItsPlace(_ layout: String, _ control: String) throws {
        var text = String(decoding: try Hostile.sample(layout), as: UTF8.self)
        let reserved = try #require(text.range(of: "Reserved"))
        text.replaceSubrange(reserved, with: "Res" + control + "erved")
        let line = text.utf8[..<reserved.lowerBound].count { $0 == 0x0A } + 1
        let run = try Hostile.run(layout, bytes: Array(text.utf8))
        run.expectError(line: line)
        #expect(run.stderr.contains("control character U+00"), "\(run.stderr)")
    }

    @Test func recordsATextRowCannotPlaceAreALoss() throws {
        // Each lacks every one-line cell (name, port, protocol, dates, service code).
        let lone = [
            "<description>Only a description</description>", "<assignee><xref type=\"person\" data=\"Jon_Postel\"/></assignee>",
            "<xref type=\"person\" data=\"Jon_Postel\"/>", "<xref type=\"rfc\" data=\"rfc6335\"/>",
            "<unauthorized>Seen</unauthorized>", "<note>Just a note</note>",
        ]
        let records = lone.map { "<record>\($0)</record>\n" }.joined()
        let xml = Array("""
            <?xml version='1.0' encoding='UTF-8'?>
            <registry xmlns="http://www.iana.org/assignments">
            <title>T</title>
            <record><name>echo</name><protocol>tcp</protocol><description>Echo</description><number>7</number></record>
            \(records)<record><name>discard</name><protocol>tcp</protocol><description>Discard</description><number>9</number></record>
            </registry>
            """.utf8)
        let strict = try Hostile.run("xml", bytes: xml, to: "txt", extra: ["--fail-on-loss"])
        #expect(strict.status == 1 && !strict.outputExists, "\(strict.stderr)")
        #expect(strict.stderr.contains("TXT cannot carry \(lone.count) records with no name, port"), "\(strict.stderr)")
        let page = try Hostile.run("xml", bytes: xml, to: "txt")
        #expect(page.status == 0, "\(page.stderr)")
        let back = try Hostile.run("txt", bytes: Array(page.output.utf8))
        #expect(back.status == 0, "the page reads back: \(back.stderr)")
        #expect(back.output.components(separatedBy: "<record").count - 1 == 2, "the two placeable records, nothing folded: \(back.output)")
        #expect(back.output.contains("<description>Echo</description>") && !back.output.contains("Only a description"))
    }

    static let ownOutputs = ["Samples/registry.xml", Paths.registry2026XML]

    @Test(arguments: ["xml", "csv", "html", "txt"], ownOutputs)
    func everyWritersOutputIsCanonicalForFmt(_ layout: String, _ source: String) throws {
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("out.\(layout)").path
        let written = try Binary.run(["xml", layout, source, "-o", file])
        #expect(written.status == 0, "\(written.stderr)")
        let check = try Binary.run(["fmt", "--check", file])
        #expect(check.status == 0, "\(layout) of \(source) is not canonical: \(check.stdoutText.prefix(800)) \(check.stderr.prefix(300))")
    }

    // MARK: - Read hostile pages as a browser does

    /// The sample page with its first `<td>Reserved</td>` cell replaced by `cell`.
    static func page(withCell cell: String) throws -> [UInt8] {
        var text = String(decoding: try Hostile.sample("html"), as: UTF8.self)
        let first = try #require(text.range(of: "<td>Reserved</td>"))
        text.replaceSubrange(first, with: cell)
        return Array(text.utf8)
    }

    static let recordsTable = """
        <table><tr><th>Service Name</th><th>Port Number</th><th>Transport Protocol</th><th>Description</th></tr>\
        <tr><td>evil</td><td>1</td><td>tcp</td><td>x</td></tr></table>
        """

    @Test(arguments: [
        "<td>Reserved<script>var s = \"</table></td><td>\";</script></td>",
        "<td>Reserved<style>/* </table></td><td> */</style></td>",
        "<td>Reserved<textarea>\(recordsTable)</textarea></td>",
        "<td>Reserved<template>\(recordsTable)</template></td>",
    ])
    func rawTextAndInertElementsHoldNoTable(_ cell: String) throws {
        let reference = try Hostile.run("html", bytes: try Hostile.sample("html"))
        let run = try Hostile.run("html", bytes: try Self.page(withCell: cell))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output == reference.output, "the same registry as without the element: \(run.stderr)")
    }

    @Test func aTableInACellIsReadAsTheCellsText() throws {
        let run = try Hostile.run("html", bytes: try Self.page(withCell: "<td>Reserved<table><tr><td>see</td><td>below</td></tr></table></td>"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("<description>Reserved see below</description>"), "\(run.output.prefix(2000))")
        #expect(run.output.components(separatedBy: "<record").count == 28, "27 records, none replaced")
        #expect(run.stderr.contains("input:99:") && run.stderr.contains("a table inside a cell"), "\(run.stderr)")
    }

    @Test func aTabInTheTextPageStopsAtTheNextMultipleOfEight() throws {
        let page = String(decoding: try Hostile.sample("txt"), as: UTF8.self)
        var lines = page.components(separatedBy: "\n")
        // A row whose leading blanks (an even number of tab stops) become tabs.
        let row = try #require(lines.firstIndex { $0.hasPrefix("                ") && !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        lines[row] = "\t\t" + lines[row].dropFirst(16)
        let run = try Hostile.run("txt", bytes: Array(lines.joined(separator: "\n").utf8))
        let reference = try Hostile.run("txt", bytes: Array(page.utf8))
        #expect(run.status == 0 && run.output == reference.output, "read as shown: \(run.stderr)")
        #expect(run.stderr.contains("input:\(row + 1):1: warning: 2 tabs on the page"), "\(run.stderr)")
    }

    // MARK: - No quadratic cost on hostile input

    /// The fastest of three runs of `arguments` in `directory`, in seconds, and its result.
    static func timed(_ arguments: [String], in directory: URL) throws -> (seconds: Double, result: Binary.Result) {
        var best = Double.infinity
        var last: Binary.Result?
        for _ in 0..<3 {
            let start = ContinuousClock.now
            last = try Binary.run(arguments, in: directory, timeout: 100)
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        }
        return (best, last!)
    }

    /// Runs `arguments` on `make(n)` and on `make(8 n)`: a linear cost grows about 8 times, a
    /// quadratic one 64. A tenth of a second is added to both, for the start-up and the noise of
    /// a busy machine.
    static func expectLinear(
        _ arguments: [String], _ n: Int, make: (Int) throws -> [UInt8], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> [Binary.Result] {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var runs: [(seconds: Double, result: Binary.Result)] = []
        for size in [n, 8 * n] {
            try Data(try make(size)).write(to: directory.appendingPathComponent("input"))
            runs.append(try timed(arguments + ["input"], in: directory))
        }
        let ratio = (runs[1].seconds + 0.1) / (runs[0].seconds + 0.1)
        #expect(ratio < 16, "\(arguments): \(runs[0].seconds) s for \(n), \(runs[1].seconds) s for \(8 * n)", sourceLocation: sourceLocation)
        #expect(runs.allSatisfy { !$0.result.signalled }, sourceLocation: sourceLocation)
        return runs.map(\.result)
    }

    static func registry(_ records: String) -> [UInt8] {
        Array("<?xml version='1.0' encoding='UTF-8'?>\n<registry xmlns=\"http://www.iana.org/assignments\">\n<title>T</title>\n\(records)</registry>\n".utf8)
    }

    @Test(arguments: ["validate", "xml xml", "fmt --check"])
    func manyAttributesOnOneElementAreRefusedQuickly(_ command: String) throws {
        let runs = try Self.expectLinear(command.split(separator: " ").map(String.init), 20_000) { n in
            let attributes = (0..<n).map { "a\($0)=\"x\"" }.joined(separator: " ")
            return Self.registry("<record \(attributes)><name>echo</name><protocol>tcp</protocol><description>E</description><number>7</number></record>\n")
        }
        for run in runs {
            #expect(run.status == 2 && run.stderr.contains("input:4:1: error: an element with more than 256 attributes"), "\(run.stderr)")
        }
    }

    @Test func theScrapedTextReaderIsLinearInTheWordsOfALine() throws {
        let seed = String(decoding: try Paths.bytes("Tests/Fixtures/seeds/002_bce9228d55e95aa1.txt"), as: UTF8.self)
        var lines = seed.components(separatedBy: "\n")
        let header = try #require(lines.firstIndex { $0.hasPrefix("Service Name Port Number") })
        let runs = try Self.expectLinear(["scraped-txt", "xml"], 5_000) { n in
            // Words, and brackets never closed on the line (each once made a scan to its end).
            lines.insert("big tcp " + (0..<n).map { $0 % 7 == 0 ? "[w\($0 % 50)" : "w\($0 % 50)" }.joined(separator: " ") + " 2011-10-24", at: header + 1)
            defer { lines.remove(at: header + 1) }
            return Array(lines.joined(separator: "\n").utf8)
        }
        for run in runs { #expect(run.status == 0 && run.stdoutText.contains("<name>big</name>"), "\(run.stderr.prefix(500))") }
    }

    @Test func theTextReaderIsLinearInTheHeightOfACell() throws {
        let runs = try Self.expectLinear(["txt", "xml"], 20_000) { n in
            let words = (0..<n).map { "word\($0 % 100)" }.joined(separator: " ")
            let xml = Self.registry("""
                <record><name>echo</name><protocol>tcp</protocol><description>Echo</description><number>7</number></record>
                <record><name>tall</name><protocol>tcp</protocol><description>\(words)</description><number>8</number></record>
                <record><name>discard</name><protocol>tcp</protocol><description>Discard</description><number>9</number></record>

                """)
            let page = try Binary.run(["xml", "txt", "-"], stdin: xml)
            #expect(page.status == 0, "\(page.stderr)")
            return page.stdout
        }
        for run in runs { #expect(run.status == 0 && run.stdoutText.contains("<name>tall</name>"), "\(run.stderr.prefix(500))") }
    }

    @Test func validateIsLinearInTheSchemaInvalidRecords() throws {
        // Records without a description: each breaks the schema.
        let runs = try Self.expectLinear(["validate"], 1_000) { n in
            Self.registry((0..<n).map { "<record><name>s\($0)</name><protocol>tcp</protocol><number>\($0 % 60000 + 1)</number></record>\n" }.joined())
        }
        for run in runs { #expect(run.status == 1 && run.stdoutText.contains("input:5:"), "\(run.stdoutText.prefix(500)) \(run.stderr.prefix(500))") }
    }

    @Test func aMarkdownRowOfManyCellsIsLinear() throws {
        let seed = String(decoding: try Paths.bytes("Tests/Fixtures/seeds/000_812350396cd55e8a.txt"), as: UTF8.self)
        var lines = seed.components(separatedBy: "\n")
        let row = try #require(lines.firstIndex { $0.hasPrefix("krb524 | 4444 | tcp") })
        let runs = try Self.expectLinear(["scraped-md", "xml"], 10_000) { n in
            let original = lines[row]
            lines[row] = "wide | 9 | tcp | " + (0..<n).map { "c\($0 % 10)" }.joined(separator: " | ") + " |"
            defer { lines[row] = original }
            return Array(lines.joined(separator: "\n").utf8)
        }
        for run in runs {
            #expect(run.status == 0 && run.stderr.contains("no reading of this row fits the 12 columns"), "\(run.stderr.prefix(500))")
        }
    }

    @Test func aHugeNameIsCutNotSpreadOverEveryLine() throws {
        var registry = String(decoding: try Paths.bytes("Samples/registry.xml"), as: UTF8.self)
        let name = String(repeating: "n", count: 100_000)  // both tcpmux records get it
        registry = registry.replacingOccurrences(of: "<name>tcpmux</name>", with: "<name>\(name)</name>")
        let normal = try Hostile.run("xml", bytes: try Paths.bytes("Samples/registry.xml"), to: "txt")
        let run = try Hostile.run("xml", bytes: Array(registry.utf8), to: "txt")
        #expect(run.status == 0 && run.stderr.contains("TXT cannot carry 2 words wider than a page column may be (512 characters)"), "\(run.stderr)")
        #expect(run.output.utf8.count < normal.output.utf8.count + 100 * 512, "\(run.output.utf8.count) bytes against \(normal.output.utf8.count)")
        let strict = try Hostile.run("xml", bytes: Array(registry.utf8), to: "txt", extra: ["--fail-on-loss"])
        #expect(strict.status == 1 && !strict.outputExists, "\(strict.stderr)")
    }
}
