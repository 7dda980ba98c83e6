import Foundation
import RegistryConversion
import Testing

/// The POSIX calls the engine reads and writes files with.
@Suite struct FileIOTests {
    @Test func anAtomicWriteReplacesTheFileKeepingItsModeAndLeavesNothingElse() throws {
        let files = try ScratchFiles()
        let path = try files.write("old", to: "out.csv")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try FileIO.write([Array("new ".utf8), Array("content".utf8)], to: path)
        #expect(try FileIO.readFile(path) == Array("new content".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory.path) == ["out.csv"])
    }

    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let files = try ScratchFiles()
        let directory = files.directory.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        // A directory is no regular file, and cannot be written in place either.
        #expect(throws: FileIO.Error.self) { try FileIO.write([[0x41]], to: directory) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory.path) == ["sub"])
    }

    @Test func readingSaysWhyItCannot() throws {
        let files = try ScratchFiles()
        do {
            _ = try FileIO.readFile(files.directory.path)
            Issue.record("a directory reads")
        } catch {
            #expect(error.reason == "it is a directory")
        }
        #expect(FileIO.size(of: files.directory.path) == nil)
        #expect(FileIO.size(of: "-") == nil)
    }

    @Test func aLargeFileReadsWhole() throws {
        let files = try ScratchFiles()
        let text = String(repeating: "0123456789abcdef", count: 1 << 16)  // 1 MiB: several reads
        let path = try files.write(text, to: "large")
        #expect(try FileIO.readFile(path) == Array(text.utf8))
        #expect(FileIO.size(of: path) == 1 << 20)
    }

    @Test func linksAreFollowedAndTheSameFileIsKnown() throws {
        let files = try ScratchFiles()
        let target = try files.write("x", to: "target")
        let link = files.directory.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target")
        #expect(FileIO.resolvingLinks(link) == FileIO.resolvingLinks(target))
        #expect(FileIO.sameFile(link, target))
        #expect(!FileIO.sameFile(target, files.directory.path))
        #expect(!FileIO.sameFile("-", target), "standard input is no file")
    }

    @Test func anInputBeyondTheLimitIsRefusedWithTheLimitNamed() throws {
        let files = try ScratchFiles()
        let path = try files.write(String(repeating: "x", count: 1000), to: "big.csv")
        #expect(try FileIO.readFile(path, limit: 1000).count == 1000)
        do {
            _ = try FileIO.readFile(path, limit: 999)
            Issue.record("a file beyond the limit reads")
        } catch {
            #expect(error.reason.contains("larger than 999 bytes"))
        }
        // A device has no size to check first: the read itself stops.
        #expect(throws: FileIO.Error.self) { try FileIO.readFile("/dev/zero", limit: 1 << 20) }
    }

    @Test func aFileChangedSinceItWasReadIsNotReplaced() throws {
        let files = try ScratchFiles()
        let path = try files.write("old", to: "r.csv")
        let snapshot = try #require(FileIO.snapshot(of: path))
        _ = try files.write("edited meanwhile", to: "r.csv")
        #expect(throws: FileIO.Error.self) { try FileIO.write([Array("new".utf8)], to: path, unchangedSince: snapshot) }
        #expect(try FileIO.readFile(path) == Array("edited meanwhile".utf8))
        let now = try #require(FileIO.snapshot(of: path))
        try FileIO.write([Array("new".utf8)], to: path, unchangedSince: now)
        #expect(try FileIO.readFile(path) == Array("new".utf8))
    }

    @Test func aFileWithOtherHardLinksIsRewrittenInPlaceAndSaysWhy() throws {
        let files = try ScratchFiles()
        let path = try files.write("old", to: "h1.csv")
        let other = files.directory.appendingPathComponent("h2.csv").path
        try FileManager.default.linkItem(atPath: path, toPath: other)
        let reason = try FileIO.write([Array("new".utf8)], to: path)
        #expect(reason?.contains("hard links") == true)
        #expect(try FileIO.readFile(other) == Array("new".utf8), "the links still share the file")
    }

    @Test func aNameNearTheLimitIsWrittenThroughAShortTemporaryName() throws {
        let files = try ScratchFiles()
        let path = files.directory.appendingPathComponent(String(repeating: "n", count: 251) + ".csv").path
        try FileIO.write([Array("new".utf8)], to: path)
        #expect(try FileIO.readFile(path) == Array("new".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory.path).count == 1)
    }
}
