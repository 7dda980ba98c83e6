import Foundation
import Testing
import TestSupport

/// Issue #22 through the binary: writing where the user points (devices, FIFOs, links, owners,
/// hard links, extended attributes, signals, long names), inputs of bounded size, long command
/// lines in linear time, and messages that cannot fool the reader. Devices are made in a
/// private mount namespace, so the host's /dev is never at stake.
@Suite(.serialized, .timeLimit(.minutes(5))) struct ReliabilityTests {
    static let sample = Paths.file("Samples/registry.xml").path

    /// A sample XML that `fmt` rewrites: the canonical form with its indentation removed.
    static func nonCanonicalXML() throws -> String {
        try String(contentsOfFile: sample, encoding: .utf8).replacingOccurrences(of: "\n  <record>", with: "\n<record>")
    }

    /// Runs a shell script with the binary as $B; stdout and stderr together.
    @discardableResult
    static func shell(_ script: String, in directory: URL) throws -> (status: Int32, output: String) {
        try Command.run(
            "/bin/sh", ["-c", script], environment: ["B": Binary.path, "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], in: directory)
    }

    // MARK: - Writing where the user points

    @Test func devicesAreWrittenInPlaceEvenAsRoot() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard getuid() == 0, try Self.shell("unshare -m true", in: directory).status == 0 else {
            print("skipped: a private mount namespace needs root and unshare")
            return
        }
        // A throw-away /dev: a tmpfs mounted where only this namespace sees it.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("dev"), withIntermediateDirectories: true)
        let again = try Self.shell("""
            unshare -m sh -c 'mount -t tmpfs none dev && mknod dev/null c 1 3 &&
              "$B" xml csv \(Self.sample) -o dev/null 2>/dev/null; echo "exit $?";
              "$B" validate \(Self.sample) --write-baseline dev/null 2>/dev/null; echo "exit $?";
              stat -c %F dev/null'
            """, in: directory)
        #expect(again.output == "exit 0\nexit 0\ncharacter special file\n", "\(again.output)")
    }

    @Test func aFIFOAndStandardOutputAreWrittenInPlace() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = try Self.shell("""
            mkfifo pipe && (timeout 10 cat pipe > got 2>/dev/null &) && "$B" xml csv \(Self.sample) -o pipe 2>/dev/null; echo "exit $?"; sleep 0.2
            stat -c %F pipe; head -c 12 got; echo
            """, in: directory)
        #expect(fifo.output == "exit 0\nfifo\nService Name\n", "\(fifo.output)")
        for path in ["/dev/stdout", "/proc/self/fd/1"] {
            let run = try Binary.run(["xml", "csv", Self.sample, "-o", path])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdoutText.hasPrefix("Service Name,"), "\(path) is the pipe the test reads")
        }
    }

    @Test func aSymbolicLinkIsFollowedAndStays() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Self.shell("""
            echo old > target.csv && ln -s target.csv link.csv && "$B" xml csv \(Self.sample) -o link.csv 2>/dev/null
            echo "exit $?"; readlink link.csv; head -c 12 target.csv; echo
            ln -s new.csv dangling.csv && "$B" xml csv \(Self.sample) -o dangling.csv 2>/dev/null
            echo "exit $?"; readlink dangling.csv; head -c 12 new.csv; echo
            """, in: directory)
        #expect(run.output == "exit 0\ntarget.csv\nService Name\nexit 0\nnew.csv\nService Name\n", "\(run.output)")
    }

    @Test func fmtKeepsOwnerModeHardLinksAndExtendedAttributes() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.nonCanonicalXML().write(to: directory.appendingPathComponent("r.xml"), atomically: false, encoding: .utf8)
        try Self.nonCanonicalXML().write(to: directory.appendingPathComponent("h1.xml"), atomically: false, encoding: .utf8)
        let owner = getuid() == 0 ? "chown nobody:nogroup r.xml && " : ""
        let run = try Self.shell("""
            \(owner)chmod 640 r.xml && ln h1.xml h2.xml
            python3 -c 'import os; os.setxattr("r.xml", "user.origin", b"kept")' 2>/dev/null && attrs=yes
            "$B" fmt r.xml h1.xml 2>/dev/null; echo "exit $?"
            stat -c '%U %a' r.xml; stat -c %h h1.xml; cmp -s h1.xml h2.xml && echo "links shared"
            [ -z "$attrs" ] || python3 -c 'import os; print(os.getxattr("r.xml", "user.origin").decode())'
            "$B" fmt --check r.xml h1.xml > /dev/null 2>&1; echo "check $?"; ls -a | grep -c ianaconv
            """, in: directory)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "exit 0", "\(run.output)")
        #expect(lines.contains("\(getuid() == 0 ? "nobody" : NSUserName()) 640"), "\(run.output)")
        #expect(lines.contains("2") && lines.contains("links shared"), "\(run.output)")
        if lines.contains("kept") == false { print("extended attributes not checked: no python3 or no user xattrs here") }
        #expect(lines.suffix(2) == ["check 0", "0"], "rewritten canonical, nothing left behind: \(run.output)")
    }

    @Test func aUserCannotReplaceAFileTheyCannotWrite() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        guard getuid() == 0 else {
            print("skipped: needs root to run as another user")
            return
        }
        try Self.nonCanonicalXML().write(to: directory.appendingPathComponent("r.xml"), atomically: false, encoding: .utf8)
        // A folder everyone may write, a file only root may.
        let run = try Self.shell("""
            chmod 777 . && chmod 644 r.xml && cp r.xml before.xml
            setpriv --reuid=nobody --regid=nogroup --clear-groups "$B" fmt r.xml 2>&1; echo "exit $?"
            setpriv --reuid=nobody --regid=nogroup --clear-groups "$B" xml xml \(Self.sample) -o r.xml 2>&1; echo "exit $?"
            cmp -s r.xml before.xml && echo unchanged; stat -c %U r.xml
            """, in: directory)
        #expect(run.output.contains("not writable"), "\(run.output)")
        let codes = run.output.split(separator: "\n").filter { $0.hasPrefix("exit") }
        #expect(codes == ["exit 2", "exit 2"], "\(run.output)")
        #expect(run.output.hasSuffix("unchanged\nroot\n"), "\(run.output)")
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP, SIGQUIT])
    func aSignalDuringAWriteLeavesNoTemporaryFileAndTheOldFileUntouched(_ signal: Int32) throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("out.txt")
        try Data("old".utf8).write(to: output)
        let registry = Paths.file(Paths.registry2026XML).path
        // Ten copies read as one registry: a text page of some 30 MB, long enough to catch.
        let arguments = ["xml", "txt"] + Array(repeating: registry, count: 10) + ["-o", output.path]
        func hasTemporaryFile() throws -> Bool { try Scratch.names(in: directory).contains { $0.hasPrefix(".ianaconv-") } }
        for _ in 0..<5 {
            var child = try Self.spawn(arguments)
            var caught = false
            while child.isRunning() {
                if try hasTemporaryFile() {
                    // Stopped while its temporary file exists, then signalled and let go.
                    kill(child.pid, SIGSTOP)
                    caught = try hasTemporaryFile()
                    kill(child.pid, signal)
                    kill(child.pid, SIGCONT)
                    break
                }
                usleep(200)
            }
            let status = child.wait()
            guard caught else {
                try Data("old".utf8).write(to: output)
                continue
            }
            #expect(status & 0x7F == signal, "dies of the signal (wait status \(status))")
            #expect(try Scratch.names(in: directory) == ["out.txt"], "no temporary file is left")
            #expect(try Data(contentsOf: output) == Data("old".utf8), "the old file is untouched")
            return
        }
        Issue.record("the write was never caught while its temporary file existed")
    }

    /// A child started with no signal blocked and the four at their default: a child of the
    /// test runner (Foundation's Process) inherits a mask that blocks most signals.
    struct Child {
        let pid: pid_t
        private var status: Int32 = 0

        init(pid: pid_t) { self.pid = pid }

        mutating func isRunning() -> Bool { waitpid(pid, &status, WNOHANG) == 0 }

        /// The wait status (the signal in its low 7 bits when one ended it).
        mutating func wait() -> Int32 {
            waitpid(pid, &status, 0)
            return status
        }
    }

    static func spawn(_ arguments: [String]) throws -> Child {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([Binary.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let result = posix_spawn(&pid, Binary.path, &actions, &attributes, argv, environ)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EINVAL) }
        return Child(pid: pid)
    }

    @Test func aNameNearTheLimitCanBeWritten() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = String(repeating: "n", count: 251) + ".csv"
        let run = try Binary.run(["xml", "csv", Self.sample, "-o", directory.appendingPathComponent(name).path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Scratch.names(in: directory) == [name])
    }

    // MARK: - Bounded input, linear argument parsing

    @Test func anEndlessInputStopsAtTheSizeLimit() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let zero = try Binary.run(["xml", "csv", "/dev/zero", "--max-input-size", "4M"])
        #expect(zero.status == 2 && !zero.signalled, "\(zero.stderr)")
        #expect(zero.stderr.contains("larger than 4194304 bytes") && zero.stderr.contains("--max-input-size"), "\(zero.stderr)")
        let piped = try Binary.run(["xml", "csv", "--max-input-size", "1K"], stdin: try Paths.bytes("Samples/registry.xml"))
        #expect(piped.status == 2 && piped.stderr.contains("<stdin>"), "\(piped.stderr)")
        let small = try Binary.run(["validate", Self.sample, "--max-input-size", "1K"])
        #expect(small.status == 2, "a file beyond the limit is refused")
        let raised = try Binary.run(["validate", Self.sample, "--max-input-size", "1M"])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func argumentParsingIsLinearInTheNumberOfFiles() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: Self.sample, toPath: directory.appendingPathComponent("r.xml").path)
        func seconds(_ count: Int) throws -> Double {
            let start = Date()
            let run = try Binary.run(["validate"] + Array(repeating: "r.xml", count: count), in: directory)
            #expect(run.status == 0, "\(run.stderr.prefix(300))")
            return Date().timeIntervalSince(start)
        }
        _ = try seconds(1000)  // warm the caches
        let small = try seconds(8000)
        let large = try seconds(32000)
        // Four times the files: about four times the time when linear, sixteen when quadratic.
        #expect(large / small < 8, "8,000 files: \(small) s, 32,000: \(large) s")
    }

    @Test func manyFilesKeepTheirOrder() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var names: [String] = []
        for index in 1...400 {
            let name = "f\(index).csv"
            try "\(IANACSV.header)svc\(index),\(index),tcp,d,,,,,,,,\r\n".write(
                to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
            names.append(name)
        }
        let run = try Binary.run(["csv", "xml", names[0], "-o", "out.xml"] + names[1..<200] + ["--"] + names[200...], in: directory)
        #expect(run.status == 0, "\(run.stderr.prefix(300))")
        let text = try String(contentsOf: directory.appendingPathComponent("out.xml"), encoding: .utf8)
        let order = text.components(separatedBy: "<name>svc").dropFirst().map { $0.prefix { $0.isNumber } }
        #expect(order == (1...400).map { Substring(String($0)) })
    }

    // MARK: - Messages that cannot fool the reader

    @Test func messagesEscapeControlAndInvisibleCharacters() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let name = "evil\u{1B}]0;title\u{07}.csv"
        // Invisible characters in the data; control characters in the file's name (the readers
        // refuse them in the data: below).
        try "\(IANACSV.header)ab\u{202E}c,40001,tcp,x\u{200B},,,,,,,,\r\n".write(
            to: directory.appendingPathComponent(name), atomically: false, encoding: .utf8)
        let run = try Binary.run(["validate", name], in: directory)
        let everything = run.stdout + Array(run.stderr.utf8)
        #expect(!everything.contains(0x1B) && !everything.contains(0x07), "no raw control character reaches the terminal")
        #expect(!run.stdoutText.contains("\u{202E}"), "no raw bidirectional override")
        #expect(run.stdoutText.contains("evil\\x1B]0;title\\x07.csv:2:1:"), "\(run.stdoutText)")
        #expect(run.stdoutText.contains("\\u{202E}"), "\(run.stdoutText)")
        try "\(IANACSV.header)ab\u{1B}[2Jc,40001,tcp,x,,,,,,,,\r\n".write(
            to: directory.appendingPathComponent("control.csv"), atomically: false, encoding: .utf8)
        let refused = try Binary.run(["validate", "control.csv"], in: directory)
        #expect(refused.status == 2 && !refused.stderr.utf8.contains(0x1B), "refused, and said without the raw character: \(refused.stderr)")
        let missing = try Binary.run(["validate", "gone\u{1B}[2J.xml"], in: directory)
        #expect(missing.stderr.contains("gone\\x1B[2J.xml"), "\(missing.stderr)")
        let before = "\(IANACSV.header)ab,40001,tcp,x,,,,,,,,\r\n"
        try before.write(to: directory.appendingPathComponent("before.csv"), atomically: false, encoding: .utf8)
        let diff = try Binary.run(["diff", "before.csv", name], in: directory)
        #expect(diff.status == 1 && !diff.stdout.contains(0x1B), "the changelog escapes too: \(diff.stdoutText)")
    }

    @Test func otherEncodingsAreNamed() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        let cases: [(String.Encoding, String)] = [
            (.utf16LittleEndian, "UTF-16LE"), (.utf16BigEndian, "UTF-16BE"),
            (.utf32LittleEndian, "UTF-32LE"), (.utf32BigEndian, "UTF-32BE"), (.utf32, "UTF-32"),
        ]
        for (encoding, named) in cases {
            for layout in ["auto", "xml", "csv"] {
                let run = try Binary.run([layout, "csv"], stdin: [UInt8](try #require(text.data(using: encoding))))
                #expect(run.status == 2, "\(named) as \(layout)")
                #expect(run.stderr.contains("iconv -f \(named)"), "\(named) as \(layout): \(run.stderr)")
            }
        }
    }

    @Test func baselinesAreCheckedAndNeverWrittenPartly() throws {
        try #require(Binary.isBuilt, "\(Binary.missingMessage)")
        let directory = try Scratch.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = [
            ("{\"version\": 7, \"entries\": []}", "version 7"),
            ("{\"version\": 1, \"entries\": [{\"rule\": \"duplicate-record\", \"count\": -1}]}", "count of -1"),
            ("{\"version\": 1, \"entries\": [{\"rule\": \"made-up\", \"count\": 1}]}", "unknown rule 'made-up'"),
        ]
        for (json, reason) in cases {
            try json.write(to: directory.appendingPathComponent("b.json"), atomically: false, encoding: .utf8)
            let run = try Binary.run(["validate", Self.sample, "--baseline", "b.json"], in: directory)
            #expect(run.status == 2 && run.stderr.contains(reason), "\(run.stderr)")
        }
        let both = try Binary.run(["validate", Self.sample, "--baseline", "b.json", "--write-baseline", "b.json"], in: directory)
        #expect(both.status == 2 && both.stderr.contains("do not go together"), "\(both.stderr)")
        let failed = try Binary.run(["validate", Self.sample, "missing.xml", "--write-baseline", "new.json"], in: directory)
        #expect(failed.status == 2 && failed.stderr.contains("baseline not written"), "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("new.json").path))
    }
}

