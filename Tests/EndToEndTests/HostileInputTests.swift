import Foundation
import Testing
import TestSupport

/// Broken and hostile input through the binary, for every reader it applies to (and `auto`):
/// either a correct read (a byte-order mark, other line ends) or exit 2 with a message that
/// names the file and the place. Never a crash or a hang (each run is killed after a minute),
/// never a file read through an entity, never a partial output file, never a changed input.
/// Fixtures: Tests/Fixtures/hostile/ (see SOURCES.md there); big cases are generated.
@Suite(.timeLimit(.minutes(5))) struct HostileInputTests {
    static let readers = ["xml", "csv", "html", "txt", "scraped-md", "scraped-txt", "json", "jsonl"]
    static let readersAndAuto = readers + ["auto"]

    // MARK: - XML's own attacks

    @Test(arguments: ["xxe-local-file.xml", "external-dtd.xml", "network-url.xml", "billion-laughs.xml"], ["xml", "auto"])
    func xmlEntitiesAndDTDsAreRefused(_ file: String, _ layout: String) throws {
        let run = try Hostile.run(layout, fixture: file)
        run.expectError(line: 2)
        #expect(run.stderr.contains("DOCTYPE"), "\(run.stderr)")
    }

    @Test(arguments: ["entities.xhtml", "network-dtd.xhtml"])
    func htmlReadsNoEntityAndNoDTD(_ file: String) throws {
        // libxml2's HTML parser ignores the internal subset: the page reads, the entities stay
        // unexpanded text, nothing is loaded.
        let run = try Hostile.run("html", fixture: file)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.output.contains("<name>echo</name>"), "the record is read")
        #expect(run.output.count < 10_000, "no entity expanded")
    }

    // MARK: - Bytes that are not a registry

    @Test(arguments: readersAndAuto)
    func binaryGarbageIsAnErrorWithAPlace(_ layout: String) throws {
        var generator = SeededGenerator(seed: 6)
        let garbage = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Hostile.run(layout, bytes: garbage).expectError()
    }

    @Test(arguments: readersAndAuto)
    func anEmptyFileIsAnError(_ layout: String) throws {
        try Hostile.run(layout, bytes: []).expectError(line: 1)
    }

    @Test(arguments: readersAndAuto)
    func aHundredMegabyteLineIsRefusedQuickly(_ layout: String) throws {
        let line = [UInt8](repeating: UInt8(ascii: "a"), count: 100 << 20)
        try Hostile.run(layout, bytes: line).expectError(line: 1)
    }

    @Test(arguments: readers)
    func invalidUTF8IsAnErrorWithItsPlace(_ layout: String) throws {
        var bytes = try Hostile.sample(layout)
        let middle = bytes.count / 2
        let lineStart = (bytes[..<middle].lastIndex(of: 0x0A) ?? -1) + 1
        let line = bytes[..<lineStart].count { $0 == 0x0A } + 1
        bytes.insert(contentsOf: [0xC3, 0x28], at: lineStart)
        try Hostile.run(layout, bytes: bytes).expectError(line: line)
    }

    @Test(arguments: readers)
    func aTruncatedFileIsAnErrorOrAReportedCut(_ layout: String) throws {
        let bytes = try Hostile.sample(layout)
        // Cut in the middle of a line, half-way through.
        let cut = (bytes[..<(bytes.count / 2)].lastIndex(of: 0x0A) ?? 0) + 8
        let run = try Hostile.run(layout, bytes: Array(bytes[..<cut]))
        if layout.hasPrefix("scraped") {
            // A scraped page is often cut short; its reader reads what is there and says where.
            #expect(run.status == 0 || run.status == 2, "\(run.stderr)")
            #expect(run.stderr.contains("input:"), "the cut is reported with its place: \(run.stderr)")
        } else {
            run.expectError()
        }
    }

    // MARK: - Legitimate variants read the same

    @Test(arguments: readersAndAuto)
    func aUTF8ByteOrderMarkReadsTheSame(_ layout: String) throws {
        let sample = try Hostile.sample(layout)
        try Hostile.expectSameRead(layout, [0xEF, 0xBB, 0xBF] + sample, as: sample)
    }

    @Test(arguments: readersAndAuto, [false, true])
    func utf16WithAByteOrderMarkReadsTheSame(_ layout: String, _ bigEndian: Bool) throws {
        let sample = try Hostile.sample(layout)
        var text = String(decoding: sample, as: UTF8.self)
        text = text.replacingOccurrences(of: "encoding='UTF-8'", with: "encoding='UTF-16'")
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            .replacingOccurrences(of: "charset=utf-8", with: "charset=utf-16")
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try Hostile.expectSameRead(layout, bytes, as: sample)
    }

    @Test(arguments: readersAndAuto, ["\r", "mixed"])
    func otherLineEndsReadTheSame(_ layout: String, _ ends: String) throws {
        let sample = try Hostile.sample(layout)
        // Only line ends change: in CSV the row ends (CR LF), not a line break inside a quoted
        // field, which is content.
        let text = String(decoding: sample, as: UTF8.self)
        let lines = layout == "csv" ? text.components(separatedBy: "\r\n")
            : text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        var changed = ""
        for (index, line) in lines.enumerated() {
            changed += line
            if index < lines.count - 1 { changed += ends == "\r" ? "\r" : ["\n", "\r", "\r\n"][index % 3] }
        }
        try Hostile.expectSameRead(layout, Array(changed.utf8), as: sample)
    }

    // MARK: - Wrong layout, broken tables

    @Test(arguments: readers)
    func aFileOfAnotherLayoutIsAnError(_ given: String) throws {
        for layout in Self.readers where layout != given && !(given.hasPrefix("scraped") && layout.hasPrefix("scraped")) {
            let run = try Hostile.run(layout, bytes: try Hostile.sample(given))
            run.expectError("\(given) read as \(layout)")
        }
    }

    @Test(arguments: [("csv-wrong-column-count.csv", 3), ("csv-unterminated-quote.csv", 2)])
    func brokenCSVIsAnErrorWithItsLine(_ file: String, _ line: Int) throws {
        for layout in ["csv", "auto"] {
            try Hostile.run(layout, fixture: file).expectError(line: line)
        }
    }

    @Test(arguments: ["html", "auto"])
    func htmlWithoutTheTableIsAnError(_ layout: String) throws {
        let run = try Hostile.run(layout, fixture: "html-without-table.html")
        run.expectError()
        #expect(run.stderr.contains("table"), "\(run.stderr)")
    }

    @Test(arguments: ["xml", "csv", "html", "txt"])
    func failOnLossLeavesNoOutputFile(_ target: String) throws {
        let run = try Hostile.run("xml", bytes: try Paths.bytes("Samples/registry.xml"), to: target, extra: ["--fail-on-loss"])
        if target == "xml" {
            #expect(run.status == 0 && run.outputExists && run.stderr.isEmpty, "XML carries everything: \(run.stderr)")
        } else {
            #expect(run.status == 1, "\(run.stderr)")
            #expect(!run.outputExists, "nothing written")
            let lines = run.stderr.split(separator: "\n")
            #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("out: error: \(target.uppercased()) cannot carry ") }, "\(run.stderr)")
        }
    }
}

/// One hostile run: the input is written to a fresh directory, converted to `-o out` there,
/// and the invariants every run must keep are checked on the way.
struct Hostile {
    var status: Int32
    var stderr: String
    var output: String
    var outputExists: Bool
    var inputName: String

    /// Each layout's small sample: IANA's sample registry written in it, or a scraped seed.
    static func sample(_ layout: String) throws -> [UInt8] {
        switch layout {
        case "xml", "auto": return try Paths.bytes("Samples/registry.xml")
        case "scraped-md": return try Paths.bytes("Tests/Fixtures/seeds/000_812350396cd55e8a.txt")
        case "scraped-txt": return try Paths.bytes("Tests/Fixtures/seeds/002_bce9228d55e95aa1.txt")
        default:
            let result = try Binary.run(["xml", layout, "Samples/registry.xml"])
            #expect(result.status == 0)
            return result.stdout
        }
    }

    static func run(_ layout: String, fixture: String) throws -> Hostile {
        try run(layout, bytes: Paths.bytes("Tests/Fixtures/hostile/\(fixture)"), name: fixture, neighbours: ["secret.txt"])
    }

    static func run(_ layout: String, bytes: [UInt8], name: String = "input", to target: String = "xml",
                    extra: [String] = [], neighbours: [String] = []) throws -> Hostile {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-hostile-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for neighbour in neighbours {
            try FileManager.default.copyItem(at: Paths.file("Tests/Fixtures/hostile/\(neighbour)"), to: directory.appendingPathComponent(neighbour))
        }
        try Data(bytes).write(to: directory.appendingPathComponent(name))
        let result = try Binary.run([layout, target, name, "-o", "out"] + extra, in: directory, timeout: 60)
        #expect(!result.signalled, "\(layout): killed by a signal (a crash, or a hang past a minute): \(result.stderr.prefix(500))")
        #expect([0, 1, 2].contains(result.status), "\(layout): exit \(result.status)")
        #expect(try Data(contentsOf: directory.appendingPathComponent(name)) == Data(bytes), "the input is never modified")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != name && $0 != "out" && !neighbours.contains($0) }
        #expect(left.isEmpty, "no temporary file left behind: \(left)")
        let out = directory.appendingPathComponent("out")
        let exists = FileManager.default.fileExists(atPath: out.path)
        let output = exists ? String(decoding: try Data(contentsOf: out), as: UTF8.self) : ""
        #expect(!output.contains("TOP-SECRET") && !result.stderr.contains("TOP-SECRET"), "a file was read through an entity")
        return Hostile(status: result.status, stderr: result.stderr, output: output, outputExists: exists, inputName: name)
    }

    /// Exit 2, nothing written, and a GNU-style message naming the file and (when given) the line.
    func expectError(_ what: String = "", line: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(status == 2, "\(what) exit \(status): \(stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(!outputExists, "\(what): no output file on error", sourceLocation: sourceLocation)
        let message = stderr.split(separator: "\n").first { $0.contains(": error: ") }.map(String.init) ?? ""
        let place = line.map { "\(inputName):\($0):" } ?? "\(inputName):"
        #expect(message.hasPrefix(place) && message.dropFirst(inputName.count + 1).first?.isNumber == true,
                "\(what): the message names the file and the place (\(place)…): \(stderr.prefix(300))", sourceLocation: sourceLocation)
    }

    /// `bytes` read as `layout` give the same registry as `reference` does.
    static func expectSameRead(_ layout: String, _ bytes: [UInt8], as reference: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let want = try run(layout, bytes: reference)
        let got = try run(layout, bytes: bytes)
        #expect(got.status == 0, "\(layout): \(got.stderr.prefix(300))", sourceLocation: sourceLocation)
        #expect(got.output == want.output && !got.output.isEmpty, "\(layout): read differently", sourceLocation: sourceLocation)
        #expect(got.stderr == want.stderr, "\(layout): different warnings", sourceLocation: sourceLocation)
    }
}
