import Foundation
import Testing
import TestSupport

/// The command line as a user meets it: arguments, streams, files, exit codes, messages.
@Suite struct CommandLineTests {
    let sampleXML = "Samples/registry.xml"
    let sampleCSV = "Samples/registry.csv"

    @Test func theSampleCSVIsWhatTheSampleXMLConvertsTo() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["xml", "csv", sampleXML])
        #expect(result.status == 0)
        #expect(result.stdout == (try Paths.bytes(sampleCSV)))
        #expect(try Binary.run(["convert", "xml", "csv", sampleXML]).stdout == result.stdout, "convert is the default subcommand")
    }

    /// A large XML file is read in parts on separate cores; where a cut cannot stand (it falls
    /// in a comment) or a part is malformed, the file is read whole, with the same results.
    @Test func aLargeFileConvertsTheSameWhetherOrNotItCanBeCut() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let cut = try Binary.run(["xml", "csv"], stdin: Array(SyntheticRegistry.xml().utf8))
        #expect(cut.status == 0, "\(cut.stderr)")
        #expect(cut.stdoutText.split(separator: "\r\n").count == 8001)
        func line(of text: String, in document: String) -> Int {
            document.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(text) }! + 1
        }
        let commented = SyntheticRegistry.xml(middle: SyntheticRegistry.commentedRecords)
        let whole = try Binary.run(["xml", "csv"], stdin: Array(commented.utf8))
        #expect(whole.status == 0, "\(whole.stderr)")
        #expect(whole.stdout == cut.stdout)
        #expect(whole.stderr.contains("<stdin>:\(line(of: "<!--", in: commented)): warning: XML comment ignored"), "the comment is longer than libxml2's window: its line only")

        let broken = SyntheticRegistry.xml().replacingOccurrences(of: "<name>svc6000</name>", with: "<name>svc6000</nam>")
        let failed = try Binary.run(["xml", "csv"], stdin: Array(broken.utf8))
        #expect(failed.status == 2)
        #expect(failed.stderr.hasPrefix("<stdin>:\(line(of: "svc6000</nam>", in: broken)):"), "\(failed.stderr)")
        #expect(failed.stdout.isEmpty)
    }

    @Test func readsStandardInputAndDetectsTheLayout() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let xml = try Paths.bytes(sampleXML)
        let fromStdin = try Binary.run(["auto", "csv", "-"], stdin: xml)
        #expect(fromStdin.status == 0)
        #expect(fromStdin.stdout == (try Paths.bytes(sampleCSV)))
        let csvDetected = try Binary.run(["auto", "xml", sampleCSV])
        #expect(csvDetected.status == 0)
        #expect(csvDetected.stdoutText.contains("<registry xmlns=\"http://www.iana.org/assignments\">"))
        let layoutNamesAreCaseInsensitive = try Binary.run(["XML", "CSV", sampleXML])
        #expect(layoutNamesAreCaseInsensitive.status == 0)
    }

    @Test func severalInputsReadAsOneRegistry() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let lines = String(decoding: try Paths.bytes(sampleCSV), as: UTF8.self).components(separatedBy: "\r\n")
        let header = lines[0]
        let first = ([header] + lines[1...10]).joined(separator: "\r\n") + "\r\n"
        let second = ([header] + lines[11...].filter { !$0.isEmpty }).joined(separator: "\r\n") + "\r\n"
        try first.write(to: directory.appendingPathComponent("1.csv"), atomically: true, encoding: .utf8)
        try second.write(to: directory.appendingPathComponent("2.csv"), atomically: true, encoding: .utf8)
        let joined = try Binary.run(["csv", "csv", "1.csv", "2.csv"], in: directory)
        #expect(joined.status == 0, "\(joined.stderr)")
        #expect(joined.stdout == (try Paths.bytes(sampleCSV)))
    }

    @Test func writesTheOutputFileAtomically() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.csv")
        try "old content".write(to: output, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: output.path)

        let failed = try Binary.run(["xml", "csv", "-o", output.path], stdin: Array("<registry><record>".utf8))
        #expect(failed.status == 2)
        #expect(try String(contentsOf: output, encoding: .utf8) == "old content", "a failed run leaves the old file")
        #expect(try Scratch.names(in: directory) == ["out.csv"], "and no temporary file")

        let converted = try Binary.run(["xml", "csv", sampleXML, "-o", output.path])
        #expect(converted.status == 0)
        #expect(try Data(contentsOf: output) == Data(try Paths.bytes(sampleCSV)))
        #expect(converted.stdout.isEmpty)
        #expect(converted.stderr.contains("\(output.path): warning: CSV cannot carry"))
        let mode = try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? Int
        #expect(mode == 0o640, "the replaced file keeps its mode")
        #expect(try Scratch.names(in: directory) == ["out.csv"])
    }

    @Test func neverOverwritesAnInput() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("registry.xml")
        try FileManager.default.copyItem(at: Paths.file(sampleXML), to: input)
        let result = try Binary.run(["xml", "xml", input.path, "-o", input.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("would replace an input"))
        #expect(try Data(contentsOf: input) == Data(try Paths.bytes(sampleXML)))
    }

    @Test func failOnLossIsExitOneWithNoOutput() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.csv")
        let result = try Binary.run(["xml", "csv", sampleXML, "--fail-on-loss", "-o", output.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: CSV cannot carry the people table (18 people)"))
        #expect(!FileManager.default.fileExists(atPath: output.path))
        let lossless = try Binary.run(["csv", "xml", sampleCSV, "--fail-on-loss"])
        #expect(lossless.status == 0, "CSV → XML loses nothing: \(lossless.stderr)")
    }

    @Test(arguments: [
        (["nope", "csv"], "The value 'nope' is invalid for '<from>'"),
        (["xml", "yaml"], "The value 'yaml' is invalid for '<to>'. Please provide one of the following:\n  - xml\n  - csv\n  - html\n  - txt\n  - json\n  - jsonl\n  - services\n"),
        (["xml"], "Missing expected argument"),
        (["xml", "csv", "--bogus"], "Unknown option"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(arguments, stdin: [])
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    /// Completions offer the layouts: the input's (with auto) for FROM and --from, the
    /// writers' for TO.
    @Test func completionsOfferTheLayouts() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let zsh = try Binary.run(["--generate-completion-script", "zsh"]).stdoutText
        #expect(zsh.contains("local -ar _from=('auto' 'xml' 'csv' 'html' 'txt' 'scraped-md' 'scraped-txt' 'json' 'jsonl' 'services')"), "\(zsh)")
        #expect(zsh.contains("local -ar _to=('xml' 'csv' 'html' 'txt' 'json' 'jsonl' 'services')"))
        #expect(zsh.contains("local -ar ___from=('auto' 'xml' 'csv' 'html' 'txt' 'scraped-md' 'scraped-txt' 'json' 'jsonl' 'services')"), "validate and fmt --from")
    }

    @Test func unreadableInputNamesTheFileAndPlace() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let missing = try Binary.run(["xml", "csv", "no/such/file.xml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.hasPrefix("no/such/file.xml: error: cannot read: "))
        let malformed = try Binary.run(["xml", "csv"], stdin: Array("<registry xmlns=\"http://www.iana.org/assignments\">\n<title>x</oops>".utf8))
        #expect(malformed.status == 2)
        #expect(malformed.stderr.hasPrefix("<stdin>:2:"))
        #expect(malformed.stderr.contains(": error: "))
        let garbage = try Binary.run(["auto", "csv"], stdin: [0x00, 0xFF, 0x13, 0x37])
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("cannot tell the layout"))
        let wrongLayout = try Binary.run(["csv", "xml", sampleXML])
        #expect(wrongLayout.status == 2)
        #expect(wrongLayout.stderr.contains("header row"))
    }

    @Test func helpAndVersionExitZero() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let help = try Binary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("convert (default)"))
        let version = try Binary.run(["--version"])
        #expect(version.status == 0)
        let lines = version.stdoutText.split(separator: "\n")
        #expect(lines.first == "ianaconv 0.1.0")
        #expect(lines.contains { $0.hasPrefix("libxml2 2.") } && lines.contains { $0.hasPrefix("Swift 6.") }, "what it was built with")
    }
}
