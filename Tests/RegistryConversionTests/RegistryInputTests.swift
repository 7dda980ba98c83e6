import RegistryConversion
import RegistryModel
import RegistryReaders
import RegistryValidation
import Testing

/// Reading inputs: several files as one registry, standard layouts named or detected, and the
/// failures said the way the command line prints them.
@Suite struct RegistryInputTests {
    @Test func severalInputsReadAsOneRegistryInOrder() throws {
        let files = try ScratchFiles()
        let first = try files.write("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\n", to: "1.csv")
        let second = try files.write("\(csvHeader)\r\ndiscard,9,udp,Discard,,,,,,,,\r\nbad,9,udp,\"open\r\n", to: "2.csv")
        let notices = Notices()
        #expect(throws: ReadError.self) { try notices.input(.detected).read([first, second]) }

        let fixed = try files.write("\(csvHeader)\r\ndiscard,9,udp,Discard,,,,,,,,\r\n", to: "2.csv")
        let registry = try notices.input(.named(CSVReader.self)).read([first, fixed])
        #expect(registry.records.map { $0.serviceNameText } == ["echo", "discard"])
        #expect(registry.sourceFiles == [first, fixed])
        #expect(registry.records.map { $0.locations.best(.record)?.file } == [0, 1], "each record knows its input")
    }

    @Test func recordsGoToTheSinkAndTheRegistryKeepsTheRest() throws {
        let files = try ScratchFiles()
        let path = try files.write("\(csvHeader)\r\necho,7,tcp,Echo,,,,,,,,\r\ndiscard,9,udp,Discard,,,,,,,,\r\n", to: "r.csv")
        var names: [String?] = []
        let registry = try Notices().input(.detected).read([path]) { names.append($0.serviceNameText) }
        #expect(names == ["echo", "discard"])
        #expect(registry.records.isEmpty)
    }

    @Test func whatTheReaderNoticedIsHandedOn() throws {
        let files = try ScratchFiles()
        let path = try files.write("""
            <registry xmlns="http://www.iana.org/assignments">
            <!-- a comment -->
            <record><name>echo</name><protocol>tcp</protocol><number>7</number><description>Echo</description></record>
            </registry>
            """, to: "r.xml")
        let notices = Notices()
        let (source, registry) = try notices.input(.detected).readOne(path)
        #expect(source.reader.name == XMLReader.name)
        #expect(source.input.displayName == path)
        #expect(registry.records.count == 1)
        #expect(notices.all.count == 1, "\(notices.all)")
        #expect(notices.all.first?.description == "\(path):2:1: warning: XML comment ignored: the model has no place for comments inside the registry")
    }

    @Test func failuresAreLocatedMessages() throws {
        let files = try ScratchFiles()
        let input = Notices().input(.detected)
        do {
            _ = try input.readOne(files.directory.appendingPathComponent("missing.xml").path)
            Issue.record("a missing file reads")
        } catch {
            #expect(error.description.hasSuffix("missing.xml: error: cannot read: open: No such file or directory"))
        }
        let garbage = try files.write("\u{1}\u{2}garbage", to: "garbage")
        do {
            _ = try input.readOne(garbage)
            Issue.record("content of no layout reads")
        } catch {
            #expect(error.description == "\(garbage):1:1: error: cannot tell the layout from the content; name it instead of 'auto' (\(Readers.names.joined(separator: ", ")))")
        }
    }

    @Test func standardInputIsNamedAsSuch() {
        #expect(RegistryInput.displayName("-") == "<stdin>")
        #expect(RegistryInput.displayName("a.xml") == "a.xml")
    }

    @Test func theSizeHintCountsFilesAndAMegabyteForStandardInput() throws {
        let files = try ScratchFiles()
        let path = try files.write(String(repeating: "x", count: 1000), to: "x")
        #expect(RegistryInput.sizeHint([path, "-"]) == 1000 + (1 << 20))
    }
}
