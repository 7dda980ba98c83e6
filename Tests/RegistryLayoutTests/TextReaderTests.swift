import Testing
import RegistryModel
import RegistryReaders

/// IANA's text page, one point per fixture. Column numbers in the fixtures are exact: the
/// reader finds the columns from the blanks that run through every line.
@Suite struct TextReaderTests {
    static let title = "                    Service Name and Transport Protocol Port Number Registry\n\n"
    static let header = """
        Service Name Port Number Transport Description          Assignment Notes
                                 Protocol

        """

    func records(_ body: String) throws -> [Record] {
        try read(Self.title + Self.header + body, with: TextReader.self).0.records
    }

    @Test func oneLineCellsSitOnTheMiddleLineOfTheTallestCell() throws {
        let records = try records("""
                                                                    Defined TXT keys: rp
                                               Printer discovery    (see [RFC2911])
            printer                            for IPP
                                                                Known subtypes:
                                                                _universal
            echo              7        tcp     Echo

            """)
        #expect(records.count == 2)
        #expect(records[0].name?.text == "printer")
        #expect(records[0].description?.plainText == "Printer discovery for IPP", "a 2-line cell starts one line above the name")
        #expect(records[0].notes.first?.plainText == "Defined TXT keys: rp (see [RFC2911])\n\nKnown subtypes: _universal", "the note starts 2 lines above")
        #expect(records[1].name?.text == "echo")
        #expect(records[1].notes.isEmpty)
    }

    /// Two rows that both groupings fit, as pairs on IANA's page (`sallingclicker`/
    /// `salutafugijms`, `asam-cmp`/`aseba`, `sepvsync`/`serendipd`), and the cue that decides
    /// them: the middle line echoes the second row's name, or would repeat the word the first
    /// row ends with, or the line after it opens with the second row's name. With the cue
    /// replaced, the capitals and the even heights decide, the other way.
    static let ambiguousPairs: [(page: String, cue: String, plain: String, withCue: [String], without: [String])] = [
        ("""
            clicker                            Salling Clicker
                                               Salutafugi Peer Java
            salutafugi                         Message Service
                                               Implementation

            """, "salutafugi", "jms-bridge",
         ["Salling Clicker", "Salutafugi Peer Java Message Service Implementation"],
         ["Salling Clicker Salutafugi Peer Java", "Message Service Implementation"]),
        ("""
            capture           1        udp     Capture Protocol
                                               protocol for event
            aseba             2        tcp     architecture for
                                               robots

            """, "protocol for event", "used for event    ",
         ["Capture Protocol", "protocol for event architecture for robots"],
         ["Capture Protocol used for event", "architecture for robots"]),
        ("""
            sepv                               SEPV Data
                                               Synchronization
            patchd                             patchd Patches for
                                               Pure Data

            """, "patchd Patches", "graphs Patches",
         ["SEPV Data Synchronization", "patchd Patches for Pure Data"],
         ["SEPV Data", "Synchronization graphs Patches for Pure Data"]),
    ]

    @Test(arguments: ambiguousPairs.indices)
    func aLineThatCouldGoEitherWayFollowsItsCue(pair: Int) throws {
        let (page, cue, plain, withCue, without) = Self.ambiguousPairs[pair]
        #expect(try records(page).map { $0.description?.plainText } == withCue)
        #expect(try records(page.replacingOccurrences(of: cue, with: plain)).map { $0.description?.plainText } == without)
    }

    @Test func wrappedCellsAreJoinedWithASpace() throws {
        let records = try records("""
            discard           9        tcp     Discard server that  Historic
                                               drops its input

            """)
        #expect(records.map { $0.description?.plainText } == ["Discard server that drops its input"])
        #expect(records[0].number?.value == PortRange(port: 9))
        #expect(records[0].transportProtocol?.value == .tcp)
    }

    @Test func aLineBreakSurvivesWhereTheNextWordWouldHaveFitted() throws {
        let records = try records("""
            discard           9        tcp     Discard server       Historic
                                               drops its input

            """)
        #expect(records[0].description == RichText([.text("Discard server"), .lineBreak, .text("drops its input")]))
    }

    @Test func anEmptyLineInsideACellIsKeptAsLineBreaks() throws {
        let records = try records("""
                                                                Defined TXT keys:
            echo              7        tcp     Echo
                                                                txtvers=1

            """)
        #expect(records[0].notes == [RichText([.text("Defined TXT keys:"), .lineBreak, .lineBreak, .text("txtvers=1")])])
    }

    @Test func readsARangeWithoutProtocol() throws {
        let records = try records("""
                             10-19             Unassigned

            """)
        #expect(records[0].number?.value == PortRange(lower: 10, upper: 19))
        #expect(records[0].transportProtocol == nil)
        #expect(records[0].name == nil)
        #expect(records[0].state == .unassigned)
    }

    @Test func readsANameOnlyRow() throws {
        let records = try records("""
            printer                            Printer discovery

            """)
        #expect(records[0].name?.text == "printer")
        #expect(records[0].number == nil)
        #expect(records[0].transportProtocol == nil)
    }

    @Test func aTruncatedTableIsAnErrorWithItsLine() {
        let page = Self.title + Self.header + """
                                                                Defined TXT keys: rp
                                               Printer discovery    (see [RFC2911])
            printer                            for IPP
                                                                Known subtypes:

            """
        let error = readError(Array(page.utf8), with: TextReader.self)
        #expect(error?.line == 7, "the line of the row that has no lines below: \(String(describing: error))")
        #expect(error?.message.contains("truncated") == true)
    }

    @Test func aPageCutInTheMiddleOfALineIsAnError() {
        let page = Self.title + Self.header + "discard           9        tcp     Discard ser"
        let error = readError(Array(page.utf8), with: TextReader.self)
        #expect(error?.line == 5)
        #expect(error?.message.contains("truncated") == true)
    }

    @Test func aHeaderWithoutRowsIsAnError() {
        let error = readError(Array((Self.title + Self.header).utf8), with: TextReader.self)
        #expect(error?.message.contains("no rows") == true)
        #expect(readError(Array("just some text\n".utf8), with: TextReader.self)?.line == 1)
    }

    @Test func recordsWhereEachCellWasRead() throws {
        let records = try records("""
            discard           9        tcp     Discard server that  Historic
                                               drops its input

            """)
        let locations = records[0].locations
        // Line 5: the title, an empty line and two header lines come first.
        #expect(locations[.record] == SourceLocation(line: 5, column: 1))
        #expect(locations[.name] == SourceLocation(line: 5, column: 1))
        #expect(locations[.number] == SourceLocation(line: 5, column: 19))
        #expect(locations[.transportProtocol] == SourceLocation(line: 5, column: 28))
        #expect(locations[.description] == SourceLocation(line: 5, column: 36))
        #expect(locations[.notes] == SourceLocation(line: 5, column: 57))
    }

    @Test func columnsComeFromTheDataNotTheCentredHeader() throws {
        // "Assignee" is centred over a wide column whose cells start at its left edge.
        let page = Self.title + """
            Service Name Port Number Transport            Assignee                 Contact
                                     Protocol
            echo              7        tcp     [Jon_Postel][Mark_Lottor]           [Jon_Postel]
            echo              7        udp     [IESG]                              [IETF_Chair]

            """
        let records = try read(page, with: TextReader.self).0.records
        #expect(records[0].assignees?.map(\.data) == ["Jon_Postel", "Mark_Lottor"])
        #expect(records[0].contacts.map(\.data) == ["Jon_Postel"])
        #expect(records[1].assignees?.map(\.data) == ["IESG"])
        #expect(records[1].contacts.map(\.data) == ["IETF_Chair"])
    }

    @Test func readsTheMetadataPeopleAndFootnotes() throws {
        let page = Self.title + textPageMetadata + """
             Service names are assigned on a first-come, first-served process, as
             documented in [RFC6335].

            Request an Assignment

               [https://www.iana.org/protocols/apply]

            Available Formats
                    CSV [IMG]

            \(Self.header)echo              7        tcp     Echo

                                   Contact Information

                 ID         Name       Organization          Contact URI        Last
                                                                               Updated
            [Jon_Postel] Jon Postel                    mailto:postel&isi.edu   2002-01
                                    ZigBee Alliance's  mailto:ljm&exegin.com
            [ZigBee]                Network Device     mailto:other&exegin.com
                                    group

                                   Footnote

            [1] It is only appropriate to use these values in explicitly-
                configured experiments.

            Licensing Terms
            """
        let (registry, diagnostics) = try read(page, with: TextReader.self)
        #expect(diagnostics.isEmpty)
        #expect(registry.title == "Service Name and Transport Protocol Port Number Registry")
        #expect(registry.updated?.text == "2026-08-17")
        #expect(registry.experts == ["TCP/UDP: Joe Touch\nSCTP: Michael Tuexen"])
        #expect(registry.references == [Xref(type: .rfc, data: "rfc6335")])
        #expect(registry.notes.count == 2)
        #expect(registry.notes.first?.text.plainText == "Service names are assigned on a first-come, first-served process, as\ndocumented in [RFC6335].")
        #expect(registry.notes.last == RegistryNote(title: "Request an Assignment", text: RichText([.xref(Xref(type: .uri, data: "https://www.iana.org/protocols/apply"))])))
        #expect(registry.records.count == 1)
        let people = try #require(registry.people)
        #expect(people.map(\.id) == ["Jon_Postel", "ZigBee"])
        #expect(people[0].name == "Jon Postel")
        #expect(people[0].updated?.text == "2002-01")
        #expect(people[1].organization == "ZigBee Alliance's Network Device group")
        #expect(people[1].uris == ["mailto:ljm&exegin.com", "mailto:other&exegin.com"])
        #expect(registry.footnotes == [Footnote(anchor: "1", text: "It is only appropriate to use these values in explicitly-\nconfigured experiments.")])
    }

    @Test func recognisesIANAsPageButNotTheScrapedCopies() {
        let banner = "Internet Assigned Numbers Authority\n  \u{2022}\u{00A0}Domains\n"
        #expect(TextReader.recognizes(ArraySlice(banner.utf8)))
        #expect(TextReader.recognizes(ArraySlice((Self.title + "Last Updated\n").utf8)))
        // The seeds: Markdown-like items, and the page with runs of blanks collapsed.
        let markdown = "Service Name and Transport Protocol Port Number Registry\n- Last Updated\n- 2024-09-23\n"
        let collapsed = "Internet Assigned Numbers Authority\n\nService Name and Transport Protocol Port Number Registry\n\nLast Updated\n2024-04-19\n"
        #expect(!TextReader.recognizes(ArraySlice(markdown.utf8)))
        #expect(!TextReader.recognizes(ArraySlice(collapsed.utf8)))
        #expect(!TextReader.recognizes(ArraySlice("Service Name,Port Number,Transport Protocol\r\n".utf8)))
        #expect(Readers.reader(named: "plain") == TextReader.self && Readers.reader(named: "TEXT") == TextReader.self)
    }
}
