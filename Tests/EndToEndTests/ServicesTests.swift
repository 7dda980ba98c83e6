import Foundation
import Testing
import TestSupport

/// The services(5) layout as a user meets it: written by the binary, installed where the C
/// library reads it (a private mount namespace binds it over /etc/services), and asked.
@Suite(.serialized) struct ServicesTests {
    /// The 2026-08-17 registry as a services file, written once.
    static let written: Result<URL, any Error> = Result {
        let file = try Scratch.directory().appendingPathComponent("services")
        let run = try Binary.run(["xml", "services", Paths.file(Paths.registry2026XML).path, "-o", file.path])
        guard run.status == 0 else { throw CocoaError(.fileWriteUnknown) }
        return file
    }

    /// Runs `script` with the file bound over /etc/services; nil (and why) where that cannot be.
    static func withInstalled(_ file: URL, _ script: String) throws -> (output: String?, why: String) {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
            return (nil, "needs root and unshare(1) to bind a file over /etc/services")
        }
        let (_, output) = try Command.run(
            "/usr/bin/unshare", ["-m", "sh", "-c", "mount --bind \"$0\" /etc/services && \(script)", file.path], in: Paths.file("."))
        if output.contains("unshare failed") || output.contains("mount:") { return (nil, "no private mount namespace here: \(output)") }
        return (output, "")
    }

    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func theCLibraryAnswersAsTheRegistryDoes() throws {
        let file = try Self.written.get()
        let questions = "getent services x11/tcp; getent services 6010/tcp; getent services whois++/tcp; getent services sql-net/tcp; getent services 4250/tcp; echo end"
        let (answer, why) = try Self.withInstalled(file, questions)
        guard let answer else {
            print("skipped: \(why)")
            return
        }
        let lines = answer.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        #expect(lines == [
            "x11 6000/tcp",  // the lowest port of the range
            "x11 6010/tcp",  // a port inside it
            "whoispp 63/tcp whois++",  // an alias, on its replacement's line
            "sql-net 66/tcp sql*net",  // a name on two ports: the lowest
            "end",  // 4250 is vrml-multi-use's, which has no protocol: no line
        ])
    }

    /// Every assigned port and name of the registry, asked through Python's socket module.
    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func everyAssignedPortAndNameAnswersAsTheRegistryDoes() throws {
        let file = try Self.written.get()
        let (answer, why) = try Self.withInstalled(file, "python3 Tests/ServicesCheck/libc-answers.py \(Paths.registry2026XML)")
        guard let answer else {
            print("skipped: \(why)")
            return
        }
        #expect(answer.contains("ports: 11621 of 11621 answered as the registry does (100.00 %)"), "\(answer)")
        #expect(answer.contains("names: 11661 of 11661 answered as the registry does (100.00 %)"), "\(answer)")
    }

    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func ourFileReadsBackAndWritesItselfAgain() throws {
        let file = try Self.written.get()
        let again = try Binary.run(["services", "services", file.path])
        #expect(again.status == 0)
        #expect(again.stdout == Array(try Data(contentsOf: file)))
        #expect(again.stderr.isEmpty, "\(again.stderr)")
    }

    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func validateChecksNetbasesFileWithTheRegistrysRules() throws {
        let run = try Binary.run(["validate", Paths.file("Tests/Fixtures/services/netbase-6.4.services").path, "--disable", "coverage-gap"])
        #expect(run.status == 1)
        let out = run.stdoutText
        #expect(out.contains("netbase-6.4.services:283:9: error: protocol 'ddp' is not one of tcp, udp, sctp, dccp (RFC 6335 §5) [transport-protocol]"))
        #expect(out.contains("netbase-6.4.services:341:1: error: service name 'clc-build-daemon' longer than 15 characters"))
        #expect(out.contains("warning: legacy service name 'gds_db'"))
        #expect(out.contains("netbase-6.4.services:357:11: error: dircproxy 57000/tcp is assigned in the Dynamic and/or Private range"))
    }
}

@Suite struct LookupCommandTests {
    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func answersFromTheBuiltInRegistry() throws {
        let run = try Binary.run(["lookup", "4250/tcp", "X11", "whois++", "6000-6001/udp"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutText == """
            registry: built-in, updated 2026-08-17
            4250/tcp: User Ports (1024-49151)
              vrml-multi-use   4200-4299 (any protocol) VRML Multi User Systems
            X11
              x11              6000-6063/tcp    X Window System
              x11              6000-6063/udp    X Window System
            whois++
              whois++          63/tcp           whois++
              whois++          63/udp           whois++
            6000-6001/udp: User Ports (1024-49151)
              x11              6000-6063/udp    X Window System

            """)
    }

    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func nothingFoundExitsOneTroubleTwo() throws {
        let dynamic = try Binary.run(["lookup", "50000"])
        #expect(dynamic.status == 1)
        #expect(dynamic.stdoutText.contains("not assigned: IANA never assigns Dynamic Ports (RFC 6335 §6)"))
        let unassigned = try Binary.run(["lookup", "4367/tcp"])
        #expect(unassigned.status == 1)
        #expect(unassigned.stdoutText.contains("  -                4367 (any protocol) Unassigned\n  not assigned\n"))
        #expect(try Binary.run(["lookup", "no-such-service-x"]).status == 1)
        #expect(try Binary.run(["lookup", "70000"]).status == 2)
        #expect(try Binary.run(["lookup", "80", "--registry", "/nonexistent"]).status == 2)
    }

    @Test(.enabled(if: Binary.isBuilt, "\(Binary.missingMessage)"))
    func answersFromAGivenRegistryInAnyLayoutAsJSON() throws {
        let csv = try Paths.bytes("Samples/registry.csv")
        let run = try Binary.run(["lookup", "1/udp", "--registry", "-", "--format", "json"], stdin: csv)
        #expect(run.status == 0, "\(run.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout)) as? [String: Any]
        let registry = json?["registry"] as? [String: Any]
        #expect(registry?["source"] as? String == "<stdin>")
        let answers = json?["answers"] as? [[String: Any]]
        let records = answers?.first?["records"] as? [[String: Any]]
        #expect(records?.map { $0["port"] as? String } == ["1"])
        #expect(records?.first?["transportProtocol"] as? String == "udp")
    }
}
