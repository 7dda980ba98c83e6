import Foundation
import Testing
import TestSupport

/// Every ```console block of README.md is run, so the documentation cannot drift from the tool.
///
/// A line starting `$ ` is a command, run with `/bin/sh -c` in a scratch folder holding a copy
/// of `Samples/` and links to `Tests/` and `docs/`, with the release binary first on PATH as
/// `ianaconv`; the commands of one block run in order in the same folder (a file one writes,
/// the next can read), each block in a fresh one. The lines up to the next command or the end
/// of the block must equal what the command printed, stdout and stderr together in the order
/// written, as a terminal shows them (a pipe in the command takes stderr only with `2>&1`, as in
/// a terminal, where the order would otherwise depend on timing; carriage returns at line ends dropped: CSV's CRLF). A
/// line `...` stands for any number of lines left out for length.
@Suite struct ReadmeExamplesTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var command: String
        var expected: [String]
        var block: Int
        var line: Int
        var testDescription: String { "README.md:\(line): $ \(command)" }
    }

    /// The examples, by block.
    static func examples() throws -> [[Example]] {
        let lines = String(decoding: try Paths.bytes("README.md"), as: UTF8.self).components(separatedBy: "\n")
        var blocks: [[Example]] = []
        var inside = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !inside {
                if trimmed == "```console" {
                    inside = true
                    blocks.append([])
                }
                continue
            }
            if trimmed == "```" {
                inside = false
            } else if trimmed.hasPrefix("$ ") {
                blocks[blocks.count - 1].append(Example(command: String(trimmed.dropFirst(2)), expected: [], block: blocks.count, line: index + 1))
            } else if !blocks[blocks.count - 1].isEmpty {
                // Console blocks may be indented inside a list item: strip the fence's indentation.
                let indent = line.prefix { $0 == " " }.count
                let fenceIndent = lines[lines[..<index].lastIndex { $0.trimmingCharacters(in: .whitespaces) == "```console" }!].prefix { $0 == " " }.count
                blocks[blocks.count - 1][blocks[blocks.count - 1].count - 1].expected.append(String(line.dropFirst(min(indent, fenceIndent))))
            }
        }
        return blocks
    }

    @Test func theReadmeHasExamplesOfEveryCommand() throws {
        let commands = try Self.examples().flatMap { $0 }.map(\.command)
        #expect(commands.count >= 15)
        for subcommand in ["ianaconv xml csv", "ianaconv validate", "ianaconv rules", "ianaconv fmt --check", "ianaconv fmt ", "ianaconv --help"] {
            #expect(commands.contains { $0.contains(subcommand) }, "no README example runs '\(subcommand)'")
        }
    }

    @Test(arguments: try! examples().indices)
    func consoleBlockGivesTheOutputShown(_ block: Int) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ianaconv-readme-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(at: Paths.file("Samples"), to: directory.appendingPathComponent("Samples"))
        for linked in ["Tests", "docs"] {
            try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent(linked), withDestinationURL: Paths.file(linked))
        }
        let binDirectory = URL(fileURLWithPath: Binary.path).deletingLastPathComponent().path
        for example in try Self.examples()[block] {
            let output = try run(example.command, in: directory, path: binDirectory)
            #expect(matches(output, example.expected), """
                README.md:\(example.line): $ \(example.command)
                --- shown
                \(example.expected.joined(separator: "\n"))
                --- printed
                \(output.joined(separator: "\n"))
                """)
        }
    }

    /// Runs one command line; stdout and stderr share one pipe, as on a terminal.
    private func run(_ command: String, in directory: URL, path: String) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["COLUMNS"] = "80"
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // Split on bytes: as Characters, CRLF is one and would not split on "\n".
        var lines = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self) }
    }

    /// The shown lines against the printed ones, `...` matching any run of lines.
    private func matches(_ printed: [String], _ shown: [String]) -> Bool {
        guard let first = shown.first else { return printed.isEmpty }
        if first == "..." {
            return (0...printed.count).contains { matches(Array(printed[$0...]), Array(shown.dropFirst())) }
        }
        guard let line = printed.first, line == first else { return false }
        return matches(Array(printed.dropFirst()), Array(shown.dropFirst()))
    }

    @Test func theEllipsisMatcherIsStrict() {
        #expect(matches(["a", "b", "c"], ["a", "...", "c"]))
        #expect(matches(["a", "c"], ["a", "...", "c"]))
        #expect(!matches(["a", "b", "c"], ["a", "c"]))
        #expect(!matches(["a", "b"], ["a", "...", "c"]))
        #expect(!matches(["a"], []))
    }
}
