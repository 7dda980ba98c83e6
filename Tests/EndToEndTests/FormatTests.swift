import Foundation
import Testing
import TestSupport

/// `ianaconv fmt`: in-place rewriting in the canonical form of each file's own layout, and
/// `--check`, which changes nothing and prints a unified diff.
@Suite struct FormatTests {
    let header = "Service Name,Port Number,Transport Protocol,Description,Assignee,Contact,Registration Date,Modification Date,Reference,Service Code,Unauthorized Use Reported,Assignment Notes"

    private func write(_ text: String, _ name: String, in directory: URL) throws -> URL {
        let file = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        return file
    }

    private func mode(_ file: URL) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
    }

    @Test func rewritesInPlaceKeepingTheModeAndLeavingNoTemporaryFile() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("registry.xml")
        try FileManager.default.copyItem(at: Paths.file("Samples/registry.xml"), to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        let canonical = try Binary.run(["xml", "xml", "Samples/registry.xml"]).stdout
        #expect(canonical != (try Paths.bytes("Samples/registry.xml")), "the sample is not canonical (IANA's spacing)")

        let rewritten = try Binary.run(["fmt", "registry.xml"], in: directory)
        #expect(rewritten.status == 0, "\(rewritten.stderr)")
        #expect(rewritten.stdout.isEmpty)
        #expect(rewritten.stderr == "registry.xml: rewritten in canonical XML form\n1 rewritten (1 file)\n")
        #expect([UInt8](try Data(contentsOf: file)) == canonical)
        #expect(try mode(file) == 0o640, "the rewritten file keeps its mode")
        #expect(try Scratch.names(in: directory) == ["registry.xml"], "no temporary file left")

        let again = try Binary.run(["fmt", "registry.xml"], in: directory)
        #expect(again.status == 0)
        #expect(again.stderr == "1 already canonical (1 file)\n")
        let check = try Binary.run(["fmt", "--check", "registry.xml"], in: directory)
        #expect(check.status == 0)
        #expect(check.stdout.isEmpty)
    }

    @Test func checkPrintsAUnifiedDiffAndChangesNothing() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = "\(header)\r\n\"echo\",7,tcp,Echo,,,,,,,,\r\necho,7,udp,Echo,,,,,,,,\r\n"
        let file = try write(original, "ports.csv", in: directory)
        _ = try write("\(header)\r\necho,7,tcp,Echo,,,,,,,,\r\necho,7,udp,Echo,,,,,,,,\r\n", "canonical.csv", in: directory)

        let check = try Binary.run(["fmt", "--check", "ports.csv", "canonical.csv"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdoutText == """
            --- ports.csv
            +++ ports.csv (canonical)
            @@ -1,3 +1,3 @@
             \(header)\r
            -"echo",7,tcp,Echo,,,,,,,,\r
            +echo,7,tcp,Echo,,,,,,,,\r
             echo,7,udp,Echo,,,,,,,,\r

            """)
        #expect(check.stderr == "1 already canonical, 1 not canonical (2 files)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == original, "--check writes nothing")
        #expect(try Scratch.names(in: directory) == ["canonical.csv", "ports.csv"])
    }

    @Test func aMissingFinalLineFeedIsShownAsDiffDoes() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try write("\(header)\r\necho,7,tcp,Echo,,,,,,,,", "cut.csv", in: directory)
        let check = try Binary.run(["fmt", "--check", "cut.csv"], in: directory)
        #expect(check.status == 1)
        #expect(check.stdoutText == """
            --- cut.csv
            +++ cut.csv (canonical)
            @@ -1,2 +1,2 @@
             \(header)\r
            -echo,7,tcp,Echo,,,,,,,,
            \\ No newline at end of file
            +echo,7,tcp,Echo,,,,,,,,\r

            """)
    }

    /// The diff of a whole registry is what GNU diff prints, and applies.
    @Test func theDiffOfIANAsXMLIsGNUDiffs() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/diff"), "GNU diff (diffutils) is needed")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try Binary.run(["fmt", "--check", Paths.registry2024XML])
        #expect(check.status == 1)
        let canonical = directory.appendingPathComponent("canonical.xml")
        try Data(try Binary.run(["fmt", "-"], stdin: try Paths.bytes(Paths.registry2024XML)).stdout).write(to: canonical)
        let diff = Process()
        diff.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
        diff.arguments = ["-u", Paths.file(Paths.registry2024XML).path, canonical.path]
        let pipe = Pipe()
        diff.standardOutput = pipe
        try diff.run()
        let gnu = pipe.fileHandleForReading.readDataToEndOfFile()
        diff.waitUntilExit()
        let body = { (text: String) in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n") }
        #expect(check.stdoutText.hasPrefix("--- \(Paths.registry2024XML)\n+++ \(Paths.registry2024XML) (canonical)\n@@ "))
        #expect(body(check.stdoutText) == body(String(decoding: gnu, as: UTF8.self)))
    }

    @Test func iANAsCSVIsCanonicalAsPublished() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let check = try Binary.run(["fmt", "--check", Paths.registry2024CSV, "Samples/registry.csv"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.isEmpty)
        #expect(check.stderr == "2 already canonical (2 files)\n")
    }

    @Test func unreadableInputIsLeftUntouchedAndTheOthersAreStillDone() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let broken = "<registry xmlns=\"http://www.iana.org/assignments\">\n<title>x</oops>\n"
        let bad = try write(broken, "bad.xml", in: directory)
        let good = directory.appendingPathComponent("good.xml")
        try FileManager.default.copyItem(at: Paths.file("Samples/registry.xml"), to: good)

        let result = try Binary.run(["fmt", "bad.xml", "good.xml", "missing.csv"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.contains("bad.xml:2:16: error: Opening and ending tag mismatch: title line 2 and oops\n"))
        #expect(result.stderr.contains("missing.csv: error: cannot read: open: No such file or directory\n"))
        #expect(result.stderr.hasSuffix("1 rewritten, 2 unreadable or not written (3 files)\n"))
        #expect(try String(contentsOf: bad, encoding: .utf8) == broken)
        #expect([UInt8](try Data(contentsOf: good)) == (try Binary.run(["xml", "xml", "Samples/registry.xml"]).stdout))
        #expect(try Scratch.names(in: directory) == ["bad.xml", "good.xml"])
    }

    @Test func standardInputToStandardOutput() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let csv = Array("\(header)\r\n\"echo\",7,tcp,Echo,,,,,,,,\r\n".utf8)
        let formatted = try Binary.run(["fmt", "-"], stdin: csv)
        #expect(formatted.status == 0)
        #expect(formatted.stdoutText == "\(header)\r\necho,7,tcp,Echo,,,,,,,,\r\n")
        #expect(formatted.stderr.isEmpty)
        let noArguments = try Binary.run(["fmt"], stdin: try Paths.bytes("Samples/registry.xml"))
        #expect(noArguments.stdout == (try Binary.run(["xml", "xml", "Samples/registry.xml"]).stdout))
        let check = try Binary.run(["fmt", "--check", "-"], stdin: csv)
        #expect(check.status == 1)
        #expect(check.stdoutText.hasPrefix("--- <stdin>\n+++ <stdin> (canonical)\n@@ -1,2 +1,2 @@\n"))
    }

    @Test func aFileThatWouldLoseContentIsNotRewritten() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // CSV folds edge blanks away: " Echo  " would read back as "Echo".
        let original = "\(header)\r\necho,7,tcp,\" Echo  \",,,,,,,,\r\n"
        let file = try write(original, "edges.csv", in: directory)
        let result = try Binary.run(["fmt", "edges.csv"], in: directory)
        #expect(result.status == 1)
        #expect(result.stderr.contains("edges.csv: error: not rewritten: its canonical CSV form would lose content (CSV cannot carry line breaks, paragraphs, inline xrefs or edge white space in 1 text field; folded into plain text as IANA's CSV does; 1 record would read back differently, the first on line 2)"))
        #expect(try String(contentsOf: file, encoding: .utf8) == original)
        let check = try Binary.run(["fmt", "--check", "edges.csv"], in: directory)
        #expect(check.status == 1)
        #expect(check.stderr.contains("edges.csv: warning: its canonical CSV form would lose content"))
        #expect(check.stdoutText.contains("-echo,7,tcp,\" Echo  \",,,,,,,,\r\n+echo,7,tcp,Echo,,,,,,,,\r\n"))
        let filter = try Binary.run(["fmt", "-"], stdin: Array(original.utf8))
        #expect(filter.status == 0, "a filter always gets its output, as from convert")
        #expect(filter.stdoutText == "\(header)\r\necho,7,tcp,Echo,,,,,,,,\r\n")
        #expect(filter.stderr.hasPrefix("<stdin>: warning: the canonical CSV form loses content (CSV cannot carry"))
    }

    @Test func readOnlyLayoutsAreAnError() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let seed = "Tests/Fixtures/seeds/001_d68114fa3e47cc32.txt"
        let before = try Paths.bytes(seed)
        let result = try Binary.run(["fmt", seed])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(seed): error: the scraped-md layout is read-only: ianaconv reads it but cannot write it back; convert it instead, e.g. 'ianaconv scraped-md xml \(seed) -o registry.xml'"))
        #expect(try Paths.bytes(seed) == before)
    }

    @Test func aSymbolicLinkStaysALink() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target.xml")
        try FileManager.default.copyItem(at: Paths.file("Samples/registry.xml"), to: target)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.xml").path, withDestinationPath: "target.xml")
        let result = try Binary.run(["fmt", "link.xml"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent("link.xml").path) == "target.xml")
        #expect([UInt8](try Data(contentsOf: target)) == (try Binary.run(["xml", "xml", "Samples/registry.xml"]).stdout))
    }

    @Test func fromNamesTheLayout() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let wrong = try Binary.run(["fmt", "--check", "--from", "csv", "Samples/registry.xml"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("Samples/registry.xml"))
        let unknown = try Binary.run(["fmt", "--from", "yaml", "Samples/registry.xml"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("The value 'yaml' is invalid for '--from <from>'"))
        // The layouts offered are the readers': a read-only one is named, then refused at the file.
        #expect(unknown.stderr.contains("  - scraped-md\n"), "\(unknown.stderr)")
        let readOnly = try Binary.run(["fmt", "--from", "SCRAPED-MD", "Tests/Fixtures/seeds/001_d68114fa3e47cc32.txt"])
        #expect(readOnly.status == 2)
        #expect(readOnly.stderr.contains("the scraped-md layout is read-only"), "\(readOnly.stderr)")
    }
}
