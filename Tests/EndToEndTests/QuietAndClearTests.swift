import Foundation
import Testing
import TestSupport

/// What a new user meets first (#21): bare `ianaconv`, usage errors, `--quiet`, labelled
/// warnings, `fmt --list`, and `.ianaconv.yml`.
@Suite struct QuietAndClearTests {
    @Test func bareIanaconvShowsTheHelp() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let bare = try Binary.run([])
        #expect(bare.status == 0)
        #expect(bare.stdoutText.contains("USAGE: ianaconv <subcommand>") && bare.stdoutText.contains("convert (default)"))
        #expect(bare.stderr.isEmpty)
    }

    /// Standard input a terminal (a pseudo-terminal from script(1), which util-linux has):
    /// ianaconv says it is waiting; from a pipe it says nothing.
    @Test func aTerminalOnStandardInputIsToldWhatIsAwaited() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            print("skipped: the terminal test (no /usr/bin/script)")
            return
        }
        let terminal = Process()
        terminal.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        terminal.arguments = ["-qec", "\(Binary.path) xml csv", "/dev/null"]
        let input = Pipe()
        let output = Pipe()
        terminal.standardInput = input
        terminal.standardOutput = output
        try terminal.run()
        input.fileHandleForWriting.write(Data([0x04]))  // Ctrl-D: the end of the input
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        terminal.waitUntilExit()
        #expect(text.hasPrefix("ianaconv: reading the registry from standard input (Ctrl-D to end)…"), "\(text)")
        let piped = try Binary.run(["xml", "csv"], stdin: [])
        #expect(!piped.stderr.contains("reading the registry"), "\(piped.stderr)")
    }

    @Test func usageErrorsPointToTheSubcommandsHelp() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let wrong = try Binary.run(["validate", "--severity", "record-order=loud", "Samples/registry.xml"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.hasSuffix("Run 'ianaconv help validate' for usage.\n"), "\(wrong.stderr)")
        let layout = try Binary.run(["xml", "yaml", "Samples/registry.xml"])
        #expect(layout.stderr.hasSuffix("Run 'ianaconv help convert' for usage.\n"), "\(layout.stderr)")
    }

    @Test func lossWarningsAreLabelledAndQuietSilencesThem() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let loud = try Binary.run(["xml", "csv", "Samples/registry.xml"])
        #expect(!loud.stderr.isEmpty)
        #expect(loud.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("Samples/registry.xml → csv: warning: ") }, "\(loud.stderr)")
        let quiet = try Binary.run(["xml", "csv", "--quiet", "Samples/registry.xml"])
        #expect(quiet.status == 0)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(quiet.stdout == loud.stdout)
        let strict = try Binary.run(["xml", "csv", "-q", "--fail-on-loss", "Samples/registry.xml"])
        #expect(strict.status == 1 && strict.stderr.contains(": error: CSV cannot carry"), "errors stay")
    }

    @Test func quietValidateListsErrorsOnly() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let clean = try Binary.run(["validate", "--quiet", "Samples/registry.csv"])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty && clean.stderr.isEmpty, "\(clean.stdoutText)\(clean.stderr)")
        let failing = try Binary.run(["validate", "-q", "Samples/invalid/port-range-bounds.csv"])
        #expect(failing.status == 1)
        #expect(failing.stdoutText.split(separator: "\n").allSatisfy { $0.contains(": error: ") })
        #expect(failing.stderr.hasPrefix("1 error"), "the summary when something failed")
        let warnings = try Binary.run(["validate", "--min-severity", "warning", "Samples/registry.csv"])
        #expect(!warnings.stdoutText.contains(": info: ") && warnings.stdoutText.contains(": warning: "))
    }

    @Test func fmtListNamesTheFilesNotCanonical() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let listed = try Binary.run([
            "fmt", "--check", "--list", "Samples/registry.csv", "Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.txt",
        ])
        #expect(listed.status == 1)
        #expect(listed.stdoutText == "Tests/Fixtures/iana/2026-08-17/service-names-port-numbers.txt\n", "names only, no diff")
    }

    @Test func aConfigurationInAParentFolderIsUsedAndFlagsOverrideIt() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("registry/2026")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(try Paths.bytes("Samples/invalid/coverage-gap.csv")).write(to: folder.appendingPathComponent("ports.csv"))
        let file = "registry/2026/ports.csv"
        #expect(try Binary.run(["validate", file], in: directory).stdoutText.contains("[coverage-gap]"))

        try Data("disable: [coverage-gap]\n".utf8).write(to: directory.appendingPathComponent(".ianaconv.yml"))
        let configured = try Binary.run(["validate", file], in: directory)
        #expect(configured.status == 0)
        #expect(!configured.stdoutText.contains("[coverage-gap]"), "\(configured.stdoutText)")
        let overridden = try Binary.run(["validate", "--severity", "coverage-gap=warning", file], in: directory)
        #expect(overridden.stdoutText.contains("warning: tcp port 80 is described by no entry"), "a level given on the command line turns it back on")

        try Data("disable: [coverage-gap]\nsevertiy: {}\n".utf8).write(to: directory.appendingPathComponent(".ianaconv.yml"))
        let broken = try Binary.run(["validate", file], in: directory)
        #expect(broken.status == 2)
        #expect(broken.stderr.contains(".ianaconv.yml:2: error: unknown key 'severtiy'"), "\(broken.stderr)")
    }

    @Test func severityOffTurnsARuleOff() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let off = try Binary.run(["validate", "--severity", "coverage-gap=off", "Samples/invalid/coverage-gap.csv"])
        #expect(off.status == 0)
        #expect(!off.stdoutText.contains("[coverage-gap]"))
    }

    /// The SARIF of a run with findings, a duplicate and an unreadable file against the SARIF
    /// 2.1.0 JSON schema, by python3's jsonschema (Tests/SARIF/check-sarif.py, as `make
    /// sarif-check`); skipped where python3, jsonschema or the schema file is missing.
    @Test func sarifMatchesTheSchema() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("check.sarif")
        let result = try Binary.run([
            "validate", "--format", "sarif", "Samples/registry.xml", "Samples/invalid/duplicate-record.xml",
            "Samples/invalid/port-state-conflict.csv", "no-such-file.xml",
        ])
        #expect(result.status == 2)
        try Data(result.stdout).write(to: log)
        let (status, text) = try Command.run("/usr/bin/env", [
            "python3", Paths.file("Tests/SARIF/check-sarif.py").path, Paths.file("Schemas/sarif-schema-2.1.0.json").path, log.path,
        ])
        if status == 3 || status == 127 {
            print("skipped: the SARIF schema check (\(text.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        #expect(status == 0, "\(text)")
    }
}
