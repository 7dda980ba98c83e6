import Foundation
import Testing
import TestSupport

/// `validate --against`: a change judged by what it adds, against another file and against a
/// git revision in a scratch repository, as the pre-commit hook runs it.
@Suite struct AgainstTests {
    static let badRecord = "my_service,7000,tcp,My Service Protocol,[Jane_Doe],[Jane_Doe],,,,,,"
    static let csv2024 = Paths.file(Paths.registry2024CSV).path

    /// IANA's 2024-04-30 CSV with one bad registration added after the 7000/tcp row.
    private func withBadRecord() throws -> String {
        let csv = try String(contentsOfFile: Self.csv2024, encoding: .utf8)
        var lines = csv.components(separatedBy: "\r\n")
        let at = try #require(lines.firstIndex { $0.contains(",7000,tcp,") })
        lines.insert(Self.badRecord, at: at + 1)
        return lines.joined(separator: "\r\n")
    }

    private func git(_ arguments: [String], in directory: URL) throws {
        let run = try Command.run(
            "/usr/bin/env", ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments, in: directory)
        try #require(run.status == 0, "git \(arguments.joined(separator: " ")): \(run.output)")
    }

    @Test func ianasRegistryAgainstItselfPassesEvenStrictly() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["validate", "--strict", "--against", Paths.registry2026XML, Paths.registry2026XML])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.isEmpty)
        #expect(result.stderr.contains("0 errors, 0 warnings in 1 file; 294 findings on records the change does not touch"))
    }

    @Test func oneBadRecordAddedFailsAndEveryFindingIsOnIt() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try withBadRecord().write(to: directory.appendingPathComponent("new.csv"), atomically: true, encoding: .utf8)
        let result = try Binary.run(["validate", "--against", Self.csv2024, "new.csv"], in: directory)
        #expect(result.status == 1)
        let lines = result.stdoutText.split(separator: "\n")
        // Its line in the file (quoted fields hold line breaks, so not its row number).
        let text = try withBadRecord()
        let before = try #require(text.range(of: "\r\n" + Self.badRecord)).lowerBound
        let line = text[..<before].count { $0 == "\n" || $0 == "\r\n" } + 2
        #expect(!lines.isEmpty && lines.allSatisfy { $0.hasPrefix("new.csv:\(line):") }, "\(lines)")
        for rule in ["service-name-syntax", "registration-template", "assignment-conflict"] {
            #expect(result.stdoutText.contains("[\(rule)]"), "\(rule) in \(result.stdoutText)")
        }
        // --all lists the rest too, and the run still fails only on the change.
        let all = try Binary.run(["validate", "--all", "--against", Self.csv2024, "new.csv"], in: directory)
        #expect(all.status == 1 && all.stdoutText.split(separator: "\n").count > lines.count)
    }

    @Test func anUndatedNewNameIsNotLegacy() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let result = try Binary.run(["validate", "-"], stdin: Array(IANACSV.file(Self.badRecord).utf8))
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("[service-name-syntax]") && !result.stdoutText.contains("legacy"))
    }

    /// The hook's way: each file against its own version at HEAD. A file absent at HEAD is all
    /// new; a change that only touches good records passes whatever the rest holds.
    @Test func gitRevisionsOfTheSameFile() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let folder = directory.appendingPathComponent("registry")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("ports.csv")
        try FileManager.default.copyItem(atPath: Self.csv2024, toPath: file.path)
        try git(["init", "-q"], in: directory)

        let unborn = try Binary.run(["validate", "--against", "git:HEAD", "registry/ports.csv"], in: directory)
        #expect(unborn.status == 2 && unborn.stderr.contains("not a revision"), "\(unborn.stderr)")

        try git(["add", "."], in: directory)
        try git(["commit", "-q", "-m", "registry"], in: directory)
        let unchanged = try Binary.run(["validate", "--against", "git:HEAD", "registry/ports.csv"], in: directory)
        #expect(unchanged.status == 0, "\(unchanged.stdoutText)")
        // Run from the registry's own folder too: the revision's path is the file's own.
        let inside = try Binary.run(["validate", "--against", "git:HEAD", "ports.csv"], in: folder)
        #expect(inside.status == 0, "\(inside.stderr)")

        try withBadRecord().write(to: file, atomically: true, encoding: .utf8)
        let changed = try Binary.run(["validate", "--against", "git:HEAD", "registry/ports.csv"], in: directory)
        #expect(changed.status == 1 && changed.stdoutText.contains("my_service"))

        let added = folder.appendingPathComponent("new.csv")
        try IANACSV.file(Self.badRecord).write(to: added, atomically: true, encoding: .utf8)
        let absent = try Binary.run(["validate", "--against", "git:HEAD", "registry/new.csv"], in: directory)
        #expect(absent.status == 1 && absent.stdoutText.contains("a new registration"), "\(absent.stdoutText)")
    }
}
