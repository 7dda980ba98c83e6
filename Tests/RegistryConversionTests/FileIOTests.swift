import Foundation
import RegistryConversion
import Testing

/// The POSIX calls the engine reads and writes files with.
@Suite struct FileIOTests {
    @Test func anAtomicWriteReplacesTheFileKeepingItsModeAndLeavesNothingElse() throws {
        let files = try ScratchFiles()
        let path = try files.write("old", to: "out.csv")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: path)
        try FileIO.writeAtomically([Array("new ".utf8), Array("content".utf8)], to: path)
        #expect(try FileIO.readFile(path) == Array("new content".utf8))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: files.directory.path) == ["out.csv"])
    }

    @Test func aFailedWriteLeavesNoTemporaryFile() throws {
        let files = try ScratchFiles()
        let directory = files.directory.appendingPathComponent("sub").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        // A directory cannot be renamed over by a file.
        #expect(throws: FileIO.Error.self) { try FileIO.writeAtomically([[0x41]], to: directory) }
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
        #expect(try FileIO.sameFile(link, target))
        #expect(try !FileIO.sameFile(target, files.directory.path))
        #expect(try !FileIO.sameFile("-", target), "standard input is no file")
    }
}
